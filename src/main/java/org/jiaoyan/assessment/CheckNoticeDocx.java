package org.jiaoyan.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jiaoyan.word.OfficialDocument;
import org.jiaoyan.word.OfficialDocument.Block;
import org.jiaoyan.word.OfficialDocument.Merge;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 月查通报 as a Word document in official style: the 红头 (the issuing organ in red, the 文号, the red rule; optional),
 * the title, the body paragraphs, the ranking table (名次, 教研组/教师, each criterion, 总分) and the organ and date
 * right-aligned at the end. The lines are the ones the reader may read ({@link CheckNotices}).
 */
@Component
public class CheckNoticeDocx {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final int RANK_WIDTH = 900;
    static final int NAME_WIDTH = 2000;
    static final int TOTAL_WIDTH = 1100;

    /** A file to download: its name and bytes. */
    public record File(String fileName, byte[] bytes) {
    }

    private final CheckNotices notices;
    private final MessageSource messages;

    CheckNoticeDocx(CheckNotices notices, MessageSource messages) {
        this.notices = notices;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public File write(long roundId, boolean redHeader, Locale locale) {
        CheckNotice n = notices.notice(roundId);
        return new File(fileName(n.round().title()), write(n, redHeader, locale, LocalDate.now()));
    }

    /** The issuing organ: the school's 教科室 for a groups' round, the group for a teachers' round. */
    public String organ(CheckNotice n, Locale locale) {
        CheckRound r = n.round();
        return r.level() == CheckLevel.GROUPS || r.groupName() == null
                ? messages.getMessage("assessment.notice.organ.GROUPS", new Object[] {n.schoolName()}, locale)
                : messages.getMessage("assessment.notice.organ.TEACHERS", new Object[] {n.schoolName(), r.groupName()}, locale);
    }

    byte[] write(CheckNotice n, boolean redHeader, Locale locale, LocalDate today) {
        CheckRound r = n.round();
        String organ = organ(n, locale);
        OfficialDocument doc = new OfficialDocument();
        if (redHeader) {
            doc.redHeader(organ);
            if (r.docNumber() != null) {
                doc.docNumber(r.docNumber());
            }
            doc.redRule();
            doc.blankLine();
        } else if (r.docNumber() != null) {
            doc.docNumber(r.docNumber());
            doc.blankLine();
        }
        doc.title(r.title());
        doc.blankLine();
        body(doc, r.noticeText());
        if (!n.lines().isEmpty()) {
            doc.blankLine();
            ranking(doc, n, locale);
        }
        doc.signature(organ, n.dateOr(today));
        return doc.bytes();
    }

    /** One paragraph per line of the text; a first line ending in a colon is the addressee (各教研组：), flush left. */
    static void body(OfficialDocument doc, @org.jspecify.annotations.Nullable String text) {
        if (text == null) {
            return;
        }
        boolean first = true;
        for (String line : text.split("\\R")) {
            String t = line.strip().replaceFirst("^\\u3000+", "");
            if (t.isEmpty()) {
                continue;
            }
            XWPFParagraph p = doc.paragraph(Block.BODY);
            if (first && (t.endsWith("：") || t.endsWith(":"))) {
                var ind = p.getCTP().getPPr().getInd();
                ind.setFirstLineChars(java.math.BigInteger.ZERO);
                ind.setFirstLine(java.math.BigInteger.ZERO);
            }
            OfficialDocument.text(p, Block.BODY, t, OfficialDocument.Inline.PLAIN);
            first = false;
        }
    }

    /** The ranking: a header row repeated on every page, then one row per line in ranking order. */
    void ranking(OfficialDocument doc, CheckNotice n, Locale locale) {
        int[] w = widths(n.criteria().size());
        XWPFTable table = doc.table(w);
        XWPFTableRow header = OfficialDocument.row(table, true);
        List<String> titles = new ArrayList<>();
        titles.add(text("assessment.rank", locale));
        titles.add(text(n.round().level() == CheckLevel.GROUPS ? "assessment.subject.group" : "assessment.subject.teacher", locale));
        for (CheckCriterion c : n.criteria()) {
            titles.add(c.name() + "\n" + messages.getMessage("assessment.notice.max", new Object[] {CheckRounds.fmt(c.maxScore())}, locale));
        }
        titles.add(text("assessment.total", locale));
        for (int i = 0; i < titles.size(); i++) {
            OfficialDocument.cellText(OfficialDocument.cell(header, w[i], 1, Merge.NONE), Block.CELL_HEADER, titles.get(i));
        }
        for (CheckSheet.Line l : n.lines()) {
            XWPFTableRow row = OfficialDocument.row(table, false);
            row.setCantSplitRow(true);
            int i = 0;
            OfficialDocument.cellText(OfficialDocument.cell(row, w[i++], 1, Merge.NONE), Block.CELL_CENTRED, String.valueOf(l.rank()));
            OfficialDocument.cellText(OfficialDocument.cell(row, w[i++], 1, Merge.NONE), Block.CELL_CENTRED, l.name());
            for (CheckCriterion c : n.criteria()) {
                CheckSheet.Score s = l.score(c.id());
                String v = s == null || s.score() == null ? "—" : CheckRounds.fmt(s.score());
                OfficialDocument.cellText(OfficialDocument.cell(row, w[i++], 1, Merge.NONE), Block.CELL_CENTRED, v);
            }
            OfficialDocument.cellText(OfficialDocument.cell(row, w[i], 1, Merge.NONE), Block.CELL_CENTRED, CheckRounds.fmt(l.total()));
        }
    }

    /** 名次, name and 总分 fixed; the criteria share the rest of the type area. */
    static int[] widths(int criteria) {
        int[] w = new int[criteria + 3];
        w[0] = RANK_WIDTH;
        w[1] = NAME_WIDTH;
        w[w.length - 1] = TOTAL_WIDTH;
        int rest = OfficialDocument.TEXT_WIDTH - RANK_WIDTH - NAME_WIDTH - TOTAL_WIDTH;
        for (int i = 0; i < criteria; i++) {
            w[2 + i] = rest / criteria;
        }
        if (criteria > 0) {
            w[1 + criteria] += rest - (rest / criteria) * criteria;
        } else {
            w[1] += rest;
        }
        return w;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** A file name from the title: characters Windows refuses become "_". */
    static String fileName(String title) {
        String name = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (name.isEmpty()) {
            name = "notice";
        }
        return (name.length() > 120 ? name.substring(0, 120) : name) + ".docx";
    }
}
