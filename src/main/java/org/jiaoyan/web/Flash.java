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
}
