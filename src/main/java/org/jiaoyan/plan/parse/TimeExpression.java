package org.jiaoyan.plan.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the time of a schedule entry as offices write it: 九月份, 元月, 9—12, 10、12月, １０月, 第7—8周, 第一周, 1-2周,
 * 10.13—10.24, 9月1日—9月5日, 每周, 每月, 全学期.
 *
 * <p>The text is scanned once into numbers with their unit (月, 周, a date m.d) joined by range marks (— - ~ 至 到) or
 * list marks (、 ，和). A number without a unit takes the unit of the next number of its run ("10、12月": both months),
 * else the default unit of its column (a 月份 column: "9—12" are months).
 */
final class TimeExpression {

    /** What a number without 月 or 周 means: the column it stands in decides. */
    enum Unit { MONTH, WEEK, NONE }

    /**
     * @param pure     whether the text is nothing but a time (plus fillers like 份, 上旬, brackets, a colon) and names one
     * @param termWord a word that places the time in the term without naming a month (开学前, 期中, 期末, 寒假前) or in a
     *                 month without naming it (上旬, 月底); null when none
     */
    record Reading(@Nullable List<Integer> months, @Nullable List<Integer> weeks, @Nullable String repeat, boolean pure,
                   @Nullable String termWord) {

        static final Reading NONE = new Reading(null, null, null, false, null);

        Reading(@Nullable List<Integer> months, @Nullable List<Integer> weeks, @Nullable String repeat, boolean pure) {
            this(months, weeks, repeat, pure, null);
        }

        /** Only a part of a month (上旬, 月底 …): the month comes from the row or heading above. */
        boolean onlyPartOfMonth() {
            return !hasMonthsOrWeeks() && repeat == null && termWord != null && PART_OF_MONTH.contains(termWord);
        }

        boolean hasMonthsOrWeeks() {
            return months != null || weeks != null;
        }

        /** Two time cells of one row (周次 and 时间): their months and weeks together. */
        Reading and(Reading other) {
            return new Reading(union(months, other.months), union(weeks, other.weeks),
                    repeat != null ? repeat : other.repeat, pure && other.pure, termWord != null ? termWord : other.termWord);
        }

        private static @Nullable List<Integer> union(@Nullable List<Integer> a, @Nullable List<Integer> b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            Set<Integer> all = new LinkedHashSet<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }
    }

    private enum Kind { MONTH, WEEK, DATE, BARE, RANGE, LIST, BREAK }

    private record Token(Kind kind, int value) {
    }

    private static final String RANGE_MARKS = "—–－-~～〜─至到";
    private static final String LIST_MARKS = "、，,和及与";
    // Words that are a time on their own (a 月份 cell may say 全学期) but name no month or week.
    // Longer words first: 开学前 before 开学, 寒假前 before 寒假.
    private static final List<String> TIME_WORDS = List.of("全学期", "本学期", "学期初", "学期中", "学期末", "开学初",
            "开学前", "开学后", "开学第一周", "寒假前", "暑假前", "放假前", "期中考试前", "期中考试后", "期中考试", "期末考试前",
            "期末考试", "期初", "期中", "期末", "全年", "长期", "平时", "随时", "寒假", "暑假", "上旬", "中旬", "下旬",
            "月初", "月中", "月底", "月末");
    /** The first characters of the time words, so that most characters of a long line are passed over at once. */
    private static final String TIME_WORD_STARTS = timeWordStarts();

    private static String timeWordStarts() {
        StringBuilder starts = new StringBuilder();
        for (String w : TIME_WORDS) {
            if (starts.indexOf(w.substring(0, 1)) < 0) {
                starts.append(w.charAt(0));
            }
        }
        return starts.toString();
    }

    /** Time words that name a part of a month, not of the term. */
    static final List<String> PART_OF_MONTH = List.of("上旬", "中旬", "下旬", "月初", "月中", "月底", "月末");
    // Words after a month that do not change it: 9月上旬, 元月底.
    private static final List<String> MONTH_FILLERS = List.of("上旬", "中旬", "下旬", "初", "底", "末", "中");
    private static final List<String> DAY_PARTS = List.of("上午", "下午", "晚上", "全天");

