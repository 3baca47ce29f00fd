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
            String line = parts[i];
            int joined = i;
            // An Excel cell with line breaks, copied as TAB text, comes quoted over several lines: "1．A⏎2．B"
            while (line.indexOf('\t') >= 0 && openQuote(line) && joined + 1 < parts.length && joined - i < MAX_CELL_LINES) {
                joined++;
                line = line + "；" + parts[joined]; // a line break inside a cell separates its items
            }
            if (joined > i && !openQuote(line) || joined == i && line.indexOf('\t') >= 0 && line.contains("\"\"")) {
                line = unquoteCells(line); // Excel quotes a cell with line breaks or quotes, and doubles the quotes inside
            } else {
                line = parts[i];
                joined = i;
            }
            String raw = stripSpaces(Text.normaliseLine(line));
            lines.add(new PlanLine(i + 1, raw, raw.strip())); // a joined cell's further lines are in this one
            i = joined;
        }
        return lines;
    }

    private static final int MAX_CELL_LINES = 20;

    /** Whether a TAB-separated line ends inside a quoted cell ("1．A with no closing quote yet). */
    private static boolean openQuote(String line) {
        boolean inside = false;
        String[] cells = line.split("\t", -1);
        for (String cell : cells) {
            String c = cell.strip();
            if (!inside) {
                if (c.startsWith("\"")) {
                    inside = (count(c, '"') % 2) == 1;
                }
            } else if ((count(c, '"') % 2) == 1) {
                inside = false;
            }
        }
        return inside;
    }

    /** "1．A 2．B" → 1．A 2．B, with "" inside a quoted cell becoming ". */
    private static String unquoteCells(String line) {
        String[] cells = line.split("\t", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].strip();
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1).replace("\"\"", "\"");
            } else {
                c = cells[i];
            }
            out.append(i == 0 ? "" : "\t").append(c);
        }
        return out.toString();
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
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
