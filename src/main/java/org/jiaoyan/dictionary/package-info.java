/** Admin-edited value lists (subjects, grades, 职称, honours, department kinds …) used by forms, filters and imports. */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.dictionary;
