package org.jiaoyan.org;

import org.jspecify.annotations.Nullable;

/** A title of honour (骨干教师, 学科带头人 …) with its level (县级, 市级 …) and the year it was awarded. */
public record Honour(String code, @Nullable String levelCode, @Nullable Integer year) {
}
