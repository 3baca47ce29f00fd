package org.jiaoyan.org.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jiaoyan.org.GroupKind;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.Sector;
import org.jiaoyan.org.UnitData;
import org.jiaoyan.org.UnitType;
import org.jspecify.annotations.Nullable;

/** Form for an institution, department or group; which fields show depends on the type. */
public class UnitForm {

    private int version;
    private UnitType type = UnitType.GROUP;
    @NotBlank
    @Size(max = 100)
    private String name = "";
    @Size(max = 40)
    private String shortName = "";
    private @Nullable String kindCode;
    private @Nullable GroupKind groupKind = GroupKind.TEACHING_RESEARCH;
    private @Nullable String subjectCode;
    private @Nullable String gradeCode;
    private @Nullable Long leaderId;
    private @Nullable Long parentId;
    private Sector sector = Sector.EDUCATION;
    private int sortOrder;

    static UnitForm of(OrgUnit u) {
        UnitForm f = new UnitForm();
        f.version = u.version();
        f.type = u.type();
        f.name = u.name();
        f.shortName = u.shortName() == null ? "" : u.shortName();
        f.kindCode = u.kindCode();
        f.groupKind = u.groupKind();
        f.subjectCode = u.subjectCode();
        f.gradeCode = u.gradeCode();
        f.leaderId = u.leaderId();
        f.parentId = u.parentId();
        f.sector = u.sector();
        f.sortOrder = u.sortOrder();
        return f;
    }

    UnitData toData(Sector inheritedSector) {
        boolean group = type == UnitType.GROUP;
        return new UnitData(type, parentId, type == UnitType.INSTITUTION ? sector : inheritedSector, blank(kindCode),
                group ? groupKind : null, name.trim(), blank(shortName), group ? blank(subjectCode) : null,
                group ? blank(gradeCode) : null, leaderId, sortOrder);
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public UnitType getType() { return type; }
    public void setType(UnitType type) { this.type = type; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name == null ? "" : name; }
    public String getShortName() { return shortName; }
    public void setShortName(String shortName) { this.shortName = shortName == null ? "" : shortName; }
    public @Nullable String getKindCode() { return kindCode; }
    public void setKindCode(@Nullable String kindCode) { this.kindCode = kindCode; }
    public @Nullable GroupKind getGroupKind() { return groupKind; }
    public void setGroupKind(@Nullable GroupKind groupKind) { this.groupKind = groupKind; }
    public @Nullable String getSubjectCode() { return subjectCode; }
    public void setSubjectCode(@Nullable String subjectCode) { this.subjectCode = subjectCode; }
    public @Nullable String getGradeCode() { return gradeCode; }
    public void setGradeCode(@Nullable String gradeCode) { this.gradeCode = gradeCode; }
    public @Nullable Long getLeaderId() { return leaderId; }
    public void setLeaderId(@Nullable Long leaderId) { this.leaderId = leaderId; }
    public @Nullable Long getParentId() { return parentId; }
    public void setParentId(@Nullable Long parentId) { this.parentId = parentId; }
    public Sector getSector() { return sector; }
    public void setSector(Sector sector) { this.sector = sector == null ? Sector.EDUCATION : sector; }
    public int getSortOrder() { return sortOrder; }
    public void setSortOrder(int sortOrder) { this.sortOrder = sortOrder; }
}
