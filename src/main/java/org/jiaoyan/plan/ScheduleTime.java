package org.jiaoyan.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.plan.parse.ChineseNumerals;
import org.jiaoyan.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * When a schedule item happens, as offices write it: a month (9月, 九月份, 元月), a month range (9—12月) or list
 * (10、12月), teaching weeks (第3周, 第1—2周, 第一周), a date or date range (9.1—9.5, 2026年9月1日), or a repetition
 * (每周, 每月). {@link #resolve} turns it into dates of a term.
 */
public record ScheduleTime(TimeKind kind, List<Integer> months, List<Integer> weeks, @Nullable LocalDate start,
                           @Nullable LocalDate end) {

    private static final String DASH = "[—–\\-~～至到]+";
    private static final Pattern WEEKS = Pattern.compile("^第?([0-9一二三四五六七八九十两、,，" + "—–\\-~～至到]+)周(次)?$");
    private static final Pattern FULL_DATE = Pattern.compile("(\\d{4})[-./年](\\d{1,2})[-./月](\\d{1,2})日?");
    private static final Pattern SHORT_DATE = Pattern.compile("(\\d{1,2})[./月](\\d{1,2})日?");
    private static final Pattern MONTH_TOKEN = Pattern.compile("^([0-9]{1,2}|[元正一二三四五六七八九十]{1,3})$");

    public ScheduleTime {
        months = List.copyOf(months);
        weeks = List.copyOf(weeks);
    }

    public static ScheduleTime months(List<Integer> months) {
        return new ScheduleTime(TimeKind.MONTHS, months, List.of(), null, null);
    }

    public static ScheduleTime weeks(List<Integer> weeks) {
        return new ScheduleTime(TimeKind.WEEKS, List.of(), sortedWeeks(weeks), null, null);
    }

    public static ScheduleTime dates(LocalDate start, LocalDate end) {
        return new ScheduleTime(TimeKind.DATES, List.of(), List.of(), start, end);
    }

    public static ScheduleTime repeating(TimeKind kind) {
        return new ScheduleTime(kind, List.of(), List.of(), null, null);
    }

    /**
     * Reads the time as a person types it in the item form or the import preview; the term gives the year of short
     * dates. Throws a field error on "time" for text it cannot read or a time outside the term.
     */
    public static ScheduleTime parse(@Nullable String text, SchoolTerm term) {
        String t = normalise(text);
        if (t.isEmpty()) {
            throw new ValidationException("time", "validation.required");
        }
        ScheduleTime time = read(t, term);
        if (time == null) {
            throw new ValidationException("time", "plan.time.invalid");
        }
        return time.requireWithin(term);
    }

    private static @Nullable ScheduleTime read(String t, SchoolTerm term) {
        if (t.equals("每周") || t.equals("每周一次")) {
            return repeating(TimeKind.WEEKLY);
        }
        if (t.equals("每月") || t.equals("每月一次")) {
            return repeating(TimeKind.MONTHLY);
        }
        Matcher w = WEEKS.matcher(t);
        if (w.matches()) {
            List<Integer> list = numbers(w.group(1), 30);
            return list == null ? null : weeks(list);
        }
        ScheduleTime dates = readDates(t, term);
        if (dates != null) {
            return dates;
        }
        String m = t.replaceAll("(月份|月)$", "").replaceAll("月份|月", "");
        List<Integer> months = numbers(m, 12);
        if (months == null || months.isEmpty()) {
            return null;
        }
        // a range across the new year (11—1月) counts through December
        return months(ordered(months, term));
    }

    private static @Nullable ScheduleTime readDates(String t, SchoolTerm term) {
        String[] parts = t.split(DASH);
        if (parts.length < 1 || parts.length > 2) {
            return null;
        }
        LocalDate from = date(parts[0], term, null);
        if (from == null) {
            return null;
        }
        if (parts.length == 1) {
            return dates(from, from);
        }
        LocalDate to = date(parts[1], term, from);
        return to == null || to.isBefore(from) ? null : dates(from, to);
    }

    /** 2026-09-01, 2026年9月1日, 9.1, 9月1日 (year from the term), or just a day after a first date in the same month. */
    private static @Nullable LocalDate date(String s, SchoolTerm term, @Nullable LocalDate first) {
        try {
            Matcher full = FULL_DATE.matcher(s);
            if (full.matches()) {
                return LocalDate.of(Integer.parseInt(full.group(1)), Integer.parseInt(full.group(2)), Integer.parseInt(full.group(3)));
            }
            Matcher shortDate = SHORT_DATE.matcher(s);
            if (shortDate.matches()) {
                int month = Integer.parseInt(shortDate.group(1));
                return LocalDate.of(yearOf(month, term), month, Integer.parseInt(shortDate.group(2)));
            }
            if (first != null && s.matches("\\d{1,2}日?")) {
                return first.withDayOfMonth(Integer.parseInt(s.replace("日", "")));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    /** "9—12", "10、12", "3,5", "一—二", "元" → the numbers (ranges expanded), null when not such a list. */
    private static @Nullable List<Integer> numbers(String s, int max) {
        List<Integer> out = new ArrayList<>();
        for (String part : s.split("[、,，和及]")) {
            String[] range = part.split(DASH);
            if (range.length == 1) {
                Integer n = number(range[0]);
                if (n == null || n < 1 || n > max) {
                    return null;
                }
                out.add(n);
            } else if (range.length == 2) {
                Integer a = number(range[0]);
                Integer b = number(range[1]);
                if (a == null || b == null || a < 1 || b < 1 || a > max || b > max) {
                    return null;
                }
                if (max == 12 && b < a) {
                    for (int n = a; n <= 12; n++) {
                        out.add(n);
                    }
                    for (int n = 1; n <= b; n++) {
                        out.add(n);
                    }
                } else if (b >= a) {
                    for (int n = a; n <= b; n++) {
                        out.add(n);
                    }
                } else {
                    return null;
                }
            } else {
                return null;
            }
        }
        return out;
    }

    /** 1–99 in Arabic or Chinese numerals (元 and 正 are the first month). */
    static @Nullable Integer number(String raw) {
        String s = raw.trim().replace("第", "");
        if (s.isEmpty()) {
            return null;
        }
        if (s.matches("\\d{1,2}")) {
            return Integer.parseInt(s);
        }
        if (s.equals("元") || s.equals("正")) {
            return 1;
        }
        int value = ChineseNumerals.valueOf(s);
        return value > 0 ? value : null;
    }

    /** Full-width digits and punctuation to ASCII, spaces removed. */
    static String normalise(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (char c : text.strip().toCharArray()) {
            if (c >= '０' && c <= '９') {
                b.append((char) ('0' + (c - '０')));
            } else if (c == '．' || c == '。') {
                b.append('.');
            } else if (c == '－') {
                b.append('-');
            } else if (!Character.isWhitespace(c) && c != '\u00a0' && c != '\u3000') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Months in the order they occur in the term (9, 10, 11, 12, 1), without repeats. */
    private static List<Integer> ordered(List<Integer> months, SchoolTerm term) {
        int startMonth = term.startDate().getMonthValue();
        return months.stream().distinct()
                .sorted((a, b) -> Integer.compare(Math.floorMod(a - startMonth, 12), Math.floorMod(b - startMonth, 12)))
                .toList();
    }

    /** The calendar year of a month inside the term (January of a first term is in the following year). */
    static int yearOf(int month, SchoolTerm term) {
        LocalDate s = term.startDate();
        return month >= s.getMonthValue() ? s.getYear() : s.getYear() + 1;
    }

    /** This time, when it lies inside the term; else a field error on "time". */
    public ScheduleTime requireWithin(SchoolTerm term) {
        if ((kind == TimeKind.MONTHS && months.isEmpty()) || (kind == TimeKind.WEEKS && weeks.isEmpty())
                || (kind == TimeKind.DATES && (start == null || end == null || end.isBefore(start)))) {
            throw new ValidationException("time", "plan.time.invalid");
        }
        Period p = resolve(term);
        boolean outside = switch (kind) {
            case MONTHS -> months.stream().anyMatch(m -> {
                YearMonth ym = YearMonth.of(yearOf(m, term), m);
                return ym.atEndOfMonth().isBefore(term.startDate()) || ym.atDay(1).isAfter(term.endDate());
            });
            case WEEKS -> weeks.stream().anyMatch(w -> w < 1 || w > term.weekCount());
            case DATES -> p.start().isBefore(term.startDate()) || p.end().isAfter(term.endDate());
            case WEEKLY, MONTHLY -> false;
        };
        if (outside) {
            throw new ValidationException("time", "plan.time.outsideTerm", term.label());
        }
        return this;
    }

    /** The first and last day of the item in the term (months and weeks are clipped to the term). */
    public Period resolve(SchoolTerm term) {
        LocalDate from;
        LocalDate to;
        switch (kind) {
            case MONTHS -> {
                from = YearMonth.of(yearOf(months.get(0), term), months.get(0)).atDay(1);
                int last = months.get(months.size() - 1);
                to = YearMonth.of(yearOf(last, term), last).atEndOfMonth();
            }
            case WEEKS -> {
                from = term.weekStart(weeks.stream().min(Integer::compare).orElse(1));
                to = term.weekStart(weeks.stream().max(Integer::compare).orElse(1)).plusDays(6);
            }
            case DATES -> {
                from = start;
                to = end;
            }
            default -> {
                from = term.startDate();
                to = term.endDate();
            }
        }
        if (kind != TimeKind.DATES) {
            from = from.isBefore(term.startDate()) ? term.startDate() : from;
            to = to.isAfter(term.endDate()) ? term.endDate() : to;
        }
        if (to.isBefore(from)) {
            to = from;
        }
        return new Period(from, to);
    }

    /** 9月, 9—12月, 10、12月, 第3周, 第1—2周, 9月1日, 9月1日—9月5日, 每周, 每月. */
    public String label() {
        return switch (kind) {
            case MONTHS -> runs(months) + "月";
            case WEEKS -> "第" + runs(weeks) + "周";
            case DATES -> start.equals(end) ? start.getMonthValue() + "月" + start.getDayOfMonth() + "日"
                    : start.getMonthValue() + "月" + start.getDayOfMonth() + "日—" + end.getMonthValue() + "月" + end.getDayOfMonth() + "日";
            case WEEKLY -> "每周";
            case MONTHLY -> "每月";
        };
    }

    /** English label for the English UI. */
    public String labelEn() {
        return switch (kind) {
            case MONTHS -> "Month " + runs(months).replace("—", "-").replace("、", ", ");
            case WEEKS -> "Week " + runs(weeks).replace("—", "-").replace("、", ", ");
            case DATES -> start.equals(end) ? start.toString() : start + " – " + end;
            case WEEKLY -> "Weekly";
            case MONTHLY -> "Monthly";
        };
    }

    /** Consecutive numbers as a range (9—12), others listed (10、12); months keep term order. */
    private static String runs(List<Integer> numbers) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < numbers.size()) {
            int j = i;
            while (j + 1 < numbers.size() && next(numbers.get(j)) == numbers.get(j + 1)) {
                j++;
            }
            if (j - i >= 1) {
                parts.add(numbers.get(i) + "—" + numbers.get(j));
            } else {
                parts.add(String.valueOf(numbers.get(i)));
            }
            i = j + 1;
        }
        return String.join("、", parts);
    }

    private static int next(int n) {
        return n == 12 ? 1 : n + 1;
    }

    /** Stored form of the month or week list: "9,10,11". */
    public static String join(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    public static List<Integer> split(@Nullable String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (String s : stored.split(",")) {
            out.add(Integer.parseInt(s.trim()));
        }
        return out;
    }

    /** Weeks sorted without repeats. */
    static List<Integer> sortedWeeks(List<Integer> weeks) {
        return List.copyOf(new TreeSet<>(weeks));
    }

    /** A day range, both ends included. */
    public record Period(LocalDate start, LocalDate end) {
        public boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }
}
