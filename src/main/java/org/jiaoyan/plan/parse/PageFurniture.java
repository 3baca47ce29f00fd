package org.jiaoyan.plan.parse;

import java.util.List;
import java.util.regex.Pattern;

/** Lines that belong to the page, not to the plan: page numbers, empty-page notes, web-page buttons, links, dot rows. */
final class PageFurniture {

    // 第 1 页 共 3 页, 第2页, 共3页 第1页, 第1页/共3页: page footers of Word and PDF exports.
    private static final Pattern PAGE_OF = Pattern.compile(
            "(?:第\\s*\\d+\\s*页\\s*[,，/]?\\s*(?:共\\s*\\d+\\s*页)?|共\\s*\\d+\\s*页\\s*[,，/]?\\s*第\\s*\\d+\\s*页)");
    // - 2 -, —3—, －4－: the page number style of Chinese official documents (GB/T 9704).
    private static final Pattern DASHED_NUMBER = Pattern.compile("[-—－–─]+\\s*\\d{1,3}\\s*[-—－–─]+");
    // 2, 2/5, Page 2: a lone page number.
    private static final Pattern LONE_NUMBER = Pattern.compile("(?:page\\s*)?\\d{1,3}(?:\\s*/\\s*\\d{1,3})?", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)\\S*", Pattern.CASE_INSENSITIVE);
    // ……, ......, ------, ******, ______: separators and elided text of web copies.
    private static final Pattern BUTTON_GAPS = Pattern.compile("[\\s|｜]+");
    private static final int LONGEST_FURNITURE = 40;
    private static final Pattern DOTS_AND_RULES = Pattern.compile("[.…·。\\-—_=*＊~～\\s]+");
    // Buttons and notes of the web page a plan was copied from, and Word's note on an intentionally empty page.
    private static final List<String> WORDS = List.of("（此页无正文）", "(此页无正文)", "此页无正文", "打印", "打印本页",
            "打印本文", "返回顶部", "返回", "关闭", "关闭窗口", "收藏", "分享到", "分享", "上一篇", "下一篇", "目录");

    // 2026年8月, 2026年8月30日, 二〇二六年八月, 2026.8.30, 2026-08-30: the date under the signature of a plan.
    private static final Pattern SIGNATURE_DATE = Pattern.compile(
            "(?:\\d{4}|[〇○零一二三四五六七八九]{4})\\s*年\\s*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月"
                    + "(?:\\s*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*[日号])?|\\d{4}([.\\-/])\\d{1,2}(?:\\1\\d{1,2})?");
    // 育英小学教科室, 东平县教育局教研室, 数学教研组: who signs a plan.
    private static final Pattern SIGNER = Pattern.compile(
            "\\S{2,30}?(?:学校|小学|中学|幼儿园|中心|学院|医院|教育局|教研室|教科室|教导处|教务处|政教处|德育处|办公室|科|处|室|组|部)");

    // The end matter of a WeChat article or a web page: credits (文字：…, 审核：…), END, 点击“阅读原文”, 长按识别二维码.
    private static final Pattern ARTICLE_END = Pattern.compile(
            "(?:(?:文字|文|图|图片|摄影|编辑|审核|审校|校对|责编|责任编辑|来源|排版|初审|复审|终审|供稿|撰稿)\\s*[：:|丨｜].{0,20}"
                    + "|[-—－–\\s]*(?i:end|the end)[-—－–\\s]*|.{0,6}(?:阅读原文|识别二维码|关注我们|推荐阅读|往期回顾|点个在看|分享给更多).{0,20}"
                    + "|(?:上一篇|下一篇|上一条|下一条|相关链接|责任编辑)\\s*[：:].{0,60})");

    /** What a running page header is replaced with (a private-use character no document holds), see {@link #runningHeaders}. */
    static final String RUNNING_HEADER = "\uE000";

    private PageFurniture() {
    }

    /** 第 1 页 共 3 页, — 2 —, a lone 2: the number of a page. */
    static boolean isPageNumber(String line) {
        String s = ChineseNumerals.toDigits(line.strip()).replace('　', ' ');
        return PAGE_OF.matcher(s).matches() || DASHED_NUMBER.matcher(s).matches() || isLoneNumber(s);
    }

