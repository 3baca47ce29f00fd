package org.jiaoyan.excel;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;
import org.jspecify.annotations.Nullable;

/** Pure normalisers for text typed into spreadsheets by hand: full-width characters, stray spaces, lists, loose dates. */
public final class CellText {

    /** yyyy.M[.d], yyyy-M[-d], yyyy/M[/d] (one separator throughout), optionally followed by a 00:00[:00] time. */
    private static final Pattern SEPARATED =
            Pattern.compile("(\\d{4})([./-])(\\d{1,2})(?:\\2(\\d{1,2})(?: \\d{1,2}:\\d{2}(?::\\d{2})?)?)?");
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月(?:(\\d{1,2})[日号]?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})?");
    private static final Pattern MULTI_SEPARATORS = Pattern.compile("[、,/;\\s]+");

    private CellText() {}

    /**
     * Full-width ASCII → half-width, ideographic and other spaces → space, zero-width characters dropped, trimmed,
     * whitespace runs collapsed to one space; null → "".
     */
    public static String normalise(@Nullable String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') c = (char) (c - 0xFEE0);
            if (c == '\u200B' || c == '\uFEFF') continue; // zero-width space / BOM pasted from web pages
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = sb.length() > 0;
                continue;
            }
            if (pendingSpace) sb.append(' ');
            pendingSpace = false;
            sb.append(c);
        }
        return sb.toString();
    }

    /** A person's name: normalised, all spaces removed ("孙  浩" → "孙浩") except one between two Latin words. */
    public static String personName(@Nullable String s) {
        String n = normalise(s);
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == ' ' && !(isLatinLetter(n.charAt(i - 1)) && isLatinLetter(n.charAt(i + 1)))) continue;
            sb.append(c);
        }
        return sb.toString();
    }

    /** Phone-like numbers: normalised, spaces and hyphens/dashes removed ("１３８ ０００１-２３４５" → "13800012345"). */
    public static String digits(@Nullable String s) {
        String n = normalise(s);
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c != ' ' && c != '-' && !(c >= '\u2010' && c <= '\u2015')) sb.append(c);
        }
        return sb.toString();
    }

    /** Splits "英语、综合实践" style lists on 、，,／/；; and whitespace; blanks dropped, order kept, duplicates removed. */
    public static List<String> splitMulti(@Nullable String s) {
        Set<String> parts = new LinkedHashSet<>();
        for (String p : MULTI_SEPARATORS.split(normalise(s))) {
            if (!p.isEmpty()) parts.add(p);
        }
        return List.copyOf(parts);
    }

    /**
     * The date a cell means, or empty — never a guess. Precedence: a date-formatted cell; a plain integral number
     * 10000..80000 as an Excel serial; otherwise the text the user sees (1985.03, 1985-3-15, 1985/3/15, 1985年3月[15日],
     * 198503, 19850315 …; month-only forms give the 1st). Invalid dates and years outside 1900..2100 give empty.
     */
    public static Optional<LocalDate> date(CellValue cell) {
        if (cell.date() != null) return inRange(cell.date());
        Double number = cell.number();
        if (number != null && number == Math.rint(number) && number >= 10000 && number <= 80000) {
            return inRange(DateUtil.getLocalDateTime(number).toLocalDate());
        }
        String t = normalise(cell.text());
        Matcher m = SEPARATED.matcher(t);
        if (m.matches()) return date(m.group(1), m.group(3), m.group(4));
        m = CHINESE.matcher(t.replace(" ", ""));
        if (m.matches()) return date(m.group(1), m.group(2), m.group(3));
        m = COMPACT.matcher(t);
        if (m.matches()) return date(m.group(1), m.group(2), m.group(3));
        return Optional.empty();
    }

    /**
     * Whether the cell gives a year and a month but no day (1985.03, 1985年3月, 198503, or a date cell shown as 1985年3月):
     * what rosters call 出生年月. {@link #date} then gives the 1st, which must not be shown as a day.
     */
    public static boolean monthOnly(CellValue cell) {
        if (cell.date() == null && (cell.number() != null && cell.number() == Math.rint(cell.number())
                && cell.number() >= 10000 && cell.number() <= 80000)) {
            return false; // an Excel serial is a day
        }
        String t = normalise(cell.text());
        Matcher m = SEPARATED.matcher(t);
        if (!m.matches()) {
            m = CHINESE.matcher(t.replace(" ", ""));
            if (!m.matches()) {
                m = COMPACT.matcher(t);
                if (!m.matches()) {
                    return false;
                }
            }
        }
        boolean separated = m.pattern() == SEPARATED;
        if (m.group(separated ? 4 : 3) != null) {
            return false; // a day is written
        }
        // year and month only: the month must be one (the full date parse is left to date(), which the caller ran)
        int month = Integer.parseInt(m.group(separated ? 3 : 2));
        int year = Integer.parseInt(m.group(1));
        return month >= 1 && month <= 12 && year >= 1900 && year <= 2100;
    }

    private static Optional<LocalDate> date(String year, String month, @Nullable String day) {
        try {
            return inRange(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month),
                    day == null ? 1 : Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> inRange(@Nullable LocalDate d) {
        return d != null && d.getYear() >= 1900 && d.getYear() <= 2100 ? Optional.of(d) : Optional.empty();
    }

    private static boolean isLatinLetter(char c) {
        return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }
}
