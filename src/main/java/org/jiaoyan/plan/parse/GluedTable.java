package org.jiaoyan.plan.parse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A table copied from a web page into text: every cell on its own line, and often neighbouring cells glued with no
 * separator — a month and an owner ("10—12王海燕"), several owners ("王海燕李明欧阳晓红"), an owner and the next row's
 * category ("11王海燕教学常规"), the header and the first category ("项目工作内容月份负责人课程建设").
 *
 * <p>Each line is cut into typed cells: a time at the start, owners (names of the institution, names that stand alone
 * elsewhere in the table, units such as 教科室, else names guessed from surnames), and the rest, which is a category or a
 * content by the header's column order. The cells then fill rows in that order: a cell of a column at or before the last
 * one filled starts the next row. A row without its time or category takes the one above (a merged cell of the page).
 */
final class GluedTable {

    private enum Type { TIME, OWNER, TEXT, NUMBERED }

    private record Cell(int line, Type type, String text, boolean guessed) {
    }

    /** A glued header and the text glued after it. */
    record Header(TableLayout layout, String rest) {
    }

    // 10—12, 9, 九月, 9月上旬, 第3—4周, 10、12月 at the start of a line, before a name or a word.
    private static final Pattern TIME_PREFIX = Pattern.compile(
            "^(?:第?\\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十元]{1,3})\\s*(?:月份|月|周)?"
                    + "(?:\\s*[—–\\-~～至到、，,]\\s*第?\\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\\s*(?:月份|月|周)?)*"
                    + "(?:上旬|中旬|下旬|初|底|末)?"
                    + "|开学前|开学初|学期初|期初|期中|期末|学期末|寒假前|暑假前|全学期|每周|每月)");
    private static final Pattern WIDE_GAP = Pattern.compile("\\S(?: {2,}|\u3000)\\S");
    private static final Pattern GLUED_TIME_AND_NAME = Pattern.compile(
            "^[0-9０-９]{1,2}(?:[—–\\-~～至到、][0-9０-９]{1,2})*(?:月份|月|周)?[\\p{IsHan}&&[^月周日号年份至到第次]]");
    /** Characters that start the next category or content rather than end a given name (教学常规, 课题研究, 德育). */
    private static final String WORD_STARTS = "教课德校质常科集读开组制召举活安工专学";
    private static final String SURNAMES = Owners.SURNAMES;
    /** Role words that also start categories (教师发展, 成员培训): after an owner they are not taken as one. */
    private static final Set<String> GENERIC_ROLES = Set.of("教师", "老师", "成员", "人员", "全体", "全员");

    private final TableLayout layout;
    private final List<TableLayout.Kind> order = new ArrayList<>();
    private final Consumer<UnrecognisedLine> unrecognised;
    private final List<String> names = new ArrayList<>();

    GluedTable(TableLayout layout, Collection<String> knownNames, Consumer<UnrecognisedLine> unrecognised) {
        this.layout = layout;
        this.unrecognised = unrecognised;
        for (TableLayout.Column c : layout.columns()) {
            if (c.kind() != TableLayout.Kind.OTHER && !order.contains(c.kind())) {
                order.add(c.kind());
            }
        }
        for (String n : knownNames) {
            String name = n.replaceAll("\\s+", "");
            if (name.length() >= 2 && !names.contains(name)) {
                names.add(name);
            }
        }
    }

    /** "项目工作内容月份负责人" or "…月份负责人课程建设": two or more header words glued at the start of a line. */
    static @Nullable Header header(String text) {
        String s = text.strip();
        List<String> words = new ArrayList<>();
        int at = 0;
        while (at < s.length()) {
            String word = null;
            for (int len = Math.min(5, s.length() - at); len >= 1; len--) {
                if (TableLayout.isHeaderWord(s.substring(at, at + len))) {
                    word = s.substring(at, at + len);
                    break;
                }
            }
            if (word == null) {
                break;
            }
            words.add(word);
            at += word.length();
            while (at < s.length() && s.charAt(at) == ' ') {
                at++;
            }
        }
        if (words.size() < 2 || s.indexOf(' ') >= 0 && at == s.length()) {
            return null; // spaced headers are read by TableLayout itself
        }
        TableLayout layout = TableLayout.of(words, TableLayout.Style.CELL_PER_LINE);
        if (layout == null || layout.count(TableLayout.Kind.TIME) == 0 && layout.count(TableLayout.Kind.OWNER) == 0) {
            return null;
        }
        return new Header(layout, s.substring(at).strip());
    }

