package org.jiaoyan.plan;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The schedule laid out as the offices' own tables: 常规工作 (每周, 每月) first, then month by month in term order; an
 * item belongs to the month it starts in. Pages and exports show the same grouping.
 */
public final class Schedule {

    private Schedule() {
    }

    /** A block of rows under one month (month null: the routine 常规工作 that runs all term). */
    public record Group(@Nullable YearMonth month, List<PlanItem> items) {
        public boolean routine() {
            return month == null;
        }
    }

    public static List<Group> groups(List<PlanItem> items) {
        List<PlanItem> routine = new ArrayList<>();
        Map<YearMonth, List<PlanItem>> months = new LinkedHashMap<>();
        List<PlanItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(PlanItem::periodStart).thenComparingInt(PlanItem::sortOrder)
                .thenComparingLong(PlanItem::id));
        for (PlanItem it : sorted) {
            if (it.time().kind().repeating()) {
                routine.add(it);
            } else {
                months.computeIfAbsent(YearMonth.from(it.periodStart()), m -> new ArrayList<>()).add(it);
            }
        }
        List<Group> groups = new ArrayList<>();
        if (!routine.isEmpty()) {
            routine.sort(Comparator.comparingInt(PlanItem::sortOrder).thenComparingLong(PlanItem::id));
            groups.add(new Group(null, routine));
        }
        months.forEach((m, list) -> groups.add(new Group(m, list)));
        return groups;
    }

    /** The items in the order of the groups, for numbered lists (序号). */
    public static List<PlanItem> ordered(List<PlanItem> items) {
        return groups(items).stream().flatMap(g -> g.items().stream()).toList();
    }
}
