package org.jiaoyan.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Who is responsible (负责人): recognising a name or a unit in a cell, and taking an owner written at the end of a content. */
final class Owners {

    /** Labels before an owner: （负责人：陈静）, (责任人：…), （主讲：周敏）, 负责人：王丽 at the end of a line. */
    private static final List<String> LABELS = List.of("负责人", "责任人", "负责部门", "责任部门", "负责处室", "责任处室",
            "责任科室", "负责科室", "责任单位", "负责单位", "牵头单位", "责任领导", "负责教研员", "主讲人",
            "主讲", "主持人", "执行人", "牵头人", "牵头部门", "承办", "负责");

    /** Endings of units and roles that own plan items: 教导处, 教科室, 各教研组, 各备课组长, 护士长, 课题主持人, 全体教师. */
    private static final List<String> UNIT_ENDINGS = List.of("处", "室", "组", "组长", "校长", "处长", "科长", "部长", "院长",
            "护士长", "队长", "局长", "园长", "主任", "老师", "教师", "教研员", "成员", "人员", "主持人", "负责人", "责任人",
            "联系人", "工会", "委员会", "家委会", "学生会", "团委", "关工委", "大队部", "中心", "办", "科", "全体", "全员",
            "学校", "各校", "幼儿园", "医生", "医师", "护士", "班长", "各班", "年级组", "保育员");
    private static final Set<String> NOT_OWNERS = Set.of("全部", "内部", "外部", "周末", "周会", "周报", "周记", "周年",
            "周边", "学科", "本科", "专科", "小组", "同组", "分组");
    /**
     * Common surnames, without those that often start an ordinary word in a plan (高效, 方案, 安全, 成果, 任务, 毕业,
     * 卫生, 管理, 纪律, 巩固, 毛笔 …), so that （语文） or （粉笔字） after a content is not taken for a person.
     */
    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡余杜叶"
            + "程苏魏吕丁沈姚卢姜崔钟谭陆汪范廖贾韦邹孟熊秦邱江尹薛闫段雷侯史陶黎贺顾龚邵覃戴莫汤牛樊葛邢乔庞颜倪聂鲁岳"
            + "翟殷詹耿焦俞柳舒阮柯凌裴霍涂盛翁冉骆蓝靳柴鲍喻祁蒲滕屈饶穆卓缪褚娄窦岑卜晏柏瞿佟臧闵邬卞栾隋佘麻邝孔钱郝";
    static final String COMPOUND_SURNAMES = "欧阳 司马 诸葛 上官 东方 慕容 令狐 皇甫 尉迟 公孙";
    private static final Pattern SEPARATORS = Pattern.compile("[、，,/／;；\\s]+");
    private static final Pattern BRACKET_PARTS = Pattern.compile("[，,；;]");
    private static final Pattern SPACED_NAME =
            Pattern.compile("(?<=^|[、，,/／;；])\\s*(\\p{IsHan})\\s+(\\p{IsHan})\\s*(?=$|[、，,/／;；])");
    private static final Pattern BY_OWNER = Pattern.compile("[，,]?\\s*由([^，,。；;由]{2,30})(?:负责|牵头|组织实施|组织)$");
    /** 时间：10月—11月, 完成时间：２月下旬 inside an annotation. */
    private static final List<String> TIME_LABELS = List.of("完成时间", "时间", "日期");
    private static final Pattern ANNOTATION_GAPS = Pattern.compile("\\s{2,}|[；;]");

    /** A content with the owner and time taken off its end. */
    record Annotated(String content, String owner, String timeText, TimeExpression.@Nullable Reading time) {
    }

    private Owners() {
    }

