package org.jiaoyan.web;

import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.springframework.validation.BindingResult;

/** Puts service-layer rejections on the form they belong to, so the page re-renders with input kept. */
public final class Forms {

    private Forms() {
    }

    public static void reject(ValidationException e, BindingResult result) {
        for (ValidationException.FieldProblem p : e.problems()) {
            if (p.field() != null && hasField(result, p.field())) {
                result.rejectValue(p.field(), p.messageKey(), p.args(), p.messageKey());
            } else {
                result.reject(p.messageKey(), p.args(), p.messageKey());
            }
        }
    }

    public static void reject(StaleEditException e, BindingResult result) {
        result.reject(e.messageKey(), e.args(), e.messageKey());
    }

    private static boolean hasField(BindingResult result, String field) {
        try {
            return result.getFieldType(field) != null || result.getRawFieldValue(field) != null;
        } catch (RuntimeException notAField) {
            return false;
        }
    }
}