    private static final java.util.regex.Pattern WEEK_OF_MONTH =
            java.util.regex.Pattern.compile("\\d\\s*月(?:份)?\\s*(?:的)?\\s*第\\s*[1-5]\\s*(?:周|个星期)");
    // 2027年1月8日前, 2026.11.5 and 2026.9 name their year; the month is what a term plan needs.
    private static final java.util.regex.Pattern YEAR_WORD = java.util.regex.Pattern.compile("^\\d{4}\\s*年\\s*(?=\\d)");
    private static final java.util.regex.Pattern YEAR_MONTH = java.util.regex.Pattern.compile("^\\d{4}[.\\-/．](\\d{1,2})$");
    private static final java.util.regex.Pattern YEAR_DATE =
            java.util.regex.Pattern.compile("^\\d{4}([.\\-/．])(?=\\d{1,2}\\1\\d{1,2}(?:\\D|$))");
    // 9月5日前, 11月底前, 10月中旬左右: a bound after a date is still that date's month (开学前 is a word of its own).
    private static final java.util.regex.Pattern BEFORE_AFTER = java.util.regex.Pattern.compile(
            "(?<=[\\d日号旬底初末月周])\\s*(?:以前|之前|以后|之后|前后|左右|前|后|起|开始|期间|内)$");
    // Where a time written before the content ends: "9月10日，召开…", "10月下旬 组织…", "11月底前：完成…".
    private static final java.util.regex.Pattern LEADING_END = java.util.regex.Pattern.compile("[，,：:]|\\s");

    private static final java.util.regex.Pattern TASK_START = java.util.regex.Pattern.compile(
            "开展|组织|召开|进行|举行|举办|完成|做好|制订|制定|上报|上交|启动|布置|安排|评选|各|对|由|全体|全面");
    private static final java.util.regex.Pattern WEEKDAY =
            java.util.regex.Pattern.compile("周[一二三四五六日天](?:上午|下午|晚上)?");

    /** A time written at the start of a content and the content after it. */
    record Leading(String timeText, Reading time, String rest) {
    }

    /**
     * "9月5日前，各教研组上交计划" → 9月5日前 (September) and 各教研组上交计划; null when the content does not start with a
     * time (months, weeks, a repetition such as 每周二 or a word of the term) followed by a comma, a colon or a space.
     */
    static @Nullable Leading leading(String content) {
        String s = content.strip();
        var end = LEADING_END.matcher(s);
        while (end.find()) {
            if (end.start() > 24) {
                return null;
            }
            String head = s.substring(0, end.start()).strip();
            String rest = s.substring(end.end()).strip();
            if (!head.isEmpty() && !rest.isEmpty()) {
                // 周二下午 before a content of a 每周常规 list is every Tuesday
                Reading r = timeOnly(WEEKDAY.matcher(head).matches() ? "每" + head : head);
                if (r.hasMonthsOrWeeks() || r.repeat() != null || r.termWord() != null && !head.endsWith("考试")) {
                    return new Leading(head, r, Text.trimTrailingPunctuation(rest.replaceFirst("^[，,：:\\s]+", "")));
                }
            }
        }
        return null;
    }

    /**
     * "9月份完成课题开题论证", "10月中旬组织中期自查", "开学初各教研组制订计划": a time glued to the sentence it starts, the
     * longest start that reads as a time and leaves a content; null when there is none. An exam named by its time word
     * (期中考试质量分析) keeps its words.
     */
    static @Nullable Leading glued(String content) {
        String s = content.strip();
        if (s.length() < 4 || !mayStartTime(s.charAt(0))) {
            return null; // most contents start with a verb or a name: no time to look for
        }
        for (int end = Math.min(14, s.length() - 2); end >= 2; end--) {
            String head = s.substring(0, end);
            char next = s.charAt(end);
            if (Character.isDigit(next) || "月日号旬周前后底初末中至到—－-~～、.．".indexOf(next) >= 0) {
                continue; // cut inside a time: 10月中 | 旬
            }
            Reading r = timeOnly(head);
            // 期中教学质量检测 and 期末复习研讨 are names; 期末开展评选 and 开学初各教研组制订计划 are a time and a task
            boolean named = r.hasMonthsOrWeeks() || r.repeat() != null
                    || r.termWord() != null && TASK_START.matcher(s.substring(end)).lookingAt();
            if (r.pure() && named && !head.contains("考试") && !s.startsWith("考试", end)) {
                String rest = Text.trimTrailingPunctuation(s.substring(end).replaceFirst("^[，,：:\\s]+", ""));
                return rest.length() >= 2 ? new Leading(head, r, rest) : null;
            }
        }
        return null;
    }

