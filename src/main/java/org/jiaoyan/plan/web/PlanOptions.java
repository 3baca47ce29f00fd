package org.jiaoyan.plan.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.Terms;
import org.jiaoyan.plan.Plans;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Choices the plan forms share: the offices the user may plan for, and the terms, as value → label. */
@Component
class PlanOptions {

    private final Plans plans;
    private final Terms terms;

    PlanOptions(Plans plans, Terms terms) {
        this.plans = plans;
        this.terms = terms;
    }

    /** 示范县实验小学 · 教科室 for a department, the institution's name for the institution itself. */
    Map<String, String> offices() {
        Map<String, String> out = new LinkedHashMap<>();
        List<OrgUnit> all = plans.offices();
        for (OrgUnit u : all) {
            Long inst = u.institutionId();
            String prefix = all.stream().filter(o -> inst != null && o.id() == inst && o.id() != u.id())
                    .map(o -> o.displayName() + " · ").findFirst().orElse("");
            out.put(String.valueOf(u.id()), prefix + u.name());
        }
        return out;
    }

    Map<Long, String> termLabels() {
        Map<Long, String> labels = new LinkedHashMap<>();
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        terms.all().forEach(t -> labels.put(t.id(), en ? t.labelEn() : t.label()));
        return labels;
    }

    Map<String, String> terms() {
        Map<String, String> out = new LinkedHashMap<>();
        termLabels().forEach((id, label) -> out.put(String.valueOf(id), label));
        return out;
    }
}
