package org.jiaoyan.plan;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** A rich-text section of a plan (指导思想, 工作目标, 主要工作与措施 …); body is sanitised HTML. */
public record PlanSection(long id, long planId, int sortOrder, String title, @Nullable String bodyHtml, int version,
                          LocalDateTime updatedAt, @Nullable String updatedBy) {
}
