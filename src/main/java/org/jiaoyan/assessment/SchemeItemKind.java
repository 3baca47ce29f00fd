package org.jiaoyan.assessment;

/** Where an item's points come from. */
public enum SchemeItemKind {
    /** points per record of a metric (an observation, an open lesson, a sign-in) */
    RECORD,
    /** points per period a rule was met, a deduction per period it was missed */
    RULE,
    /** points per published 月查 round, in proportion to the score there */
    CHECK,
    /** points per entry the office records (a paper, an award by level) */
    ENTRY;

    public String messageKey() {
        return "assessment.itemKind." + name();
    }
}
