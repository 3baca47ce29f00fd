package org.jiaoyan.dictionary.web;

import jakarta.validation.Valid;
import java.util.List;
import org.jiaoyan.dictionary.DictItem;
import org.jiaoyan.dictionary.DictKind;
import org.jiaoyan.dictionary.Dictionaries;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 数据字典 (administrators): values of each dictionary, added and edited inline; values are disabled, never deleted. */
@Controller
@RequestMapping("/admin/dictionaries")
class DictionaryController {

    private final Dictionaries dictionaries;

    DictionaryController(Dictionaries dictionaries) {
        this.dictionaries = dictionaries;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = DictKind.SUBJECT) String kind, @RequestParam(required = false) @Nullable Long edit,
                Model model) {
        Access.requireAdmin();
        String k = DictKind.ALL.contains(kind) ? kind : DictKind.SUBJECT;
        if (edit != null) {
            DictItem item = dictionaries.byId(edit);
            k = item.kind();
            model.addAttribute("editItem", DictItemForm.of(item));
        }
        return page(model, k, edit);
    }

    @PostMapping("/{kind}")
    String create(@PathVariable String kind, @Valid @ModelAttribute("newItem") DictItemForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        Access.requireAdmin();
        if (!DictKind.ALL.contains(kind)) {
            throw new NotFoundException();
        }
        String code = form.normalisedCode();
        if (!code.matches("[A-Z0-9_]{1,40}")) {
            result.rejectValue("code", "dict.code.invalid");
        }
        if (!result.hasErrors()) {
            try {
                dictionaries.create(kind, code, form.getLabel(), form.labelEnOrNull(), form.getRank(), form.aliasList(),
                        form.getSortOrder());
                Flash.success(redirect, "dict.created", form.getLabel());
                return "redirect:/admin/dictionaries?kind=" + kind;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        return page(model, kind, null);
    }

    @PostMapping("/item/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("editItem") DictItemForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        Access.requireAdmin();
        DictItem item = dictionaries.byId(id);
        form.setCode(item.code());
        if (!result.hasErrors()) {
            try {
                dictionaries.update(id, form.getVersion(), form.getLabel(), form.labelEnOrNull(), form.getRank(),
                        form.aliasList(), form.getSortOrder(), form.isEnabled());
                Flash.success(redirect, "saved");
                return "redirect:/admin/dictionaries?kind=" + item.kind();
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } catch (StaleEditException e) {
                Forms.reject(e, result);
            }
        }
        return page(model, item.kind(), id);
    }

    private String page(Model model, String kind, @Nullable Long edit) {
        List<DictItem> items = dictionaries.allItems(kind);
        if (!model.containsAttribute("newItem")) {
            DictItemForm blank = new DictItemForm();
            // New values go to the end unless the admin says otherwise.
            blank.setSortOrder(items.stream().mapToInt(DictItem::sortOrder).max().orElse(0) + 10);
            model.addAttribute("newItem", blank);
        }
        model.addAttribute("nav", "dictionaries");
        model.addAttribute("kinds", DictKind.ALL);
        model.addAttribute("kind", kind);
        model.addAttribute("items", items);
        model.addAttribute("edit", edit);
        return "dictionary/dictionary-list";
    }
}
