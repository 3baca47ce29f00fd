package org.jiaoyan.dictionary.web;

import java.util.Arrays;
import java.util.List;
import org.jiaoyan.dictionary.DictItem;
import org.jiaoyan.dictionary.DictKind;
import org.jiaoyan.dictionary.Dictionaries;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 数据字典 (administrators): values of each dictionary, added and edited inline; values are disabled, never deleted. */
@Controller
class DictionaryController {

    private final Dictionaries dictionaries;

    DictionaryController(Dictionaries dictionaries) {
        this.dictionaries = dictionaries;
    }

    @GetMapping("/admin/dictionaries")
    String list(@RequestParam(defaultValue = DictKind.SUBJECT) String kind, @RequestParam(required = false) @Nullable Long edit,
                Model model) {
        Access.requireAdmin();
        String k = DictKind.ALL.contains(kind) ? kind : DictKind.SUBJECT;
        model.addAttribute("nav", "dictionaries");
        model.addAttribute("kinds", DictKind.ALL);
        model.addAttribute("kind", k);
        model.addAttribute("items", dictionaries.allItems(k));
        model.addAttribute("edit", edit);
        return "dictionary/dictionary-list";
    }

    @PostMapping("/admin/dictionaries/{kind}")
    String create(@PathVariable String kind, @RequestParam String code, @RequestParam String label,
                  @RequestParam(required = false) @Nullable String labelEn, @RequestParam(required = false) @Nullable Integer rank,
                  @RequestParam(defaultValue = "") String aliases, @RequestParam(defaultValue = "0") int sortOrder,
                  RedirectAttributes redirect) {
        try {
            if (code.isBlank() || label.isBlank()) {
                throw new ValidationException("code", "validation.required");
            }
            dictionaries.create(kind, code.trim().toUpperCase(), label.trim(), labelEn, rank, split(aliases), sortOrder);
            Flash.success(redirect, "saved");
        } catch (ValidationException e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/admin/dictionaries?kind=" + kind;
    }

    @PostMapping("/admin/dictionaries/item/{id}")
    String update(@PathVariable long id, @RequestParam int version, @RequestParam String label,
                  @RequestParam(required = false) @Nullable String labelEn, @RequestParam(required = false) @Nullable Integer rank,
                  @RequestParam(defaultValue = "") String aliases, @RequestParam(defaultValue = "0") int sortOrder,
                  @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        DictItem item = dictionaries.byId(id);
        try {
            dictionaries.update(id, version, label.trim(), labelEn, rank, split(aliases), sortOrder, enabled);
            Flash.success(redirect, "saved");
        } catch (ValidationException | StaleEditException e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/admin/dictionaries?kind=" + item.kind();
    }

    private static List<String> split(String aliases) {
        return Arrays.stream(aliases.split("[、,，|\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
