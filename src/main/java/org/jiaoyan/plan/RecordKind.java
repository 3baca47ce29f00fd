package org.jiaoyan.plan;

/**
 * The kind of record that fulfils a schedule item. With NONE the owner marks the item done; with the others the item
 * is done once such a record is linked to it (automatically when the record is created for the item, or by hand).
 */
public enum RecordKind {
    NONE, ACTIVITY, OBSERVATION, PROJECT_MATERIAL, UPLOAD,
    /** 人人过关: done when every participant has a pass record (drills, skill checks). */
    PASS_EACH;

    public String messageKey() {
        return "plan.recordKind." + name();
    }
}
