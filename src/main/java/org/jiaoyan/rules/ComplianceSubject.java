package org.jiaoyan.rules;

import java.util.Set;

/**
 * Who a row of the matrix is: a teacher, a group, a mentor pair or a school; the people it concerns (the teacher,
 * the group's leader and members, the pair) decide who sees the row besides the school's leaders.
 */
public record ComplianceSubject(long id, String name, long institutionId, Set<Long> people, Set<Long> leaders) {
}
