package org.jiaoyan.plan.export;

import org.jiaoyan.word.OfficialDocument;
import org.jiaoyan.word.HtmlDocx;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.plan.Plan;
import org.jiaoyan.plan.PlanItem;
import org.jiaoyan.plan.Schedule;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.plan.PlanSection;
import org.jiaoyan.plan.Plans;
import org.jiaoyan.word.OfficialDocument.Block;
import org.jiaoyan.word.OfficialDocument.Merge;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 学期工作计划 as a Word document in official style: title, office and term, the sections (一、指导思想 …) and then the
 * 行事历 as a table grouped by month, its header repeated on every page. Read rights come from {@link Plans#get}.
 */
@Component
public class PlanDocx {

    /** Column widths of the 行事历 (twips), together the type area: 月份/时间, 项目, 工作内容, 负责人, 完成情况. */
    static final int[] SCHEDULE_WIDTHS = {1300, 1450, 3395, 1450, 1250};
    /** A section title that already carries its number (一、, （一）, 1．, 第一部分). */
    private static final Pattern NUMBERED_TITLE = Pattern.compile(
            "^[\\s\\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|[0-9０-９]+[、.．]|第[一二三四五六七八九十0-9]+)");

    private final Plans plans;
    private final PlanItems items;
    private final Terms terms;
    private final MessageSource messages;

    PlanDocx(Plans plans, PlanItems items, Terms terms, MessageSource messages) {
        this.plans = plans;
        this.items = items;
        this.terms = terms;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public ExportFile write(long planId, Locale locale) {
        return write(planId, locale, LocalDate.now());
    }

    @Transactional(readOnly = true)
    public ExportFile write(long planId, Locale locale, LocalDate today) {
        Plan plan = plans.get(planId);
        List<PlanSection> sections = plans.sections(planId);
        List<PlanItem> schedule = items.items(planId);
        SchoolTerm term = terms.get(plan.termId());
        Labels labels = new Labels(messages, locale);

        OfficialDocument doc = new OfficialDocument();
        doc.title(plan.title());
        doc.subtitle(labels.officeLine(plan, term));
        doc.blankLine();
        HtmlDocx html = new HtmlDocx(doc);
        int n = 0;
        for (PlanSection s : sections) {
            n++;
            doc.paragraph(Block.HEADING, numbered(s.title(), n));
            html.write(s.bodyHtml());
        }
        if (!schedule.isEmpty()) {
            var heading = doc.paragraph(Block.TABLE_TITLE);
            heading.setPageBreak(!sections.isEmpty());
            OfficialDocument.text(heading, Block.TABLE_TITLE, labels.text("planexport.schedule.heading"),
                    OfficialDocument.Inline.PLAIN);
            schedule(doc, schedule, labels, today);
        }
        return new ExportFile(ExportFile.safeName(plan.title(), ".docx"), ExportFile.DOCX, doc.bytes());
    }

    /** The section title with its Chinese number (一、) unless it has one already. */
    static String numbered(String title, int n) {
        return hasNumber(title) ? title.strip() : OfficialDocument.chineseNumber(n) + "、" + title.strip();
    }

    static boolean hasNumber(String title) {
        return NUMBERED_TITLE.matcher(title).find();
    }

    /**
     * The 行事历: a header row that repeats on every page, then per month its items, the month cell merged down the
     * month's rows and the 项目 cell merged over consecutive items of the same category.
     */
    static void schedule(OfficialDocument doc, List<PlanItem> items, Labels labels, LocalDate today) {
        int[] w = SCHEDULE_WIDTHS;
        XWPFTable table = doc.table(w);
        XWPFTableRow header = OfficialDocument.row(table, true);
        String[] titles = {labels.text("planexport.schedule.col.month"), labels.text("planexport.schedule.col.category"),
                labels.text("planexport.schedule.col.content"), labels.text("planexport.schedule.col.owner"),
                labels.text("planexport.schedule.col.status")};
        for (int i = 0; i < titles.length; i++) {
            OfficialDocument.cellText(OfficialDocument.cell(header, w[i], 1, Merge.NONE), Block.CELL_HEADER, titles[i]);
        }
        for (Schedule.Group g : Schedule.groups(items)) {
            List<PlanItem> rows = g.items();
            String month = g.routine() ? labels.text("planexport.schedule.routine") : labels.month(g.month().getMonthValue());
            for (int i = 0; i < rows.size(); i++) {
                PlanItem it = rows.get(i);
                XWPFTableRow row = OfficialDocument.row(table, false);
                row.setCantSplitRow(true);
                Merge monthMerge = rows.size() == 1 ? Merge.NONE : i == 0 ? Merge.RESTART : Merge.CONTINUE;
                XWPFTableCell monthCell = OfficialDocument.cell(row, w[0], 1, monthMerge);
                if (i == 0) {
                    OfficialDocument.cellText(monthCell, Block.CELL_CENTRED, month);
                } else {
                    OfficialDocument.cellParagraph(monthCell, Block.CELL_CENTRED);
                }
                String category = it.category() == null ? "" : it.category();
                boolean sameAsAbove = i > 0 && category.equals(nullToEmpty(rows.get(i - 1).category())) && !category.isEmpty();
                boolean sameAsBelow = i + 1 < rows.size() && category.equals(nullToEmpty(rows.get(i + 1).category()))
                        && !category.isEmpty();
                Merge categoryMerge = sameAsAbove ? Merge.CONTINUE : sameAsBelow ? Merge.RESTART : Merge.NONE;
                XWPFTableCell categoryCell = OfficialDocument.cell(row, w[1], 1, categoryMerge);
                if (sameAsAbove) {
                    OfficialDocument.cellParagraph(categoryCell, Block.CELL_CENTRED);
                } else {
                    OfficialDocument.cellText(categoryCell, Block.CELL_CENTRED, category);
                }
                String content = ScheduleRows.ownTime(it)
                        ? labels.text("planexport.schedule.timed", labels.time(it), it.content()) : it.content();
                OfficialDocument.cellText(OfficialDocument.cell(row, w[2], 1, Merge.NONE), Block.CELL, content);
                OfficialDocument.cellText(OfficialDocument.cell(row, w[3], 1, Merge.NONE), Block.CELL_CENTRED, it.ownerLabel());
                OfficialDocument.cellText(OfficialDocument.cell(row, w[4], 1, Merge.NONE), Block.CELL_CENTRED,
                        labels.status(it.status(today)));
            }
        }
    }

    private static String nullToEmpty(@org.jspecify.annotations.Nullable String s) {
        return s == null ? "" : s;
    }
}
