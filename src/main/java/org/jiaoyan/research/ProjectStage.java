package org.jiaoyan.research;

import java.util.List;

/**
 * Where a project is: one of the five stages that have a document and a decision (申报 → 开题 → 中期检查 → 结题 →
 * 成果推广; passing 申报 is 立项), then CLOSED (结束) or REJECTED (不予立项). Message key research.stage.*.
 */
public enum ProjectStage {
    APPLICATION, OPENING, MIDTERM, CONCLUSION, DISSEMINATION, CLOSED, REJECTED;

    /** The five stages in order. */
    public static final List<ProjectStage> STAGES = List.of(APPLICATION, OPENING, MIDTERM, CONCLUSION, DISSEMINATION);

    public boolean isStage() {
        return STAGES.contains(this);
    }

    /** The stage after this one once it passed; CLOSED after 成果推广. */
    public ProjectStage next() {
        return switch (this) {
            case APPLICATION -> OPENING;
            case OPENING -> MIDTERM;
            case MIDTERM -> CONCLUSION;
            case CONCLUSION -> DISSEMINATION;
            default -> CLOSED;
        };
    }

    /** Whether the project has passed 立项 (approved) at this point. */
    public boolean approved() {
        return this != APPLICATION && this != REJECTED;
    }

    public String messageKey() {
        return "research.stage." + name();
    }
}
