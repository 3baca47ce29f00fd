package org.jiaoyan.plan.parse;

/** A line of the schedule part that became no item and is not page furniture, so that a person can look at it. */
public record UnrecognisedLine(int line, String text) {
}