    /** Whether a time can start with this character: a digit, a numeral, 元, 每, 第, 周 or the first of a time word. */
    private static boolean mayStartTime(char c) {
        return c >= '0' && c <= '9' || c >= '０' && c <= '９' || ChineseNumerals.isNumeral(c) || "元每第周".indexOf(c) >= 0
                || TIME_WORD_STARTS.indexOf(c) >= 0;
    }

    /** Whether a content starts with what is to be done (组织, 开展, 召开 …) rather than with a name. */
    static boolean startsTask(String content) {
        return TASK_START.matcher(content).lookingAt();
    }

    /** A time cell that may name its year and end in 前 / 后 / 左右 (2027年1月8日前). */
    static Reading timeOnly(String text) {
        return readPure(text, Unit.NONE);
    }

    private static String withoutYearAndBounds(String text) {
        String t = text.strip();
        var ym = YEAR_MONTH.matcher(t);
        if (ym.matches()) {
            return ym.group(1) + "月";
        }
        t = YEAR_WORD.matcher(t).replaceFirst("");
        t = YEAR_DATE.matcher(t).replaceFirst("");
        return BEFORE_AFTER.matcher(t).replaceFirst("");
    }

    private TimeExpression() {
    }

    /** Months, weeks and repetition named anywhere in a time cell, even one with other words ("9月上旬（待定）"). */
    static Reading read(String text, Unit bareNumbers) {
        return read(text, bareNumbers, false);
    }

    /**
     * The reading of a text that is nothing but a time, else {@link Reading#NONE}; stops at the first other word, so a
     * long prose line costs little.
     */
    static Reading readPure(String text, Unit bareNumbers) {
        Reading reading = read(text, bareNumbers, true);
        return reading.pure() ? reading : Reading.NONE;
    }

    private static Reading read(String text, Unit bareNumbers, boolean pureOnly) {
        String s = withoutYearAndBounds(ChineseNumerals.toDigits(text));
        Scan scan = new Scan(s, pureOnly);
        scan.run();
        if (pureOnly && !scan.pure || scan.tokens.isEmpty() && scan.repeat == null && !scan.timeWord) {
            return Reading.NONE;
        }
        Set<Integer> months = new LinkedHashSet<>();
        Set<Integer> weeks = new LinkedHashSet<>();
        boolean valid = interpret(scan.tokens, bareNumbers, months, weeks);
        if (ParsedItem.MONTHLY.equals(scan.repeat) || WEEK_OF_MONTH.matcher(s).find()) {
            weeks.clear(); // 每月第一周 and 9月第3周 are weeks of a month, not teaching weeks 1 and 3
        }
        boolean named = !months.isEmpty() || !weeks.isEmpty() || scan.repeat != null || scan.timeWord;
        return new Reading(months.isEmpty() ? null : List.copyOf(months), weeks.isEmpty() ? null : List.copyOf(weeks),
                scan.repeat, scan.pure && valid && named, scan.termWord);
    }

