package org.jiaoyan.org;

/** 教研组 (by subject), 备课组 (grade + subject), 课题组 (per research project), free groups. */
public enum GroupKind { TEACHING_RESEARCH, LESSON_PREP, PROJECT, FREE }
