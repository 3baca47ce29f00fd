package org.jiaoyan.plan;

import org.jspecify.annotations.Nullable;

/** An owner or participant resolved from the text: a person or a unit (for 各教研组长, only the units' leaders). */
public record Party(@Nullable Long personId, @Nullable Long unitId, String name, boolean leadersOnly) {

    public boolean person() {
        return personId != null;
    }
}
