package org.jiaoyan.shared;

import org.jspecify.annotations.Nullable;

/** What a form field typed, as the services keep it. */
public final class Text {

    private Text() {
    }

    /** Stripped; blank or missing → null. */
    public static @Nullable String clean(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
