package org.jiaoyan.plan;

import java.time.LocalDate;

/** A schedule item of a published plan that names the person as owner, or a group they lead: their 成长档案. */
public record OwnedItem(long itemId, long planId, String planTitle, String content, LocalDate periodStart,
                        LocalDate periodEnd, ItemState state) {
}
