package org.jiaoyan.plan.parse;

/** A prose part of the plan (指导思想, 工作目标, 主要工作与措施 …): its heading without numbering and its text, line breaks kept. */
public record ParsedSection(String title, String text) {
}
