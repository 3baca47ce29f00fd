/**
 * Semester plans and the 行事历: sections, schedule items with owners and times, the workflow 草稿 → 提交 → 审核通过 →
 * 发布, revisions, item status from records, import, export and the term summary.
 */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.plan;
