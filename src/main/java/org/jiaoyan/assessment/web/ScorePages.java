package org.jiaoyan.assessment.web;

import java.time.LocalDate;
import java.util.List;
import org.jiaoyan.assessment.CheckLevel;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** What the term assessment pages share: the term asked for (else the current one), parsing, points as text (${@scorePages.points(v)}). */
@Component("scorePages")
class ScorePages {

    private final Terms terms;

    ScorePages(Terms terms) {
        this.terms = terms;
    }

    SchoolTerm term(@Nullable Long termId) {
        if (termId != null) {
            return terms.get(termId);
        }
        return terms.current().orElseThrow(NotFoundException::new);
    }

    List<SchoolTerm> terms() {
        return terms.all();
    }

    static CheckLevel level(@Nullable CheckLevel level) {
        return level == null ? CheckLevel.TEACHERS : level;
    }




    /** 12.5 → "12.5", 12.0 → "12", signed for a line's points (+0.5, -1). */
    public static String points(@Nullable Double v) {
        if (v == null) {
            return "";
        }
        double r = Math.round(v * 100) / 100.0;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }

    public static String signed(@Nullable Double v) {
        if (v == null) {
            return "";
        }
        return (v > 0 ? "+" : "") + points(v);
    }
}
