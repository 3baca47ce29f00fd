package org.jiaoyan.account.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jiaoyan.account.ApiTokens;
import org.jiaoyan.account.UserAccounts;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.springframework.http.HttpHeaders;
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

/** 个人中心: who I am, change my password, my personal API tokens. */
@Controller
@RequestMapping("/profile")
class ProfileController {

    private final UserAccounts accounts;
    private final ApiTokens tokens;

    ProfileController(UserAccounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("nav", "profile");
    }

    @GetMapping
    String profile(Model model) {
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm());
        }
        return page(model);
    }

    @PostMapping("/password")
    String changePassword(@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult result, Model model,
                          RedirectAttributes redirect) {
        if (!result.hasErrors() && !form.getNewPassword().equals(form.getRepeatPassword())) {
            result.rejectValue("repeatPassword", "user.password.mismatch");
        }
        if (!result.hasErrors()) {
            try {
                accounts.changeOwnPassword(form.getCurrentPassword(), form.getNewPassword());
                Flash.success(redirect, "user.password.changed");
                return "redirect:/profile";
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        return page(model);
    }

    @PostMapping("/tokens")
    String createToken(@RequestParam String name, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            model.addAttribute("secret", tokens.create(name));
            // The secret is shown this once; keep it out of browser and proxy caches and the back button.
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            model.addAttribute("tokenName", name.trim());
            return "account/token-created";
        } catch (ValidationException e) {
            Flash.error(redirect, e.messageKey(), e.args());
            return "redirect:/profile";
        }
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id);
        Flash.success(redirect, "token.revoked");
        return "redirect:/profile";
    }

    private String page(Model model) {
        model.addAttribute("account", accounts.get(Access.user().id()));
        model.addAttribute("tokens", tokens.mine());
        return "account/profile";
    }

    /** Change-password form; the three fields are never echoed back. */
    public static class PasswordForm {
        @NotBlank
        private String currentPassword = "";
        @NotBlank
        private String newPassword = "";
        @NotBlank
        private String repeatPassword = "";

        public String getCurrentPassword() { return currentPassword; }
        public void setCurrentPassword(String v) { currentPassword = v == null ? "" : v; }
        public String getNewPassword() { return newPassword; }
        public void setNewPassword(String v) { newPassword = v == null ? "" : v; }
        public String getRepeatPassword() { return repeatPassword; }
        public void setRepeatPassword(String v) { repeatPassword = v == null ? "" : v; }
    }
}
