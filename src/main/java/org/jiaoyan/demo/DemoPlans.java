package org.jiaoyan.demo;

import java.time.LocalDate;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.plan.ItemStatus;
import org.jiaoyan.plan.PlanData;
import org.jiaoyan.plan.PlanItem;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.plan.PlanTemplate;
import org.jiaoyan.plan.Plans;
import org.springframework.stereotype.Component;

/**
 * Demo plans for the current term: the experimental school's 教科室 plan and the county 教研室 plan, both published,
 * with the items of past months mostly done so that the board, 我的任务 and the summary have something to show.
 */
@Component
class DemoPlans {

    private final Plans plans;
    private final PlanItems items;
    private final Terms terms;
    private final OrgUnits units;

    DemoPlans(Plans plans, PlanItems items, Terms terms, OrgUnits units) {
        this.plans = plans;
        this.items = items;
        this.terms = terms;
        this.units = units;
    }

    /** Runs as the system user inside the demo set-up. */
    void create(long schoolId, long countyOfficeId) {
        SchoolTerm term = terms.current().orElse(null);
        if (term == null) {
            return;
        }
        long office = units.unitsOf(schoolId, UnitType.DEPARTMENT, false).stream()
                .filter(u -> u.name().equals("教科室")).map(OrgUnit::id).findFirst().orElse(schoolId);
        long school = plans.create(new PlanData(office, term.id(), term.label() + "教科室工作计划",
                PlanTemplate.SCHOOL_RESEARCH_OFFICE, 3));
        publish(school);
        LocalDate today = LocalDate.now();
        int n = 0;
        for (PlanItem it : items.items(school)) {
            // two of three past items done; the rest stays overdue so the board shows both
            if (it.status(today) == ItemStatus.OVERDUE && n++ % 3 != 2) {
                finish(items, it, "已按计划完成。");
            }
        }
        long county = plans.create(new PlanData(countyOfficeId, term.id(), term.label() + "县教研室工作计划",
                PlanTemplate.COUNTY_RESEARCH_OFFICE, 5));
        publish(county);
    }

    /** Submits, approves and publishes a plan (the demo runs as the system user). */
    void publish(long id) {
        plans.submit(id, plans.get(id).version());
        plans.approve(id, plans.get(id).version(), null);
        plans.publish(id, plans.get(id).version());
    }

    /**
     * Finishes a past demo item as the office would: marked done where a button may finish it, else closed by the
     * manager with the same note (records items and items of several owners).
     */
    static void finish(PlanItems items, PlanItem it, String note) {
        if (it.markable() && !it.shared()) {
            items.markDone(it.id(), it.version(), note);
        } else {
            items.close(it.id(), it.version(), note);
        }
    }
}
