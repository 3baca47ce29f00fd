package org.jiaoyan.quality;

import java.time.LocalDate;
import java.util.List;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;

/** Checks shared by the three record kinds: required and bounded texts, a date that has happened. */
final class Texts {

    private Texts() {
    }

    static @Nullable String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static void required(List<FieldProblem> problems, String field, @Nullable String text, int max) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "validation.required"));
        } else {
            optional(problems, field, text, max);
        }
    }

    static void optional(List<FieldProblem> problems, String field, @Nullable String text, int max) {
        if (text != null && text.strip().length() > max) {
            problems.add(new FieldProblem(field, "validation.tooLong"));
        }
    }

    /** Records are of what happened: a date is required and not after today. */
    static void pastDate(List<FieldProblem> problems, String field, @Nullable LocalDate date) {
        if (date == null) {
            problems.add(new FieldProblem(field, "validation.required"));
        } else if (date.isAfter(LocalDate.now())) {
            problems.add(new FieldProblem(field, "quality.date.future"));
        }
    }
}
