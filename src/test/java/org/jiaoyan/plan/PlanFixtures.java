package org.jiaoyan.plan;

import org.jiaoyan.TestUsers;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What the plan tests share: the demo accounts, the demo's first term (its dates follow today's year), the
 * experimental school's 教科室, and plans made from the school template as drafts or taken through the workflow.
 */
record PlanFixtures(UserDetailsService users, Plans plans, PlanItems items, Terms terms, OrgUnits units) {

    CurrentUser user(String name) {
        return TestUsers.load(users, name);
    }

    SchoolTerm term() {
        return Access.asSystem(() -> terms.all().stream().filter(t -> t.semester() == 1).findFirst().orElseThrow());
    }

    /** The school year of the demo's first term. */
    int y() {
        return term().schoolYear();
    }

    /** 教科室 of jks's school. */
    long office() {
        CurrentUser jks = user("jks");
        return Access.as(jks, () -> units.unitsOf(jks.institutionId(), UnitType.DEPARTMENT, false).stream()
                .filter(u -> u.name().equals("教科室")).findFirst().orElseThrow().id());
    }

    long draft(String title) {
        return draft(title, term());
    }

    long draft(String title, SchoolTerm term) {
        return Access.as(user("jks"), () -> plans.create(new PlanData(office(), term.id(), title,
                PlanTemplate.SCHOOL_RESEARCH_OFFICE, 3)));
    }

    /** Submitted by jks, approved by the principal, published by jks. */
    long publish(long id) {
        Access.as(user("jks"), () -> {
            plans.submit(id, plans.get(id).version());
            return null;
        });
        Access.as(user("principal"), () -> {
            plans.approve(id, plans.get(id).version(), "同意");
            return null;
        });
        Access.as(user("jks"), () -> {
            plans.publish(id, plans.get(id).version());
            return null;
        });
        return id;
    }

    long published(String title) {
        return publish(draft(title));
    }

    PlanItem item(long planId, String content) {
        return Access.as(user("jks"), () -> items.items(planId).stream().filter(i -> i.content().contains(content))
                .findFirst().orElseThrow());
    }
}