    /** Whether the lines of a table show glue: a number glued to a name ("10—12王海燕", "11王海燕教学常规"). */
    static boolean showsGlue(List<String> texts, int from) {
        for (int i = from; i < texts.size(); i++) {
            String t = texts.get(i).strip();
            if (t.indexOf('\t') >= 0 || RowCells.isPipeRow(t) || WIDE_GAP.matcher(t).find()) {
                continue; // "10月下旬⇥市级课题…", "10月 | 送教下乡" and "4月上旬    各校" are cells, not glued text
            }
            if (GLUED_TIME_AND_NAME.matcher(t).find() && !Numbering.isNumbered(t)
                    && !TimeExpression.readPure(t, TimeExpression.Unit.NONE).pure()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A table of one cell per line whose contents are not numbered: a row may have several content lines and several
     * owner lines, which only the typed reading tells apart (the cell stream of {@link CellTable} counts cells).
     */
    static boolean readsBetterThanCells(List<String> texts, int from) {
        for (int i = from; i < texts.size(); i++) {
            if (Numbering.isNumbered(texts.get(i).strip())) {
                return false;
            }
        }
        return true;
    }

    /** The rows of the table in {@code lines}; {@code firstRest} is text glued to the header (line {@code headerLine}). */
    List<RowDraft> rows(String firstRest, int headerLine, List<PlanLine> lines) {
        learnNames(lines);
        List<Cell> cells = new ArrayList<>();
        if (!firstRest.isEmpty()) {
            split(headerLine, firstRest, cells);
        }
        List<String> titles = layout.titles();
        for (PlanLine line : lines) {
            String text = line.text();
            if (line.isBlank() || titles.contains(text)) {
                continue;
            }
            if (PageFurniture.isFurniture(text) && !(PageFurniture.isLoneNumber(text)
                    && TimeExpression.readPure(text, layout.timeUnit()).pure())) {
                continue;
            }
            if (ScheduleReader.isNote(text)) {
                unrecognised.accept(new UnrecognisedLine(line.number(), text));
                continue;
            }
            Header repeated = header(text);
            if (repeated != null) {
                if (!repeated.rest().isEmpty()) {
                    split(line.number(), repeated.rest(), cells); // the header again after a page break
                }
                continue;
            }
            split(line.number(), text, cells);
        }
        return assemble(cells);
    }

    /** Names that stand alone on a line, or alone after a glued time ("9王海燕"), are names of this table. */
    private void learnNames(List<PlanLine> lines) {
        for (PlanLine line : lines) {
            String t = line.text();
            Matcher m = TIME_PREFIX.matcher(t);
            String rest = m.lookingAt() && m.end() > 0 && !Numbering.isNumbered(t) ? t.substring(m.end()).strip() : t;
            for (String part : Owners.split(rest)) {
                if (Owners.isPersonalName(part) && !names.contains(part) && rest.length() <= 12) {
                    names.add(part);
                }
            }
        }
        names.sort(Comparator.comparingInt(String::length).reversed());
    }

    private void split(int line, String text, List<Cell> out) {
        String s = text.strip();
        boolean afterTimeOrOwner = false;
        while (!s.isEmpty()) {
            if (Numbering.isNumbered(s) && !afterTimeOrOwner) {
                out.add(new Cell(line, Type.NUMBERED, s, false));
                return;
            }
            int time = timePrefix(s);
            if (time > 0 && time < s.length() && !startsWithDigit(s) && owners(s.substring(time).strip(), true) == null) {
                time = 0; // 期中教学质量分析, 九月开学典礼: a content that starts with a time word
            }
            if (time > 0) {
                out.add(new Cell(line, Type.TIME, s.substring(0, time).strip(), false));
                s = s.substring(time).strip();
                afterTimeOrOwner = true;
                continue;
            }
            Owned owned = owners(s, afterTimeOrOwner);
            if (owned != null) {
                out.add(new Cell(line, Type.OWNER, String.join("、", owned.names), owned.guessed));
                s = s.substring(owned.length).strip();
                afterTimeOrOwner = true;
                continue;
            }
            out.add(new Cell(line, Type.TEXT, s, false));
            return;
        }
    }

    private static boolean startsWithDigit(String s) {
        char c = s.charAt(0);
        return c >= '0' && c <= '9' || c >= '０' && c <= '９' || c == '第' && s.length() > 1 && Character.isDigit(s.charAt(1));
    }

    /** Length of a time at the start of the text, or 0: it must read as a time and not be a numbered line (1．…). */
    private int timePrefix(String s) {
        Matcher m = TIME_PREFIX.matcher(s);
        if (!m.lookingAt() || m.end() == 0) {
            return 0;
        }
        String time = m.group();
        if (time.endsWith("周") && layout.timeUnit() == TimeExpression.Unit.MONTH && m.end() < s.length()) {
            time = time.substring(0, time.length() - 1); // 1周敏 in a 月份 column: January and 周敏
            if (TimeExpression.readPure(time, layout.timeUnit()).pure()) {
                return time.length();
            }
        }
        boolean unitNamed = time.contains("月") || time.contains("周") || time.chars().anyMatch(c -> c >= '0' && c <= '9'
                || c >= '０' && c <= '９') || time.length() >= 2 && !ChineseNumerals.isNumeral(time.charAt(0));
        if (!unitNamed) {
            return 0; // 十佳教师评选 starts with a numeral, not a month
        }
        if (m.end() < s.length() && "．.、)）".indexOf(s.charAt(m.end())) >= 0) {
            return 0; // 1．制定计划 is numbered
        }
        if (m.end() < s.length() && Character.isDigit(s.charAt(m.end()))) {
            return 0;
        }
        if (m.end() < s.length() && time.length() <= 2 && s.charAt(m.end()) == '日') {
            return 0;
        }
        return TimeExpression.readPure(time, layout.timeUnit()).pure() ? m.end() : 0;
    }

    private record Owned(List<String> names, int length, boolean guessed) {
    }

    /**
     * Owners at the start of the text: known names and units first; names guessed from surnames only after a time or
     * another owner on the same line, or when the whole line is names.
     */
    private @Nullable Owned owners(String s, boolean afterTimeOrOwner) {
        List<String> found = new ArrayList<>();
        int at = 0;
        boolean guessed = false;
        while (at < s.length()) {
            String rest = s.substring(at);
            if (rest.startsWith("、") || rest.startsWith("，") || rest.startsWith(",") || rest.startsWith(" ")) {
                at++;
                continue;
            }
            String known = knownPrefix(rest);
            if (known != null) {
                found.add(known);
                at += known.length();
                continue;
            }
            String unit = unitPrefix(rest, !found.isEmpty() || afterTimeOrOwner);
            if (unit != null) {
                found.add(unit);
                at += unit.length();
                continue;
            }
            if (afterTimeOrOwner || !found.isEmpty() || segmentsWhole(rest)) {
                List<String> guess = guessNames(rest);
                if (!guess.isEmpty()) {
                    found.addAll(guess);
                    at += String.join("", guess).length();
                    guessed = true;
                    continue;
                }
            }
            break;
        }
        if (found.isEmpty()) {
            return null;
        }
        if (!afterTimeOrOwner && at < s.length() && !names.contains(found.get(0))) {
            return null; // 骨干教师示范课, 课题组上报资料: a content that starts like a unit, unless a known name starts it
        }
        return new Owned(found, at, guessed);
    }

    private @Nullable String knownPrefix(String s) {
        for (String n : names) {
            if (s.startsWith(n)) {
                return n;
            }
        }
        return null;
    }

    /**
     * 教科室, 各教研组长, 教导处: the whole text when it is one unit, else the shortest prefix ending like a unit, carried on
     * over the characters that still continue a unit's name (教科 → 教科室, 各教研组 → 各教研组长, 课题 → 课题主持人).
     */
    private static @Nullable String unitPrefix(String s, boolean afterOwner) {
        if (s.length() <= 10 && Owners.looksLikeOwner(s) && !Owners.isPersonalName(s) && s.indexOf('、') < 0) {
            return s;
        }
        for (int len = 2; len <= Math.min(10, s.length()); len++) {
            String p = s.substring(0, len);
            if (Owners.looksLikeOwner(p) && !Owners.isPersonalName(p)) {
                while (p.length() < s.length() && "室处组长办部".indexOf(s.charAt(p.length())) >= 0) {
                    p = s.substring(0, p.length() + 1);
                }
                String rest = s.substring(p.length());
                if (rest.startsWith("主持人") || rest.startsWith("成员")) {
                    p = p + rest.substring(0, rest.startsWith("成员") ? 2 : 3);
                }
                if (afterOwner && GENERIC_ROLES.contains(p) && p.length() < s.length()) {
                    return null; // 孙伟教师发展: 教师 is the start of the next category, not another owner
                }
                return p;
            }
        }
        return null;
    }

    private boolean segmentsWhole(String s) {
        List<String> guess = guessNames(s);
        return !guess.isEmpty() && String.join("", guess).length() == s.length();
    }

    /** The best split of the start of the text into names of 2–3 characters (3–4 with a compound surname). */
    private List<String> guessNames(String s) {
        List<String> best = new ArrayList<>();
        double[] bestScore = {Double.NEGATIVE_INFINITY};
        search(s, 0, new ArrayList<>(), best, bestScore);
        return best;
    }

    private void search(String s, int at, List<String> current, List<String> best, double[] bestScore) {
        if (!current.isEmpty()) {
            double score = score(s, at, current);
            if (score > bestScore[0]) {
                bestScore[0] = score;
                best.clear();
                best.addAll(current);
            }
        }
        if (at >= s.length() || current.size() >= 6) {
            return;
        }
        for (int len : candidateLengths(s, at)) {
            String name = s.substring(at, at + len);
            if (!Owners.isPersonalName(name)) {
                continue;
            }
            current.add(name);
            search(s, at + len, current, best, bestScore);
            current.remove(current.size() - 1);
        }
    }

    private static List<Integer> candidateLengths(String s, int at) {
        List<Integer> lengths = new ArrayList<>();
        boolean compound = at + 2 <= s.length() && Owners.COMPOUND_SURNAMES.contains(s.substring(at, at + 2));
        for (int len : compound ? new int[] {4, 3} : new int[] {3, 2}) {
            if (at + len <= s.length() && s.substring(at, at + len).codePoints().allMatch(c ->
                    Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                lengths.add(len);
            }
        }
        return lengths;
    }

    /** All consumed is best; then a rest that starts like a word, not like another name; known and 3-character names. */
    private double score(String s, int at, List<String> names) {
        double score = 0;
        String rest = s.substring(at);
        if (rest.isEmpty()) {
            score += 5;
        } else if (SURNAMES.indexOf(rest.charAt(0)) < 0 && !Owners.isPersonalName(rest)) {
            score += 4;
        } else {
            score -= 6;
        }
        if (!rest.isEmpty() && WORD_STARTS.indexOf(rest.charAt(0)) >= 0) {
            score += 2;
        }
        for (String n : names) {
            score += this.names.contains(n) ? 3 : 0;
            score += n.length() >= 3 ? 0.5 : 0;
            char last = n.charAt(n.length() - 1);
            score -= WORD_STARTS.indexOf(last) >= 0 && n.length() == 3 && !this.names.contains(n) ? 4 : 0;
        }
        return score - names.size() * 0.1;
    }

    // ---------------------------------------------------------------- rows

    private List<RowDraft> assemble(List<Cell> cells) {
        List<RowDraft> rows = new ArrayList<>();
        RowDraft row = null;
        int last = -1;
        String category = "";
        RowDraft previous = null;
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            TableLayout.Kind kind = kindOf(cell, last, cells, i);
            if (row != null && kind != TableLayout.Kind.TIME && !row.timeText.isEmpty()) {
                previous = row;
            }
            int column = order.indexOf(kind);
            if (column < 0) {
                unrecognised.accept(new UnrecognisedLine(cell.line, cell.text));
                continue;
            }
            boolean sameColumnGoesOn = column == last && (kind == TableLayout.Kind.CONTENT || kind == TableLayout.Kind.OWNER
                    || kind == TableLayout.Kind.TIME);
            if (row == null || column < last || column == last && !sameColumnGoesOn) {
                if (row != null) {
                    previous = row;
                }
                row = new RowDraft();
                rows.add(row);
                row.category = category;
            }
            switch (kind) {
                case TIME -> {
                    TimeExpression.Reading reading = TimeExpression.read(cell.text, layout.timeUnit());
                    if (reading.onlyPartOfMonth() && previous != null && previous.time.months() != null) {
                        reading = new TimeExpression.Reading(previous.time.months(), null, null, true, reading.termWord());
                        row.doubts.add(Doubt.TIME_WORD);
                    }
                    if (row.timeText.isEmpty()) {
                        row.withTime(cell.text, reading);
                    } else {
                        row.withTime(row.timeText + " " + cell.text, row.time.and(reading)); // 周次 and 日期
                    }
                }
                case CATEGORY -> {
                    category = Text.trimTrailingPunctuation(cell.text);
                    row.category = category;
                }
                case CONTENT -> {
                    for (String part : Numbering.splitTableCell(cell.text)) {
                        row.contents.add(new RowDraft.Entry(cell.line, part));
                    }
                }
                case OWNER -> {
                    row.owners.add(cell.text);
                    if (cell.guessed) {
                        row.doubts.add(Doubt.OWNER_UNGLUED);
                    }
                }
                default -> { }
            }
            last = column;
        }
        rows.removeIf(r -> r.contents.isEmpty());
        RowDraft above = null;
        for (RowDraft r : rows) {
            if (r.timeText.isEmpty() && above != null && !above.timeText.isEmpty() && order.contains(TableLayout.Kind.TIME)) {
                r.withTime(above.timeText, above.time); // the time cell was merged over these rows on the page
                r.doubts.add(Doubt.MERGED_CELL_FILLED);
            }
            above = r;
        }
        // A row's owners are one group: several names glued together own every content of the row together.
        for (RowDraft r : rows) {
            if (r.owners.size() > 1 && r.owners.size() != r.contents.size()) {
                String joined = String.join("、", r.owners);
                r.owners.clear();
                r.owners.add(joined);
            }
        }
        return rows;
    }

    /** What a cell is, by its type and, for plain text, by the column that comes next in the header's order. */
    private TableLayout.Kind kindOf(Cell cell, int last, List<Cell> cells, int index) {
        switch (cell.type) {
            case TIME:
                return TableLayout.Kind.TIME;
            case OWNER:
                return order.contains(TableLayout.Kind.OWNER) ? TableLayout.Kind.OWNER : TableLayout.Kind.CONTENT;
            case NUMBERED:
                return TableLayout.Kind.CONTENT;
            default:
                break;
        }
        if (!order.contains(TableLayout.Kind.CATEGORY)) {
            return TableLayout.Kind.CONTENT;
        }
        int category = order.indexOf(TableLayout.Kind.CATEGORY);
        int content = order.indexOf(TableLayout.Kind.CONTENT);
        if (last == category) {
            return TableLayout.Kind.CONTENT;
        }
        boolean short_ = cell.text.length() <= 12 && !cell.text.matches(".*[，。；,;：:].*");
        boolean nextIsContentLike = index + 1 < cells.size() && (cells.get(index + 1).type == Type.TEXT
                || cells.get(index + 1).type == Type.NUMBERED);
        // After a row's last cell, a short line followed by text is the next row's category (a new 项目).
        boolean rowEnded = last >= content && last != content;
        if (short_ && nextIsContentLike && (rowEnded || last < 0)) {
            return TableLayout.Kind.CATEGORY;
        }
        return TableLayout.Kind.CONTENT;
    }
}
