package org.jiaoyan.metrics;

/** What a metric counts per: a teacher (person id), a group (org unit id), a mentoring pair, a project, an institution. */
public enum SubjectKind {
    TEACHER, GROUP, PAIR, PROJECT, INSTITUTION
}