    /** Whether a whole cell is one or more owners: 王丽、李明; 教科室; 全体; 各教研组长. */
    static boolean looksLikeOwner(String cell) {
        List<String> parts = split(cell);
        if (parts.isEmpty()) {
            return false;
        }
        for (String part : parts) {
            if (!isOwnerPart(part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOwnerPart(String part) {
        if (part.length() < 2 || part.length() > 12 || NOT_OWNERS.contains(part) || !isAllHan(part)) {
            return false;
        }
        if (part.startsWith("全体")) {
            return true;
        }
        for (String ending : UNIT_ENDINGS) {
            if (part.endsWith(ending) && part.length() > ending.length() || part.equals(ending) && ending.length() > 1) {
                return true;
            }
        }
        return isPersonalName(part);
    }

    /** 王丽, 陈静, 欧阳明: a surname and one or two characters. */
    static boolean isPersonalName(String part) {
        if (part.length() >= 3 && part.length() <= 4 && COMPOUND_SURNAMES.contains(part.substring(0, 2))) {
            return true;
        }
        return part.length() >= 2 && part.length() <= 3 && SURNAMES.indexOf(part.charAt(0)) >= 0;
    }

    private static boolean isAllHan(String s) {
        return s.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    static List<String> split(String cell) {
        List<String> parts = new ArrayList<>();
        String joined = SPACED_NAME.matcher(cell.strip()).replaceAll("$1$2"); // 王　敏 (a space to line up a table) is 王敏
        for (String p : SEPARATORS.split(joined)) {
            if (!p.isBlank()) {
                parts.add(p.strip());
            }
        }
        return parts;
    }

    /** Several owners written with 、 ， / or spaces become one "、"-joined text. */
    static String normalise(String cell) {
        return String.join("、", split(cell));
    }

    /**
     * Takes annotations off the end of a content: （负责人：陈静）, （主讲：周敏）, （9月，教科室）, (责任人：王丽), 负责人：王丽, and
     * — when {@code bareNamesAllowed} — （王丽）. A bracket that is not all owner or time, like （语文） or （全学期）, stays.
     */
    static Annotated takeFromEnd(String content, boolean bareNamesAllowed) {
        String rest = Text.trimTrailingPunctuation(content);
        List<String> owners = new ArrayList<>();
        String timeText = "";
        TimeExpression.Reading time = null;
        for (int round = 0; round < 2; round++) {
            Bracket bracket = Bracket.atEnd(rest);
            if (bracket != null) {
                // [教导处] and 【王丽】 after a content hold nothing but an owner: square brackets are no part of a title
                Annotation a = annotation(bracket.inner(), bareNamesAllowed || bracket.square());
                if (a == null) {
                    break;
                }
                owners.addAll(0, a.owners);
                if (a.time != null && time == null) {
                    time = a.time;
                    timeText = a.timeText;
                }
                rest = Text.trimTrailingPunctuation(rest.substring(0, bracket.start()));
                continue;
            }
            var by = BY_OWNER.matcher(rest);
            if (by.find() && by.start() > 0 && namesOnly(by.group(1))) {
                owners.addAll(0, split(by.group(1))); // …开题论证工作，由徐建平负责
                rest = Text.trimTrailingPunctuation(rest.substring(0, by.start()));
                break;
            }
            Dashed dashed = Dashed.atEnd(rest);
            if (dashed != null) {
                owners.addAll(0, split(dashed.owner()));
                rest = Text.trimTrailingPunctuation(rest.substring(0, dashed.start()));
                break;
            }
            LabelAt label = lastLabel(rest);
            if (label != null && label.start() > 0) {
                String value = rest.substring(label.valueStart()).strip();
                if (!value.isEmpty() && value.length() <= 30 && value.indexOf('。') < 0) {
                    owners.addAll(0, split(value));
                    rest = Text.trimTrailingPunctuation(rest.substring(0, label.start()));
                }
            }
            break;
        }
        return new Annotated(rest, String.join("、", owners), timeText, time);
    }

    private record Annotation(List<String> owners, String timeText, TimeExpression.@Nullable Reading time) {
    }

    /** The inside of a trailing bracket, when every comma-separated part is a labelled owner, a time or (if allowed) a name. */
    private static @Nullable Annotation annotation(String inner, boolean bareNamesAllowed) {
        List<String> owners = new ArrayList<>();
        String timeText = "";
        TimeExpression.Reading time = null;
        for (String part : BRACKET_PARTS.split(inner)) {
            String p = part.strip();
            String labelled = labelledValue(p);
            if (labelled != null) {
                owners.addAll(split(labelled));
                continue;
            }
            String timeValue = labelled(p, TIME_LABELS);
            TimeExpression.Reading reading = TimeExpression.readPure(timeValue != null ? timeValue : p, TimeExpression.Unit.NONE);
            boolean labelledTime = timeValue != null && reading.pure(); // 时间：全学期 is a time too
            if (reading.pure() && (reading.hasMonthsOrWeeks() || reading.repeat() != null || labelledTime) && time == null) {
                time = reading;
                timeText = timeValue != null ? timeValue : p;
            } else if (bareNamesAllowed && looksLikeOwner(p)) {
                owners.addAll(split(p));
            } else {
                return null;
            }
        }
        return owners.isEmpty() && time == null ? null : new Annotation(owners, timeText, time);
    }

    /**
     * A line of nothing but labelled annotations under an item, "完成时间：２月下旬    责任人：教务处", as the bracket that
     * would end the item: "（完成时间：２月下旬；责任人：教务处）"; null when the line is anything else.
     */
    static @Nullable String annotationLine(String line) {
        String t = Text.stripDecoration(line);
        List<String> parts = new ArrayList<>();
        for (String part : ANNOTATION_GAPS.split(t)) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        boolean time = false;
        for (String part : parts) {
            String owner = labelledValue(part);
            String when = labelled(part, TIME_LABELS);
            if (when != null) {
                time = true;
            } else if (owner == null || owner.length() > 20 || owner.contains("。") || owner.contains("，")) {
                return null; // the label says it is an owner: 责任人：高秀兰 needs no check of the name
            }
        }
        return time && !parts.isEmpty() ? "（" + String.join("；", parts) + "）" : null;
    }

    /** 由高秀兰、杨志刚负责: what stands between 由 and 负责 is owners when every part is a short Han word or an owner. */
    private static boolean namesOnly(String text) {
        List<String> parts = split(text);
        return !parts.isEmpty() && parts.stream().allMatch(p -> isOwnerPart(p) || p.length() >= 2 && p.length() <= 4 && isAllHan(p));
    }

    /** A line that holds nothing but a labelled owner, a bullet before it allowed: "• 负责：教导处" → 教导处. */
    static @Nullable String labelledLine(String line) {
        String value = labelledValue(Text.stripDecoration(line));
        return value != null && value.length() <= 30 && looksLikeOwner(value) ? value : null;
    }

    /** 负责人：陈静 → 陈静; null when the text does not start with an owner label. */
    private static @Nullable String labelledValue(String text) {
        return labelled(text, LABELS);
    }

    private static @Nullable String labelled(String text, List<String> labels) {
        for (String label : labels) {
            if (text.startsWith(label)) {
                String after = text.substring(label.length()).stripLeading();
                if (after.startsWith("：") || after.startsWith(":")) {
                    String value = after.substring(1).strip();
                    return value.isEmpty() ? null : value;
                }
            }
        }
        return null;
    }

    private record LabelAt(int start, int valueStart) {
    }

    /** Where "负责人：" (or another label with its colon) last stands in the text, or null. */
    private static @Nullable LabelAt lastLabel(String text) {
        LabelAt best = null;
        for (String label : LABELS) {
            for (String colon : List.of("：", ":")) {
                int at = text.lastIndexOf(label + colon);
                if (at >= 0 && (best == null || at > best.start())) {
                    best = new LabelAt(at, at + label.length() + 1);
                }
            }
        }
        return best;
    }

    /** "——陈晓燕", "—教导处" or " / 教导处" at the end of a content: the owner after a dash or a spaced slash. */
    record Dashed(int start, String owner) {

        private static final Pattern AT_END = Pattern.compile("(?:——|—|－－|--|──|\\s[/／]|[/／]\\s)\\s*([^—－\\-─/／]{2,30})$");

        static @Nullable Dashed atEnd(String text) {
            var m = AT_END.matcher(text);
            if (!m.find() || m.start() == 0) {
                return null;
            }
            String owner = m.group(1).strip();
            return looksLikeOwner(owner) ? new Dashed(m.start(), owner) : null;
        }
    }

    /** A bracketed part at the end of a text: its start, what is inside, and whether the brackets were [ ] or 【 】. */
    record Bracket(int start, String inner, boolean square) {

        static @Nullable Bracket atEnd(String text) {
            if (text.isEmpty()) {
                return null;
            }
            char last = text.charAt(text.length() - 1);
            char open = switch (last) {
                case '）', ')' -> '(';
                case ']', '】', '〕', '］' -> '[';
                default -> 0;
            };
            if (open == 0) {
                return null;
            }
            boolean square = open == '[';
            int depth = 0;
            for (int i = text.length() - 1; i >= 0; i--) {
                char c = text.charAt(i);
                boolean closing = square ? "]】〕］".indexOf(c) >= 0 : c == '）' || c == ')';
                boolean opening = square ? "[【〔［".indexOf(c) >= 0 : c == '（' || c == '(';
                if (closing) {
                    depth++;
                } else if (opening && --depth == 0) {
                    return new Bracket(i, text.substring(i + 1, text.length() - 1).strip(), square);
                }
            }
            return null;
        }
    }
}