    /** Splits the tokens into runs (numbers joined by marks), gives bare numbers their unit and expands ranges. */
    private static boolean interpret(List<Token> tokens, Unit bareNumbers, Set<Integer> months, Set<Integer> weeks) {
        boolean valid = true;
        List<Token> run = new ArrayList<>();
        for (Token t : tokens) {
            boolean number = t.kind != Kind.RANGE && t.kind != Kind.LIST && t.kind != Kind.BREAK;
            boolean joins = !run.isEmpty() && isMark(run.get(run.size() - 1));
            if (t.kind == Kind.BREAK || (number && !run.isEmpty() && !joins)) {
                valid &= expandRun(run, bareNumbers, months, weeks);
                run.clear();
            }
            if (t.kind != Kind.BREAK) {
                run.add(t);
            }
        }
        valid &= expandRun(run, bareNumbers, months, weeks);
        return valid;
    }

    private static boolean isMark(Token t) {
        return t.kind == Kind.RANGE || t.kind == Kind.LIST;
    }

    private static boolean expandRun(List<Token> run, Unit bareNumbers, Set<Integer> months, Set<Integer> weeks) {
        while (!run.isEmpty() && isMark(run.get(run.size() - 1))) {
            run.remove(run.size() - 1);
        }
        while (!run.isEmpty() && isMark(run.get(0))) {
            run.remove(0);
        }
        if (run.isEmpty()) {
            return true;
        }
        List<Kind> units = unitsOf(run, bareNumbers);
        boolean valid = true;
        Token previous = null;
        Kind previousUnit = null;
        Token mark = null;
        for (int i = 0; i < run.size(); i++) {
            Token t = run.get(i);
            if (isMark(t)) {
                mark = t;
                continue;
            }
            Kind unit = units.get(i);
            if (unit == Kind.BARE || !inRange(unit, t.value)) {
                valid = false;
            } else if (mark != null && mark.kind == Kind.RANGE && previous != null && sameScale(previousUnit, unit)) {
                expandRange(unit, previous.value, t.value, months, weeks);
            } else {
                add(unit, t.value, months, weeks);
            }
            previous = t;
            previousUnit = unit;
            mark = null;
        }
        return valid;
    }

    /** 10、12月: a bare number takes the unit of the next number in its run, else of the one before, else the default. */
    private static List<Kind> unitsOf(List<Token> run, Unit bareNumbers) {
        List<Kind> units = new ArrayList<>();
        for (Token t : run) {
            units.add(t.kind);
        }
        Kind next = null;
        for (int i = run.size() - 1; i >= 0; i--) {
            if (units.get(i) == Kind.BARE && next != null) {
                units.set(i, next);
            } else if (!isMark(run.get(i)) && units.get(i) != Kind.BARE) {
                next = units.get(i);
            }
        }
        Kind before = switch (bareNumbers) {
            case MONTH -> Kind.MONTH;
            case WEEK -> Kind.WEEK;
            case NONE -> null;
        };
        for (int i = 0; i < run.size(); i++) {
            if (units.get(i) == Kind.BARE && before != null) {
                units.set(i, before);
            } else if (!isMark(run.get(i)) && units.get(i) != Kind.BARE) {
                before = units.get(i);
            }
        }
        return units;
    }

    private static boolean sameScale(@Nullable Kind a, Kind b) {
        return a != null && (a == Kind.WEEK) == (b == Kind.WEEK);
    }

    private static boolean inRange(Kind unit, int value) {
        return unit == Kind.WEEK ? value >= 1 && value <= 30 : value >= 1 && value <= 12;
    }

    private static void add(Kind unit, int value, Set<Integer> months, Set<Integer> weeks) {
        (unit == Kind.WEEK ? weeks : months).add(value);
    }

    /** 9—12 → 9,10,11,12; months wrap over the new year (11—2 → 11,12,1,2); weeks only count up. */
    private static void expandRange(Kind unit, int from, int to, Set<Integer> months, Set<Integer> weeks) {
        if (unit == Kind.WEEK) {
            for (int w = from + 1; w <= to; w++) {
                weeks.add(w);
            }
            return;
        }
        for (int m = from % 12 + 1, steps = 0; m != to % 12 + 1 && steps < 12; m = m % 12 + 1, steps++) {
            months.add(m);
        }
    }

