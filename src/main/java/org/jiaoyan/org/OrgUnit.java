package org.jiaoyan.org;

import org.jspecify.annotations.Nullable;

/** A node of the organisation tree with what lists show about it. */
public record OrgUnit(long id, @Nullable Long parentId, UnitType type, Sector sector, @Nullable String kindCode,
                      @Nullable GroupKind groupKind, String name, @Nullable String shortName, @Nullable Long regionId,
                      @Nullable Long institutionId, @Nullable String subjectCode, @Nullable String gradeCode,
                      @Nullable Long leaderId, @Nullable String leaderName, int sortOrder, int version,
                      int memberCount, boolean deleted) {

    public String displayName() {
        return shortName != null && !shortName.isBlank() ? shortName : name;
    }
}
