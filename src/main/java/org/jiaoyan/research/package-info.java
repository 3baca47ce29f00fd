/**
 * Research projects (课题) from 申报 to 成果推广: members and their tasks, stages with documents, decisions and history,
 * the warm middle (weekly plan, monthly material, study log, papers, inspections), the archive box and review.
 * Projects of county rounds are organised by the county's 教研室; every other project by its school.
 */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.research;
