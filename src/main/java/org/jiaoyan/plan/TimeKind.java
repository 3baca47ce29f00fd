package org.jiaoyan.plan;

/** How an item's time is written: months (9月, 9—12月, 10、12月), teaching weeks, dates, or a repetition. */
public enum TimeKind {
    MONTHS, WEEKS, DATES, WEEKLY, MONTHLY;

    public boolean repeating() {
        return this == WEEKLY || this == MONTHLY;
    }
}
