package org.jiaoyan.shared;

import java.util.List;

/** Input rejected by a business rule (duplicate mobile, date outside the term …), with the field it belongs to. */
public class ValidationException extends DomainException {

    private final List<FieldProblem> problems;

    public ValidationException(String field, String messageKey, Object... args) {
        super(messageKey, args);
        this.problems = List.of(new FieldProblem(field, messageKey, args));
    }

    public ValidationException(List<FieldProblem> problems) {
        super(problems.get(0).messageKey(), problems.get(0).args());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One rejected field; field is null for a problem with the whole record. */
    public record FieldProblem(@org.jspecify.annotations.Nullable String field, String messageKey, Object... args) {
    }
}
