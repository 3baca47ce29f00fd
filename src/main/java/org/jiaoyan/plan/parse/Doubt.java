package org.jiaoyan.plan.parse;

/**
 * Why a parsed item should be looked at before it is imported: the parser guessed something the text did not say
 * plainly. An item with no doubt is read with high confidence.
 */
public enum Doubt {
    /** The owner was cut out of text where cells were glued together (10—12王海燕, 王海燕李明). */
    OWNER_UNGLUED,
    /** A time word (上旬, 月底, 开学前, 期中, 期末, 寒假前) was mapped to a month of the term. */
    TIME_WORD,
    /** A cell of the row was missing (a merged cell in the original table) and was taken from the row above. */
    MERGED_CELL_FILLED,
    /** No time was found for the item. */
    NO_TIME
}
