package org.jiaoyan.notify;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Texts that leave the app or are stored (e-mail footers, test messages, failure reasons in the send log): always the
 * Chinese bundle, whatever the locale of the request that caused them.
 */
@Component
class Reasons {

    private final MessageSource messages;

    Reasons(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    /** The innermost cause's message, or its class name when it has none; never longer than 300 characters. */
    static String detail(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        String text = m == null || m.isBlank() ? root.getClass().getSimpleName() : m.strip();
        return text.length() > 300 ? text.substring(0, 299) + "…" : text;
    }
}
