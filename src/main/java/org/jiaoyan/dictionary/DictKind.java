package org.jiaoyan.dictionary;

/** The dictionaries the platform ships with; admins may add values, not kinds. */
public final class DictKind {
    public static final String SUBJECT = "subject";
    public static final String GRADE = "grade";
    public static final String TITLE = "title";
    public static final String HONOUR = "honour";
    public static final String HONOUR_LEVEL = "honour_level";
    public static final String DEPARTMENT_KIND = "department_kind";
    public static final String SCHOOL_KIND = "school_kind";

    public static final java.util.List<String> ALL =
            java.util.List.of(SUBJECT, GRADE, TITLE, HONOUR, HONOUR_LEVEL, DEPARTMENT_KIND, SCHOOL_KIND);

    private DictKind() {
    }
}
