package org.jiaoyan.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One-time messages the layout shows after a redirect (PRG); the value is a message key. */
public final class Flash {

    private Flash() {
    }

    public static void success(RedirectAttributes attrs, String messageKey, Object... args) {
        attrs.addFlashAttribute("flashSuccess", messageKey);
        attrs.addFlashAttribute("flashArgs", args);
    }

    public static void error(RedirectAttributes attrs, String messageKey, Object... args) {
        attrs.addFlashAttribute("flashError", messageKey);
        attrs.addFlashAttribute("flashArgs", args);
    }

    /**
     * Runs a button's action (submit, approve, mark done …): success flashes its message; a refusal the user can act on
     * (a rejected value, a stale version) flashes why. The caller redirects back to the page either way.
     */
    public static void outcome(RedirectAttributes attrs, String successKey, Runnable action) {
        try {
            action.run();
            success(attrs, successKey);
        } catch (org.jiaoyan.shared.ValidationException | org.jiaoyan.shared.StaleEditException e) {
            error(attrs, e.messageKey(), e.args());
        }
    }
}
