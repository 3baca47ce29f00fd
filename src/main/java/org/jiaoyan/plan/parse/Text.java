package org.jiaoyan.plan.parse;

import java.util.regex.Pattern;

/** Character-level clean-up shared by the parser: invisible spaces of web and Word copies, runs of spaces, end punctuation. */
final class Text {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");
    /** Marks that lead a list entry or a month heading in Word and web copies: - • ◆ ■ ★ ▶ … */
    static final String BULLETS = "-－•·●▪◆◇■□○▲△★☆►▶※";

    private Text() {
    }

    /**
     * Zero-width characters and the byte-order mark vanish, no-break spaces become spaces, and the ideographic space
     * (U+3000) becomes two spaces, which is how a cell gap copied from Word usually looks. A form feed vanishes.
     */
    static String normaliseLine(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            i += Character.charCount(c);
            if (c >= '0' && c <= '9' && raw.startsWith("\uFE0F\u20E3", i)) {
                out.append((char) c).append('．'); // 1️⃣ (a keycap emoji) numbers a list entry
                i += 2;
                continue;
            }
            switch (c) {
                case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\f', '\r', '\uFE0F', '\u20E3' -> { }
                case '\u00A0', '\u2007', '\u202F' -> out.append(' ');
                case '\u3000' -> out.append("  ");
                default -> appendSymbol(out, c);
            }
        }
        return out.toString();
    }

    /**
     * What WeChat articles and web pages put around a plan's lines: ❶ ➊ number like ①; 👤 (a person) labels an owner;
     * other pictographs and ticks (📅 ✔ ✅ 📌 ⭐) are bullets at the start of a line and spaces inside it.
     */
    private static void appendSymbol(StringBuilder out, int c) {
        if (c >= 0x2776 && c <= 0x277F || c >= 0x2780 && c <= 0x2789 || c >= 0x278A && c <= 0x2793) {
            int n = c <= 0x277F ? c - 0x2776 : c <= 0x2789 ? c - 0x2780 : c - 0x278A;
            out.append((char) ('①' + n));
        } else if (c == 0x1F464 || c == 0x1F465) {
            out.append("负责：");
        } else if (c >= 0x1F000 && c <= 0x1FAFF || c >= 0x2600 && c <= 0x27BF || c >= 0x2B00 && c <= 0x2BFF
                || c == 0x2705 || c == 0x2714 || c == 0x2713) {
            out.append(out.toString().isBlank() ? "• " : " ");
        } else {
            out.appendCodePoint(c);
        }
    }

    /** "◆九月份" → "九月份", "【十月】" → "十月": the bullet and the decorative brackets around a heading go. */
    static String stripDecoration(String s) {
        String t = s.strip();
        int start = 0;
        while (start < t.length() && (BULLETS.indexOf(t.charAt(start)) >= 0 || t.charAt(start) == ' ')) {
            start++;
        }
        t = t.substring(start);
        if (t.length() > 2 && "【〔[".indexOf(t.charAt(0)) >= 0 && "】〕]".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    /** Tabs and runs of spaces inside a content become one space. */
    static String collapseSpaces(String s) {
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /** "准备“四节”活动；" → "准备“四节”活动": an item's content ends without list punctuation. */
    static String trimTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0 && "；;，,、。.：: \t".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    /** The content of an item as stored: spaces collapsed, numbering and end punctuation gone. */
    static String content(String cell) {
        return trimTrailingPunctuation(Numbering.strip(collapseSpaces(cell)).strip());
    }

    /** Ends like a finished sentence or list entry, so the next line is not its continuation. */
    static boolean endsSentence(String s) {
        String t = s.strip();
        return !t.isEmpty() && "。；;！!？?）)”".indexOf(t.charAt(t.length() - 1)) >= 0;
    }
}
