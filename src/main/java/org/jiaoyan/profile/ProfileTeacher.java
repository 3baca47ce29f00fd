package org.jiaoyan.profile;

import java.util.List;

/** Whose profile is built: the person, their institution, and the user names their records were created under. */
public record ProfileTeacher(long personId, long institutionId, String name, List<String> usernames) {
}
