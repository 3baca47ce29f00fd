package org.jiaoyan.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the text of a semester plan (学期工作计划 / 行事历) into its title, prose sections and schedule items.
 *
 * <p>The text is cut into parts at headings (一、指导思想 … 四、具体工作安排) and at the titles of further plans in the same
 * file (a web page of 篇一 … 篇五). A part whose heading names a schedule (安排, 行事历 …) — or that starts with a month
 * heading (九月份：) or a table header (月份 / 工作内容 / 负责人) — is read by {@link ScheduleReader}; the other parts are
 * sections. Thread-safe: every call works on its own state.
 */
public final class PlanTextParser {

    // The title of a plan: 青山县实验小学2026—2027学年第一学期教科室工作计划, 东湖镇中心小学2026年秋学期教研工作行事历.
    private static final Pattern TITLE_WORDS = Pattern.compile("计划|行事历|安排|要点");
    // A further plan in the same file names its period or its place in a collection: 2027年度, 20xx, 篇三.
    private static final Pattern PLAN_MARK = Pattern.compile("篇[一二三四五六七八九十0-9]+|\\d{4}|20[xX]{2}|[xX]{2}年");
    private static final Pattern PLAN_TITLE_END = Pattern.compile(
            "(?:计划|行事历|安排|要点|计划书)(?:[(（][^)）]*[)）]|篇[一二三四五六七八九十0-9]+)?$");
    // A schedule item that happens to end in 计划 starts with what is to be done: 制定2026年工作计划.
    private static final Pattern TASK_VERB = Pattern.compile("^(?:制定|制订|完成|上报|撰写|修订|讨论|审议|公布|学习|交流|总结|拟定|提交)");
    // The heading of the schedule part: 具体工作安排, 月份安排, 工作行事历, 工作日程, 月历.
    private static final Pattern SCHEDULE_HEADING = Pattern.compile("安排|行事历|日程|月历|进度|工作历");
    // Section names that stand alone on a line, without 一、 before them.
    private static final Set<String> SECTION_NAMES = Set.of("指导思想", "工作目标", "主要工作", "工作措施", "主要措施",
            "主要工作与措施", "主要工作和措施", "具体工作安排", "工作安排", "月份安排", "工作行事历", "行事历", "具体安排",
            "工作要点", "工作重点", "保障措施", "工作思路", "常规工作", "日常工作", "月工作安排");

    private final java.util.Collection<String> knownNames;

    /** A parser that knows no names: owners are told by their form only (the {@code parse-plan} command). */
    public PlanTextParser() {
        this(List.of());
    }

    /**
     * A parser that knows the institution's people and units, so that owners glued to other cells ("10—12王海燕李明")
     * are cut at real names.
     */
    public PlanTextParser(java.util.Collection<String> knownNames) {
        this.knownNames = List.copyOf(knownNames);
    }

    public ParsedPlan parse(String text) {
        return new Reading(PlanLine.split(text), knownNames).run();
    }

    /** One heading-delimited part of the plan. */
    private static final class Part {
        final String title;
        final boolean schedule;
        final boolean headed;
        final List<PlanLine> lines = new ArrayList<>();

        Part(String title, boolean schedule, boolean headed) {
            this.title = title;
            this.schedule = schedule;
            this.headed = headed;
        }
    }

    private record Heading(String title, int number, boolean schedule, String rest) {
    }

    private static final class Reading {
        private final List<PlanLine> lines;
        private final List<String> texts;
        private final List<ParsedSection> sections = new ArrayList<>();
        private final List<ParsedItem> items = new ArrayList<>();
        private final List<UnrecognisedLine> unrecognised = new ArrayList<>();
        private String title = "";
        private @Nullable Part part;
        private int lastHeadingNumber;

        private final java.util.Collection<String> knownNames;
        /** Parts not headed as a schedule whose numbered lines name owners or times (read when no schedule is found). */
        private final List<Part> annotated = new ArrayList<>();

