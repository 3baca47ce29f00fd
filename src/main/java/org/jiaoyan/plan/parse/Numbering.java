package org.jiaoyan.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The numbering that starts a line: 1、 1. 1． 1) (1) （1） ① 一、 （一）, and the bullet "- " some web copies put before it. */
final class Numbering {

    enum Style { ARABIC, CHINESE, ARABIC_IN_BRACKETS, CHINESE_IN_BRACKETS, CIRCLED, BULLET, COUNTED }

    record Numbered(Style style, int number, String rest) {
    }

    private static final String BULLET = "(?:[" + Text.BULLETS + "]\\s*)?";
    // 1、 1. 1． 1) — not "9.1" (a date) nor "1.5" (a decimal).
    // "1．8月28日，…" and "2、9月…" are numbered too: a month after the dot ("9.1" stays a date).
    private static final Pattern ARABIC = Pattern.compile(
            BULLET + "([0-9０-９]{1,2})\\s*(?:[、)）]|[.．](?![0-9０-９])|[.．](?=(?:[0-9０-９]{4}\\s*年\\s*)?[0-9０-９]{1,2}\\s*月))\\s*");
    private static final Pattern IN_BRACKETS = Pattern.compile(
            BULLET + "[(（]\\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\\s*[)）]\\s*");
    // 一、 二． — top-level headings of a plan, or items of a Chinese-numbered list.
    private static final Pattern CHINESE = Pattern.compile("([一二三四五六七八九十]{1,3})\\s*[、．.]\\s*");
    private static final Pattern CIRCLED = Pattern.compile(BULLET + "([①-⑳⑴-⒇⒈-⒛])\\s*");
    // 一是召开会议；二是制定计划: the way a paragraph counts its tasks
    private static final Pattern COUNTED = Pattern.compile("([一二三四五六七八九十]{1,2})是(?=[^，。,\\s])");
    // • 制定计划, ▲ 师徒结对: an entry of a list marked by a bullet alone (not "-", which also starts a page number).
    private static final Pattern BULLET_ONLY = Pattern.compile("[•·●▪◆◇■□○▲△★☆►▶※✔]\\s*(?=[^\\s\\d])");
    // Inside a Word cell whose paragraphs were "1．A" "2．B": the next number after a space.
    private static final Pattern INNER_ARABIC = Pattern.compile("\\s([0-9０-９]{1,2})\\s*[、．.)）](?![0-9０-９])");

    private Numbering() {
    }

    static @Nullable Numbered parse(String line) {
        Matcher m = ARABIC.matcher(line);
        if (m.lookingAt()) {
            return numbered(Style.ARABIC, m, line);
        }
        m = IN_BRACKETS.matcher(line);
        if (m.lookingAt()) {
            boolean arabic = !ChineseNumerals.isNumeral(m.group(1).charAt(0));
            return numbered(arabic ? Style.ARABIC_IN_BRACKETS : Style.CHINESE_IN_BRACKETS, m, line);
        }
        m = CHINESE.matcher(line);
        if (m.lookingAt()) {
            return numbered(Style.CHINESE, m, line);
        }
        m = CIRCLED.matcher(line);
        if (m.lookingAt()) {
            return numbered(Style.CIRCLED, m, line);
        }
        m = COUNTED.matcher(line);
        if (m.lookingAt()) {
            return numbered(Style.COUNTED, m, line);
        }
        m = BULLET_ONLY.matcher(line);
        if (m.lookingAt()) {
            String rest = line.substring(m.end()).strip();
            return rest.isEmpty() ? null : new Numbered(Style.BULLET, 0, rest);
        }
        return null;
    }

    private static @Nullable Numbered numbered(Style style, Matcher m, String line) {
        String rest = line.substring(m.end()).strip();
        if (rest.isEmpty()) {
            return null;
        }
        return new Numbered(style, numberOf(m.group(1)), rest);
    }

