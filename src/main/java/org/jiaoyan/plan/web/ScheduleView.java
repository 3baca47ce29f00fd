package org.jiaoyan.plan.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jiaoyan.plan.ItemStatus;
import org.jiaoyan.plan.Party;
import org.jiaoyan.plan.PlanItem;

/** The counts the board shows (by status, by owner, planned and done per month), from one list of items. */
final class ScheduleView {

    private ScheduleView() {
    }

    static Map<ItemStatus, Long> byStatus(List<PlanItem> items, LocalDate today) {
        Map<ItemStatus, Long> counts = new EnumMap<>(ItemStatus.class);
        for (ItemStatus s : ItemStatus.values()) {
            counts.put(s, 0L);
        }
        items.forEach(it -> counts.merge(it.status(today), 1L, Long::sum));
        return counts;
    }

    /** Per owner (resolved names; the written text when none resolved): counts by status. */
    static Map<String, Map<ItemStatus, Long>> byOwner(List<PlanItem> items, LocalDate today) {
        Map<String, Map<ItemStatus, Long>> out = new TreeMap<>();
        for (PlanItem it : items) {
            List<String> names = it.owners().stream().map(Party::name).toList();
            if (names.isEmpty()) {
                names = List.of(it.ownerLabel().isBlank() ? "—" : it.ownerLabel());
            }
            if (it.ownerAll() && it.owners().isEmpty()) {
                names = List.of("全体");
            }
            for (String n : names) {
                out.computeIfAbsent(n, k -> new EnumMap<>(ItemStatus.class)).merge(it.status(today), 1L, Long::sum);
            }
        }
        return out;
    }

    /** Planned, done and overdue items per month of the term (by the month an item ends), for the progress chart. */
    record Progress(List<String> months, List<Long> planned, List<Long> done, List<Long> overdue) {
    }

    static Progress progressByMonth(List<PlanItem> items, LocalDate today) {
        Map<YearMonth, long[]> months = new TreeMap<>();
        for (PlanItem it : items) {
            long[] c = months.computeIfAbsent(YearMonth.from(it.periodEnd()), k -> new long[3]);
            c[0]++;
            ItemStatus s = it.status(today);
            if (s == ItemStatus.DONE) {
                c[1]++;
            } else if (s == ItemStatus.OVERDUE) {
                c[2]++;
            }
        }
        Progress p = new Progress(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        months.forEach((ym, c) -> {
            p.months().add(ym.getMonthValue() + "月");
            p.planned().add(c[0]);
            p.done().add(c[1]);
            p.overdue().add(c[2]);
        });
        return p;
    }
}