        Reading(List<PlanLine> input, java.util.Collection<String> knownNames) {
            java.util.Set<String> running = PageFurniture.runningHeaders(input);
            java.util.Set<Integer> signatures = PageFurniture.innerSignatures(input);
            List<PlanLine> cleaned = new ArrayList<>(input.size());
            for (int i = 0; i < input.size(); i++) {
                PlanLine l = input.get(i);
                boolean header = i > 0 && running.contains(l.text()) && !firstTextLine(input, i) || signatures.contains(i);
                cleaned.add(header ? new PlanLine(l.number(), PageFurniture.RUNNING_HEADER, PageFurniture.RUNNING_HEADER) : l);
            }
            this.lines = cleaned;
            this.knownNames = knownNames;
            this.texts = lines.stream().map(PlanLine::text).toList();
        }

        ParsedPlan run() {
            int end = PageFurniture.signatureStart(lines);
            for (int i = 0; i < end; i++) {
                readLine(i);
            }
            close();
            if (items.isEmpty()) {
                // no part is headed as a schedule: 三、重点工作 whose numbered tasks carry times and owners is the schedule
                for (Part p : annotated) {
                    ScheduleReader reader = new ScheduleReader(knownNames);
                    reader.read(p.lines);
                    items.addAll(reader.items());
                    sections.removeIf(section -> section.title().equals(p.title) && p.headed);
                }
            }
            return new ParsedPlan(title, sections, TermWords.apply(title, items), unrecognised);
        }

        private void readLine(int index) {
            PlanLine line = lines.get(index);
            if (line.isBlank()) {
                if (part != null && part.schedule) {
                    part.lines.add(line); // the schedule tells a wrapped line from a new paragraph by the blank between
                }
                return;
            }
            if (PageFurniture.isFurniture(line.text())) {
                if (part != null) {
                    part.lines.add(line); // the schedule decides: a lone 9 in a flattened 月份 column is a month
                }
                return;
            }
            Part current = part;
            if (current == null) {
                startDocument(index);
                return;
            }
            if (isFurtherPlanTitle(line.text())) {
                open(new Part(line.text(), false, false));
                lastHeadingNumber = 0;
                return;
            }
            Heading heading = heading(line.text());
            if (heading != null) {
                open(new Part(heading.title, heading.schedule, true));
                if (heading.number > 0) {
                    lastHeadingNumber = heading.number;
                }
                if (!heading.rest.isEmpty()) {
                    part.lines.add(new PlanLine(line.number(), heading.rest, heading.rest));
                }
                return;
            }
            if (!current.schedule && ScheduleReader.startsSchedule(texts, index)) {
                open(new Part("", true, false)); // 九月份： after the prose, or a table header without a heading
            }
            part.lines.add(line);
        }

        /** The first line is the title when it looks like one (contains 计划, 行事历 or 安排); else it is text. */
        private void startDocument(int index) {
            String first = lines.get(index).text();
            if (looksLikeTitle(first)) {
                title = first;
                part = new Part(title, false, false);
                return;
            }
            part = new Part("", false, false);
            readLine(index);
        }

        private void open(Part next) {
            close();
            part = next;
        }

        private void close() {
            Part p = part;
            if (p == null) {
                return;
            }
            boolean routine = !p.schedule && p.headed && p.title.contains("常规") && (carriesTasks(p.lines)
                    || p.lines.stream().anyMatch(l -> isRepeatHeading(l.text())));
            if (p.schedule || routine) {
                List<PlanLine> lines = p.lines;
                String repeat = p.title.contains("每周") ? "每周：" : p.title.contains("每月") ? "每月：" : null;
                if (routine && repeat != null && lines.stream().noneMatch(l -> isRepeatHeading(l.text()))) {
                    // 三、每月常规工作（每月均需开展） / ◆ 班级环境创设检查（保教主任）: items that repeat every month
                    lines = new ArrayList<>(lines);
                    lines.add(0, new PlanLine(lines.isEmpty() ? 0 : lines.get(0).number(), repeat, repeat));
                }
                ScheduleReader reader = new ScheduleReader(knownNames);
                reader.read(lines);
                items.addAll(reader.items());
                unrecognised.addAll(reader.unrecognised());
                return;
            }
            if (carriesTasks(p.lines)) {
                annotated.add(p);
            }
            List<String> text = new ArrayList<>();
            for (PlanLine l : p.lines) {
                if (!PageFurniture.isFurniture(l.text())) {
                    text.add(l.text());
                }
            }
            if (!text.isEmpty() || p.headed) {
                sections.add(new ParsedSection(p.title, String.join("\n", text)));
            }
        }

