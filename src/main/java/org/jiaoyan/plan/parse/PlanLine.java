package org.jiaoyan.plan.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the input with its 1-based number.
 *
 * @param raw  the line with invisible characters cleaned and outer spaces removed, TABs kept (they separate cells)
 * @param text the line stripped of all outer whitespace
 */
record PlanLine(int number, String raw, String text) {

    static List<PlanLine> split(String input) {
        List<PlanLine> lines = new ArrayList<>();
        String[] parts = input.split("\r\n|\r|\n", -1);
        for (int i = 0; i < parts.length; i++) {
            String raw = stripSpaces(Text.normaliseLine(parts[i]));
            lines.add(new PlanLine(i + 1, raw, raw.strip()));
        }
        return lines;
    }

    private static String stripSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    boolean isBlank() {
        return text.isEmpty();
    }

    boolean hasTabs() {
        return text.indexOf('\t') >= 0;
    }
}
