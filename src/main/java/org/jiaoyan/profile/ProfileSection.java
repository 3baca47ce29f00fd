package org.jiaoyan.profile;

import java.util.List;
import java.util.Locale;

/**
 * A part of the growth profile (成长档案). The profile asks every bean of this type, in {@link #order()}, for its tables
 * of the teacher's records in the years; it splits the rows into school years by their dates and shows them on the
 * page and in the Word portfolio. A module adds its part (考核, 课题, 成果 …) by providing one; the profile needs no
 * change. Implementations read through their own services, which check that the user may read the teacher.
 */
public interface ProfileSection {

    /** Position on the page: the built-in parts use 10 (plans) to 40 (mentoring); later modules may go after. */
    int order();

    /** The tables of this part, rows of the whole range (bounded), texts in the locale. */
    List<ProfileTable> tables(ProfileTeacher teacher, YearRange years, Locale locale);
}