        /**
         * 一、指导思想 / 二、工作目标 / 四、具体工作安排, or a bare section name. A Chinese-numbered line is a heading only when
         * it continues the count (so 一、队伍建设 inside 四、具体工作安排 is a category, not a new part).
         */
        private @Nullable Heading heading(String text) {
            Numbering.Numbered n = Numbering.parse(text);
            if (n != null && n.style() == Numbering.Style.CHINESE) {
                if (lastHeadingNumber != 0 && n.number() != lastHeadingNumber + 1
                        || ScheduleReader.MonthHeading.of(text, TimeExpression.Unit.NONE) != null) {
                    return null; // 九、十月份： and 三、十一月 head months, not parts of the plan
                }
                Heading heading = headingTitled(n.rest(), n.number());
                boolean inUnnumberedSchedule = part != null && part.schedule && lastHeadingNumber == 0;
                if (heading != null && inUnnumberedSchedule && !SECTION_NAMES.contains(heading.title)) {
                    return null; // under a bare 工作安排, 一、队伍建设 is a group of items, not the next part
                }
                return heading;
            }
            String bare = Text.trimTrailingPunctuation(Text.stripDecoration(text)); // 【指导思想】 too
            if (SECTION_NAMES.contains(bare)) {
                return new Heading(bare, 0, SCHEDULE_HEADING.matcher(bare).find(), "");
            }
            return null;
        }

        /** "指导思想" or "指导思想：以…为指导" (the text after the colon starts the section). */
        private static @Nullable Heading headingTitled(String rest, int number) {
            String title = rest;
            String after = "";
            int colon = ScheduleReader.MonthHeading.firstColon(rest);
            if (colon > 0 && colon <= 15) {
                title = rest.substring(0, colon);
                after = rest.substring(colon + 1).strip();
            }
            title = Text.trimTrailingPunctuation(title.strip());
            boolean sentence = title.contains("。") || title.contains("，") || title.contains("；") || title.contains(",");
            if (title.isEmpty() || title.length() > 30 || sentence || Numbering.parse(title) != null) {
                return null; // 四、五、六年级学生写字竞赛 is no heading
            }
            return new Heading(title, number, SCHEDULE_HEADING.matcher(title).find(), after);
        }
    }

    /** 每月常规：… or 每周：: a heading of items that repeat. */
    private static boolean isRepeatHeading(String text) {
        ScheduleReader.MonthHeading h = ScheduleReader.MonthHeading.of(text, TimeExpression.Unit.NONE);
        return h != null && h.time().repeat() != null;
    }

    private static boolean firstTextLine(List<PlanLine> lines, int index) {
        for (int i = 0; i < index; i++) {
            if (!lines.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** At least three numbered tasks with an owner or a time of their own (由X负责, 责任人：…, 完成时间：…, 9月份完成…). */
    static boolean carriesTasks(List<PlanLine> lines) {
        int tasks = 0;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).text();
            if (!Numbering.isNumbered(t)) {
                continue;
            }
            String next = i + 1 < lines.size() ? lines.get(i + 1).raw() : "";
            Owners.Annotated a = Owners.takeFromEnd(Text.content(t), true);
            if (!a.owner().isEmpty() || a.time() != null || Owners.annotationLine(next) != null
                    || TimeExpression.glued(Text.content(t)) != null) {
                tasks++;
            }
        }
        return tasks >= 3;
    }

    static boolean looksLikeTitle(String text) {
        return text.length() <= 60 && TITLE_WORDS.matcher(text).find() && !Numbering.isNumbered(text)
                && !SECTION_NAMES.contains(text)
                && !text.contains("。") && !text.contains("，") && !text.contains("；") && !text.contains("：");
    }

    /** 小学少科室工作计划篇三 or 心内科2027年度护理工作计划 inside a file: the start of another plan. */
    static boolean isFurtherPlanTitle(String text) {
        return looksLikeTitle(text) && text.length() <= 50 && PLAN_MARK.matcher(text).find()
                && PLAN_TITLE_END.matcher(text).find() && !TASK_VERB.matcher(text).find();
    }
}