    private static int numberOf(String token) {
        char c = token.charAt(0);
        if (c >= '①' && c <= '⑳') {
            return c - '①' + 1;
        }
        if (c >= '⑴' && c <= '⒇') {
            return c - '⑴' + 1;
        }
        if (c >= '⒈' && c <= '⒛') {
            return c - '⒈' + 1;
        }
        String digits = ChineseNumerals.toDigits(token);
        if (TimeExpression.isDigit(digits.charAt(0))) {
            return Integer.parseInt(digits);
        }
        return ChineseNumerals.valueOf(token);
    }

    static boolean isNumbered(String line) {
        return parse(line) != null;
    }

    /** The line without its numbering. */
    static String strip(String line) {
        Numbered n = parse(line);
        return n == null ? line : n.rest();
    }

    /**
     * The items of one table cell: numbered paragraphs ("1．A 2．B", "①A②B") or parts separated by "；" ("开学常规检查；
     * 各教研组制定活动计划"), each an item of the row; a cell with neither is one item.
     */
    static List<String> splitTableCell(String cell) {
        List<String> numbered = splitNumberedCell(cell);
        if (numbered.size() > 1) {
            return numbered;
        }
        List<String> circled = splitCircled(cell);
        if (circled.size() > 1) {
            return circled;
        }
        List<String> parts = new ArrayList<>();
        for (String p : ScheduleReader.splitOutsideBrackets(cell, '；')) {
            if (!p.isBlank()) {
                parts.add(p.strip());
            }
        }
        return parts.size() > 1 ? ownerForAll(parts) : List.of(cell);
    }

    /** "读书交流活动；读书笔记检查（吴海燕）": the owner written once at the end is the owner of each part. */
    static List<String> ownerForAll(List<String> parts) {
        Owners.Annotated last = Owners.takeFromEnd(Text.trimTrailingPunctuation(parts.get(parts.size() - 1)), true);
        if (last.owner().isEmpty()) {
            return parts;
        }
        for (int i = 0; i < parts.size() - 1; i++) {
            if (!Owners.takeFromEnd(Text.content(parts.get(i)), true).owner().isEmpty()) {
                return parts; // 一是A（教科室）；二是B；三是C（张晓燕）: each part names its own owner, or none
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.size() - 1; i++) {
            out.add(parts.get(i) + "（" + last.owner() + "）");
        }
        out.add(parts.get(parts.size() - 1));
        return out;
    }

    /** "①教研组长会议②新教师结对" → the two; only ② after ①, ③ after ② … split. */
    private static List<String> splitCircled(String cell) {
        String s = cell.strip();
        if (s.isEmpty()) {
            return List.of(cell);
        }
        char first = s.charAt(0);
        char base = first == '①' ? '①' : first == '⑴' ? '⑴' : 0;
        if (base == 0) {
            return List.of(cell);
        }
        List<String> parts = new ArrayList<>();
        int start = 1;
        char next = (char) (base + 1);
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) == next) {
                parts.add(s.substring(start, i).strip());
                start = i + 1;
                next++;
            }
        }
        parts.add(s.substring(start).strip());
        parts.removeIf(String::isEmpty);
        return parts.size() > 1 ? parts : List.of(cell);
    }

    /**
     * A Word cell whose paragraphs were numbered items arrives as "1．A 2．B 3．C"; this gives back A, B, C. Only a
     * count 1, 2, 3 … splits, so "共3．5课时" or a date stays whole.
     */
    static List<String> splitNumberedCell(String cell) {
        Numbered first = parse(cell);
        if (first == null || first.style() != Style.ARABIC) {
            return List.of(cell);
        }
        List<String> parts = new ArrayList<>();
        int expected = first.number() + 1;
        int start = 0;
        Matcher m = INNER_ARABIC.matcher(cell);
        while (m.find()) {
            if (Integer.parseInt(ChineseNumerals.toDigits(m.group(1))) == expected) {
                parts.add(cell.substring(start, m.start()).strip());
                start = m.start() + 1;
                expected++;
            }
        }
        parts.add(cell.substring(start).strip());
        return parts;
    }
}
