package org.jiaoyan.profile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jiaoyan.dictionary.DictKind;
import org.jiaoyan.dictionary.Dictionaries;
import org.jiaoyan.org.Person;
import org.jiaoyan.web.Downloads;
import org.jiaoyan.word.OfficialDocument;
import org.jiaoyan.word.OfficialDocument.Block;
import org.jiaoyan.word.OfficialDocument.Merge;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The growth profile as a Word portfolio (教师专业成长档案) for a 职称 application: cover title, the teacher's details,
 * the scores received per term, then per school year the counts and each list as a table, and the date it was made.
 */
@Component
public class PortfolioDocx {

    /** Width of the date column of every list (twips). */
    private static final int DATE_WIDTH = 1900;

    private final Dictionaries dictionaries;
    private final MessageSource messages;

    PortfolioDocx(Dictionaries dictionaries, MessageSource messages) {
        this.dictionaries = dictionaries;
        this.messages = messages;
    }

    /** A finished portfolio: its file name (教师专业成长档案_张三.docx) and bytes. */
    public record File(String name, byte[] bytes) {
    }

    public File write(GrowthProfile profile, Locale locale, LocalDate today) {
        Words w = new Words(messages, locale);
        Person p = profile.person();
        OfficialDocument doc = new OfficialDocument();
        doc.title(w.text("growth.portfolio.title"));
        doc.subtitle(p.name() + " · " + p.institutionName());
        doc.subtitle(w.text("growth.portfolio.range", w.schoolYear(profile.range().fromYear()),
                w.schoolYear(profile.range().toYear())));
        doc.blankLine();

        int n = 0;
        doc.paragraph(Block.HEADING, OfficialDocument.chineseNumber(++n) + "、" + w.text("growth.portfolio.details"));
        details(doc, p, profile.groups(), w, today);

        if (!profile.trend().isEmpty()) {
            doc.paragraph(Block.HEADING, OfficialDocument.chineseNumber(++n) + "、" + w.text("growth.trend"));
            table(doc, List.of(w.text("growth.col.term"), w.text("growth.col.lessons"), w.text("growth.col.average"),
                    w.text("growth.col.lowest"), w.text("growth.col.highest")), new int[] {3400, 1215, 1215, 1215, 1215},
                    profile.trend().stream().map(t -> List.of(t.label(), String.valueOf(t.lessons()), t.average(),
                            t.lowest(), t.highest())).toList());
        }

        if (profile.years().isEmpty()) {
            doc.paragraph(Block.BODY, w.text("growth.empty"));
        }
        for (GrowthProfile.SchoolYear year : profile.years()) {
            doc.paragraph(Block.HEADING, OfficialDocument.chineseNumber(++n) + "、" + year.label());
            List<String> counts = new ArrayList<>();
            for (ProfileTable t : year.tables()) {
                counts.add(w.text("growth.count", w.text(t.titleKey()), String.valueOf(t.count())));
            }
            doc.paragraph(Block.BODY, String.join(w.text("growth.countSeparator"), counts) + w.text("growth.countEnd"));
            int m = 0;
            for (ProfileTable t : year.tables()) {
                if (t.count() == 0) {
                    continue;
                }
                doc.paragraph(Block.SUBHEADING, "（" + OfficialDocument.chineseNumber(++m) + "）" + w.text(t.titleKey()));
                List<String> header = new ArrayList<>();
                header.add(w.text("growth.col.date"));
                t.columnKeys().forEach(k -> header.add(w.text(k)));
                table(doc, header, widths(t.columnKeys().size()),
                        t.rows().stream().map(r -> {
                            List<String> cells = new ArrayList<>();
                            cells.add(w.date(r.date()));
                            cells.addAll(r.cells());
                            return cells;
                        }).toList());
            }
        }

        doc.blankLine();
        XWPFParagraph date = doc.paragraph(Block.BODY);
        date.setAlignment(ParagraphAlignment.RIGHT);
        date.setIndentationFirstLine(0);
        OfficialDocument.text(date, Block.BODY, w.text("growth.portfolio.madeOn", w.date(today)), OfficialDocument.Inline.PLAIN);
        String fileName = Downloads.safeName(w.text("growth.portfolio.fileName", p.name()), ".docx");
        return new File(fileName, doc.bytes());
    }

    /** 姓名 性别 / 学校 职称 / 任教学科 教研组 / 参加工作 教龄: label and value twice a row. */
    private void details(OfficialDocument doc, Person p, List<String> groups, Words w, LocalDate today) {
        Integer service = p.yearsOfService(today);
        String[][] rows = {
                {w.text("growth.name"), p.name(), w.text("growth.gender"),
                        p.gender() == null ? "" : w.text("gender." + p.gender())},
                {w.text("growth.school"), p.institutionName(), w.text("growth.rank"),
                        dictionaries.label(DictKind.TITLE, p.titleCode())},
                {w.text("growth.subjects"), dictionaries.labels(DictKind.SUBJECT, p.subjects()), w.text("growth.groups"),
                        String.join("、", groups)},
                {w.text("growth.workStart"), p.workStartDate() == null ? "" : w.date(p.workStartDate(), p.workStartMonthOnly()),
                        w.text("growth.service"), service == null ? "" : w.text("growth.serviceYears", String.valueOf(service))}};
        int[] widths = {1500, 2726, 1500, 2726};
        XWPFTable t = doc.table(widths);
        for (String[] r : rows) {
            XWPFTableRow row = OfficialDocument.row(t, false);
            for (int i = 0; i < r.length; i++) {
                OfficialDocument.cellText(OfficialDocument.cell(row, widths[i], 1, Merge.NONE),
                        i % 2 == 0 ? Block.CELL_HEADER : Block.CELL, r[i]);
            }
        }
    }

    private static void table(OfficialDocument doc, List<String> header, int[] widths, List<List<String>> rows) {
        XWPFTable t = doc.table(widths);
        XWPFTableRow head = OfficialDocument.row(t, true);
        for (int i = 0; i < header.size(); i++) {
            OfficialDocument.cellText(OfficialDocument.cell(head, widths[i], 1, Merge.NONE), Block.CELL_HEADER, header.get(i));
        }
        for (List<String> r : rows) {
            XWPFTableRow row = OfficialDocument.row(t, false);
            row.setCantSplitRow(true);
            for (int i = 0; i < widths.length; i++) {
                OfficialDocument.cellText(OfficialDocument.cell(row, widths[i], 1, Merge.NONE),
                        i == 0 ? Block.CELL_CENTRED : Block.CELL, i < r.size() ? r.get(i) : "");
            }
        }
    }

    /** The date column, then the rest of the type area shared by the other columns. */
    private static int[] widths(int columns) {
        int[] w = new int[columns + 1];
        w[0] = DATE_WIDTH;
        int rest = OfficialDocument.TEXT_WIDTH - DATE_WIDTH;
        for (int i = 1; i <= columns; i++) {
            w[i] = rest / columns;
        }
        w[columns] += rest - (rest / columns) * columns;
        return w;
    }
}
