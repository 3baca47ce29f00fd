package org.jiaoyan.notify.web;

import org.jiaoyan.notify.NotifyPreferences;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 通知设置: the signed-in user's own e-mail address, channels and quiet hours. */
@Controller
@RequestMapping("/notify/preferences")
class PreferencesController {

    private final NotifyPreferences preferences;

    PreferencesController(NotifyPreferences preferences) {
        this.preferences = preferences;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("nav", "notify-preferences");
    }

    @GetMapping
    String edit(Model model) {
        model.addAttribute("form", PreferencesForm.of(preferences.mine()));
        return page(model);
    }

    @PostMapping
    String save(@ModelAttribute("form") PreferencesForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                preferences.saveMine(form.toPreference());
                Flash.success(redirect, "notify.prefs.saved");
                return "redirect:/notify/preferences";
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("available", preferences.available());
        model.addAttribute("emailOffered", preferences.emailOffered());
        return "notify/preferences";
    }
}
