package org.jiaoyan.observation;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A criterion as the designer enters it. */
public record CriterionData(@Nullable String group, @Nullable String name, @Nullable String descriptor,
                           @Nullable BigDecimal points, boolean textField) {

    boolean blank() {
        return (group == null || group.isBlank()) && (name == null || name.isBlank())
                && (descriptor == null || descriptor.isBlank()) && points == null;
    }
}
