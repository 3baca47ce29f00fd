package org.jiaoyan.plan.parse;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.jspecify.annotations.Nullable;

/**
 * The numbers Word draws before a paragraph of an automatic list ("1．", "一、", "（1）", "①"). They are not in the
 * paragraph's text, so without them a plan's numbered items and headings would arrive unnumbered. Counts per list and
 * level in reading order, as Word does; a higher level restarts the levels below it. One instance per document.
 */
final class WordListNumbers {

    private final Map<BigInteger, int[]> counters = new HashMap<>();

    /** The label Word shows before this paragraph ("3．", "二、", "• "), or "" when it is no list paragraph. */
    String label(XWPFParagraph paragraph) {
        BigInteger numId = paragraph.getNumID();
        if (numId == null || numId.signum() == 0) {
            return "";
        }
        String format = paragraph.getNumFmt();
        String text = paragraph.getNumLevelText();
        BigInteger ilvl = paragraph.getNumIlvl();
        int level = ilvl == null ? 0 : Math.min(8, Math.max(0, ilvl.intValue()));
        if ("bullet".equals(format)) {
            return "• ";
        }
        if (format == null || text == null || "none".equals(format)) {
            return "";
        }
        int[] count = counters.computeIfAbsent(numId, k -> new int[9]);
        BigInteger start = paragraph.getNumStartOverride();
        count[level] = count[level] == 0 && start != null ? start.intValue() : count[level] + 1;
        for (int deeper = level + 1; deeper < count.length; deeper++) {
            count[deeper] = 0;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 1 < text.length() && text.charAt(i + 1) >= '1' && text.charAt(i + 1) <= '9') {
                int l = text.charAt(i + 1) - '1';
                out.append(format(l == level ? format : "decimal", Math.max(1, count[l])));
                i++;
            } else {
                out.append(c);
            }
        }
        String label = out.toString().strip();
        return label.isEmpty() ? "" : label + (label.endsWith("、") || label.endsWith("．") ? "" : " ");
    }

    static String format(@Nullable String format, int n) {
        return switch (format == null ? "decimal" : format) {
            case "chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting",
                 "chineseLegalSimplified", "ideographLegalTraditional", "taiwaneseCounting", "taiwaneseCountingThousand"
                    -> chinese(n);
            case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" -> n >= 1 && n <= 20 ? String.valueOf((char) ('①' + n - 1)) : String.valueOf(n);
            case "decimalEnclosedParen" -> "(" + n + ")";
            case "decimalFullWidth", "decimalFullWidth2" -> fullWidth(n);
            case "lowerLetter" -> n >= 1 && n <= 26 ? String.valueOf((char) ('a' + n - 1)) : String.valueOf(n);
            case "upperLetter" -> n >= 1 && n <= 26 ? String.valueOf((char) ('A' + n - 1)) : String.valueOf(n);
            default -> String.valueOf(n);
        };
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (list numbers stay small). */
    static String chinese(int n) {
        String digits = "〇一二三四五六七八九";
        if (n < 0 || n >= 100) {
            return String.valueOf(n);
        }
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        String tens = n / 10 == 1 ? "十" : digits.charAt(n / 10) + "十";
        return n % 10 == 0 ? tens : tens + digits.charAt(n % 10);
    }

    private static String fullWidth(int n) {
        StringBuilder out = new StringBuilder();
        for (char c : String.valueOf(n).toCharArray()) {
            out.append((char) ('０' + (c - '0')));
        }
        return out.toString();
    }
}
