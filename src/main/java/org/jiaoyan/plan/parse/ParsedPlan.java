package org.jiaoyan.plan.parse;

import java.util.List;

/** What the parser found in one plan file: its title, prose sections, schedule items and the schedule lines it could not read. */
public record ParsedPlan(String title, List<ParsedSection> sections, List<ParsedItem> items, List<UnrecognisedLine> unrecognised) {

    public ParsedPlan {
        sections = List.copyOf(sections);
        items = List.copyOf(items);
        unrecognised = List.copyOf(unrecognised);
    }
}
