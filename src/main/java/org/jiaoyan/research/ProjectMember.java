package org.jiaoyan.research;

/** A member of a project (the lead is one, role LEAD) with the number of research tasks they carry. */
public record ProjectMember(long personId, String name, boolean lead, int tasks) {
}