    /** One pass over the text, producing number tokens with their unit, marks and breaks. */
    private static final class Scan {
        private final String s;
        private final boolean stopAtBreak;
        private final List<Token> tokens = new ArrayList<>();
        private int i;
        private boolean pure = true;
        private boolean timeWord;
        private @Nullable String termWord;
        private @Nullable String repeat;

        Scan(String s, boolean stopAtBreak) {
            this.s = s;
            this.stopAtBreak = stopAtBreak;
        }

        void run() {
            while (i < s.length() && !(stopAtBreak && !pure)) {
                char c = s.charAt(i);
                if (isDigit(c)) {
                    number();
                } else if (Character.isWhitespace(c) || "：:（）()[]【】第·•".indexOf(c) >= 0) {
                    i++;
                } else if (RANGE_MARKS.indexOf(c) >= 0) {
                    tokens.add(new Token(Kind.RANGE, 0));
                    i++;
                } else if (LIST_MARKS.indexOf(c) >= 0) {
                    tokens.add(new Token(Kind.LIST, 0));
                    i++;
                } else if (!word()) {
                    tokens.add(new Token(Kind.BREAK, 0));
                    pure = false;
                    i++;
                }
            }
        }

        /** A number and what follows it: 9月(份), 7周, 10.13 (a date), 2026年, 1日, or nothing (bare). */
        private void number() {
            int start = i;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
            int value = start + 4 < i ? Integer.MAX_VALUE : Integer.parseInt(s.substring(start, i));
            skipSpaces();
            if (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == '/') && i + 1 < s.length() && isDigit(s.charAt(i + 1))) {
                i++;
                while (i < s.length() && isDigit(s.charAt(i))) {
                    i++;
                }
                skipAny("日", "号");
                tokens.add(new Token(Kind.DATE, value));
            } else if (startsWith("月")) {
                i++;
                skipAny("份");
                skipAny(MONTH_FILLERS.toArray(String[]::new));
                tokens.add(new Token(Kind.MONTH, value));
            } else if (startsWith("周")) {
                i++;
                tokens.add(new Token(Kind.WEEK, value));
            } else if (startsWith("年") || startsWith("日") || startsWith("号")) {
                i++; // a year or a day says nothing about month or teaching week
            } else {
                tokens.add(new Token(Kind.BARE, value));
            }
        }

        /** Words that keep the text a pure time: 每周 / 每月 (a repetition), 全学期, 次年, 周三, 下午. */
        private boolean word() {
            if (startsWith("每周") || startsWith("每星期")) {
                i += startsWith("每周") ? 2 : 3;
                repeat = ParsedItem.WEEKLY;
                skipWeekday();
                return true;
            }
            if (startsWith("每月")) {
                i += 2;
                repeat = ParsedItem.MONTHLY;
                return true;
            }
            if (startsWith("周") || startsWith("星期")) {
                int before = i;
                i += startsWith("周") ? 1 : 2;
                if (skipWeekday()) {
                    return true;
                }
                i = before;
                return false;
            }
            if (TIME_WORD_STARTS.indexOf(s.charAt(i)) < 0) {
                return skipAny("次年", "份") || skipAny(DAY_PARTS.toArray(String[]::new));
            }
            for (String w : TIME_WORDS) {
                if (startsWith(w)) {
                    i += w.length();
                    timeWord = true;
                    if (termWord == null) {
                        termWord = w;
                    }
                    return true;
                }
            }
            return skipAny("次年", "份") || skipAny(DAY_PARTS.toArray(String[]::new));
        }

        /** 周一 … 周日, 星期三: a weekday, consumed so that its numeral is not read as a month. */
        private boolean skipWeekday() {
            if (i < s.length() && ("1234567日天末".indexOf(s.charAt(i)) >= 0)) {
                i++;
                return true;
            }
            return false;
        }

        private boolean skipAny(String... words) {
            for (String w : words) {
                if (startsWith(w)) {
                    i += w.length();
                    return true;
                }
            }
            return false;
        }

        private void skipSpaces() {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
        }

        private boolean startsWith(String w) {
            return s.startsWith(w, i);
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
