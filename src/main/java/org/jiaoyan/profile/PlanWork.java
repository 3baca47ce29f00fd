package org.jiaoyan.profile;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jiaoyan.plan.ItemState;
import org.jiaoyan.plan.OwnedItem;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.plan.Plans;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** 计划: the schedule items the teacher owned, and the plans they wrote. */
@Component
class PlanWork implements ProfileSection {

    private final PlanItems items;
    private final Plans plans;
    private final MessageSource messages;

    PlanWork(PlanItems items, Plans plans, MessageSource messages) {
        this.items = items;
        this.plans = plans;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<ProfileTable> tables(ProfileTeacher teacher, YearRange years, Locale locale) {
        Words w = new Words(messages, locale);
        LocalDate today = LocalDate.now();
        List<ProfileRow> owned = items.ownedBy(teacher.personId(), years.from(), years.to()).stream()
                .map(i -> new ProfileRow(i.periodStart(), "/plans/" + i.planId() + "/items/" + i.itemId(),
                        List.of(i.content(), i.planTitle(), w.text(status(i, today)))))
                .toList();
        List<ProfileRow> written = plans.authoredBy(teacher.personId(), teacher.usernames(), years.from(), years.to()).stream()
                .map(p -> new ProfileRow(p.termStart(), "/plans/" + p.id(),
                        List.of(p.title(), p.unitName(), w.term(p.schoolYear(), p.semester()), w.text(p.status().messageKey()))))
                .toList();
        return List.of(
                new ProfileTable("planItems", "growth.planItems",
                        List.of("growth.col.content", "growth.col.plan", "growth.col.status"), owned),
                new ProfileTable("plans", "growth.plans",
                        List.of("growth.col.title", "growth.col.office", "growth.col.term", "growth.col.status"), written));
    }

    /** 已完成 / 取消, or by the date 逾期 / 未开始 / 进行中 (the plan's own words). */
    private static String status(OwnedItem i, LocalDate today) {
        if (i.state() == ItemState.DONE) {
            return "plan.itemStatus.DONE";
        }
        if (i.state() == ItemState.CANCELLED) {
            return "plan.itemStatus.CANCELLED";
        }
        if (i.periodEnd().isBefore(today)) {
            return "plan.itemStatus.OVERDUE";
        }
        return i.periodStart().isAfter(today) ? "plan.itemStatus.NOT_STARTED" : "plan.itemStatus.IN_PROGRESS";
    }
}
