package org.jiaoyan.profile.web;

import org.jspecify.annotations.Nullable;

/** The 学年 range of the profile page and portfolio: from and to, both school years (2026 = 2026—2027学年). */
public class YearFilter {

    private @Nullable Integer from;
    private @Nullable Integer to;

    public @Nullable Integer getFrom() {
        return from;
    }

    public void setFrom(@Nullable Integer from) {
        this.from = from;
    }

    public @Nullable Integer getTo() {
        return to;
    }

    public void setTo(@Nullable Integer to) {
        this.to = to;
    }
}
