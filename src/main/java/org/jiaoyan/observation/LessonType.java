package org.jiaoyan.observation;

/** The kind of lesson observed; open lessons (公开课 of every kind) count for the mentoring summary. */
public enum LessonType {
    /** 常态课 / 推门课 */
    REGULAR(false),
    /** 公开课 */
    OPEN(true),
    /** 示范课 */
    DEMONSTRATION(true),
    /** 研讨课 / 教研课 */
    RESEARCH(true),
    /** 汇报课 */
    REPORT(true),
    /** 过关课 */
    QUALIFYING(true),
    /** 同课异构 */
    COMPARISON(true);

    private final boolean open;

    LessonType(boolean open) {
        this.open = open;
    }

    public boolean open() {
        return open;
    }

    public String messageKey() {
        return "observation.lessonType." + name();
    }
}
