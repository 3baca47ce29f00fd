package org.jiaoyan.assessment;

/** 草稿 → 审核中 → 已发布; a published round is locked. */
public enum CheckStatus {
    DRAFT, REVIEW, PUBLISHED;

    public String messageKey() {
        return "assessment.status." + name();
    }
}
