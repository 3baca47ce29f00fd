package org.jiaoyan.observation;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One line of a form version: its group (教学目标 …), what is looked at, what earns the points, and the maximum points
 * (or weight); a text field is written, not scored.
 */
public record Criterion(long id, int sortOrder, String group, String name, @Nullable String descriptor,
                        @Nullable BigDecimal points, boolean textField) {

    public BigDecimal pointsOrZero() {
        return points == null ? BigDecimal.ZERO : points;
    }

    /** The criterion as input for a new version. */
    public CriterionData data() {
        return new CriterionData(group, name, descriptor, points, textField);
    }
}
