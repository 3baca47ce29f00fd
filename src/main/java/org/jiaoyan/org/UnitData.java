package org.jiaoyan.org;

import org.jspecify.annotations.Nullable;

/** Input to create or edit a unit; which fields matter depends on the type (a 备课组 has grade and subject). */
public record UnitData(UnitType type, @Nullable Long parentId, Sector sector, @Nullable String kindCode,
                       @Nullable GroupKind groupKind, String name, @Nullable String shortName,
                       @Nullable String subjectCode, @Nullable String gradeCode, @Nullable Long leaderId, int sortOrder) {
}