    /**
     * The header a PDF repeats at the top of each page (西塘实验小学教科室工作计划), found as the line after a page number:
     * repeated, or once when it reads like a plan's title. Such lines are page furniture, not headings or contents.
     */
    static java.util.Set<String> runningHeaders(List<PlanLine> lines) {
        java.util.Map<String, Integer> after = new java.util.HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank() && isPageNumber(lines.get(i).text())) {
                int next = i + 1;
                while (next < lines.size() && lines.get(next).isBlank()) {
                    next++;
                }
                if (next < lines.size() && !Numbering.isNumbered(lines.get(next).text())) {
                    after.merge(lines.get(next).text(), 1, Integer::sum);
                }
            }
        }
        java.util.Set<String> headers = new java.util.HashSet<>();
        after.forEach((text, n) -> {
            if (text.length() <= 40 && (n >= 2 || PlanTextParser.looksLikeTitle(text))) {
                headers.add(text);
            }
        });
        return headers;
    }

    /**
     * Where the signature at the end of a plan starts: the date it was made (2026年8月) on the last line, with the office
     * that signs on the line above it or before the date on the same line. {@code lines.size()} when there is none. A
     * signature is no schedule item, and the office above the date is no owner of the last item.
     */
    static int signatureStart(List<PlanLine> lines) {
        int end = lines.size();
        int last = previousText(lines, end);
        while (last >= 0 && isFurniture(lines.get(last).text())) {
            end = last; // 第 3 页 共 3 页 under the signature
            last = previousText(lines, end);
        }
        if (last < 0) {
            return lines.size();
        }
        String text = ChineseNumerals.toDigits(lines.get(last).text()).replace('　', ' ').strip();
        var date = SIGNATURE_DATE.matcher(text);
        if (!date.find() || date.end() != text.length()) {
            return lines.size();
        }
        String before = text.substring(0, date.start()).strip();
        if (!before.isEmpty()) {
            return SIGNER.matcher(before).matches() ? last : lines.size();
        }
        int signer = previousText(lines, last);
        if (signer >= 0 && SIGNER.matcher(lines.get(signer).text().replace(" ", "")).matches()
                && !Numbering.isNumbered(lines.get(signer).text())) {
            return signer;
        }
        return last;
    }

    /**
     * The lines of a signature inside the file, where one plan ends and another follows (two plans copied into one
     * file): the signer and the date before a rule, a blank run and the next title. Their indexes.
     */
    static java.util.Set<Integer> innerSignatures(List<PlanLine> lines) {
        java.util.Set<Integer> found = new java.util.HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String text = ChineseNumerals.toDigits(lines.get(i).text()).replace('　', ' ').strip();
            if (text.isEmpty() || !SIGNATURE_DATE.matcher(text).matches()) {
                continue;
            }
            int next = i + 1;
            while (next < lines.size() && (lines.get(next).isBlank() || DOTS_AND_RULES.matcher(lines.get(next).text()).matches())) {
                next++;
            }
            if (next < lines.size() && !PlanTextParser.looksLikeTitle(lines.get(next).text())) {
                continue;
            }
            int signer = previousText(lines, i);
            found.add(i);
            if (signer >= 0 && SIGNER.matcher(lines.get(signer).text().replace(" ", "")).matches()
                    && !Numbering.isNumbered(lines.get(signer).text())) {
                found.add(signer);
            }
        }
        return found;
    }

    private static int previousText(List<PlanLine> lines, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    static boolean isFurniture(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.equals(RUNNING_HEADER)) {
            return true;
        }
        if (isTableRule(s)) {
            return true;
        }
        if (s.length() > LONGEST_FURNITURE) {
            return URL.matcher(s).matches() || DOTS_AND_RULES.matcher(s).matches();
        }
        String fullWidthDigitsAsAscii = ChineseNumerals.toDigits(s).replace('　', ' ');
        if (PAGE_OF.matcher(fullWidthDigitsAsAscii).matches() || DASHED_NUMBER.matcher(fullWidthDigitsAsAscii).matches()
                || isLoneNumber(fullWidthDigitsAsAscii) || URL.matcher(s).matches() || DOTS_AND_RULES.matcher(s).matches()) {
            return true;
        }
        return isWebButtons(s) || ARTICLE_END.matcher(s).matches();
    }

    /** |---|:---:| — the rule under the header of a table drawn with bars. */
    static boolean isTableRule(String line) {
        return TABLE_RULE.matcher(line.strip()).matches();
    }

    private static final Pattern TABLE_RULE = Pattern.compile("[|｜]?(?:\\s*:?[-—─]{2,}:?\\s*[|｜])+\\s*(?::?[-—─]{2,}:?)?\\s*");

    static boolean isLoneNumber(String line) {
        return LONE_NUMBER.matcher(line.strip()).matches();
    }

    /** "打印  返回顶部" on one line counts too. */
    private static boolean isWebButtons(String s) {
        for (String part : BUTTON_GAPS.split(s)) {
            part = part.replaceAll("^[【\\[〔]|[】\\]〕]$", ""); // 【打印本页】 【关闭窗口】
            if (!part.isEmpty() && !WORDS.contains(part)) {
                return false;
            }
        }
        return true;
    }
}
