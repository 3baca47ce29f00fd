package org.jiaoyan.assessment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jiaoyan.assessment.ScoreBoard;
import org.jiaoyan.assessment.Scorecard;
import org.jiaoyan.excel.WorkbookWriter;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.shared.ChineseDates;
import org.jiaoyan.word.OfficialDocument;
import org.jiaoyan.word.OfficialDocument.Block;
import org.jiaoyan.word.OfficialDocument.Merge;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Term results as files: the board as .xlsx (sheet 1 a row per teacher or group, sheet 2 "明细" a row per evidence
 * line) and one scorecard as .docx (考核得分表: categories and items with points, total and rank, the date).
 */
@Component
class ScoreExport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /** 类别, 项目, 得分, 类别得分 (twips, together the type area). */
    private static final int[] CARD_WIDTHS = {2100, 4272, 1100, 1300};

    private final MessageSource messages;

    ScoreExport(MessageSource messages) {
        this.messages = messages;
    }

    void xlsx(SchoolTerm term, ScoreBoard board, List<Scorecard> cards, Locale locale, HttpServletResponse response)
            throws IOException {
        String title = msg(locale, "score.export.title", termLabel(term, locale), msg(locale, "score.level." + board.level().name()));
        try (WorkbookWriter w = WorkbookWriter.sheet(msg(locale, "score.export.sheet"))) {
            w.title(title);
            List<String> header = new ArrayList<>(List.of(msg(locale, "score.rank"), msg(locale, "score.subject." + board.level().name())));
            board.scheme().categories().forEach(c -> header.add(c.name()));
            header.add(msg(locale, "score.total"));
            header.add(msg(locale, "score.note"));
            w.header(header);
            for (ScoreBoard.Entry e : board.entries()) {
                List<Object> row = new ArrayList<>();
                row.add(e.rank());
                row.add(e.name());
                for (double p : e.categoryPoints()) {
                    row.add(p);
                }
                row.add(e.total() == null ? msg(locale, "score.exempt") : e.total());
                row.add(e.note());
                w.row(row);
            }
            w.nextSheet(msg(locale, "score.export.details"));
            w.header(List.of(msg(locale, "score.subject." + board.level().name()), msg(locale, "score.category"),
                    msg(locale, "score.item"), msg(locale, "score.day"), msg(locale, "score.line"), msg(locale, "score.points"),
                    msg(locale, "score.link")));
            for (Scorecard card : cards) {
                for (Scorecard.CategoryCard c : card.categories()) {
                    for (Scorecard.ItemCard i : c.items()) {
                        for (Scorecard.Line l : i.lines()) {
                            w.row(java.util.Arrays.asList(card.name(), c.category().name(), i.item().name(), l.on(), l.text(),
                                    l.points(), l.link()));
                        }
                    }
                }
            }
            download(response, XLSX, title + ".xlsx");
            w.writeTo(response.getOutputStream());
        }
    }

    void docx(SchoolTerm term, Scorecard card, Locale locale, HttpServletResponse response) throws IOException {
        byte[] bytes = docx(term, card, locale, LocalDate.now());
        download(response, DOCX, msg(locale, "score.docx.title." + card.level().name(), termLabel(term, locale)) + "-" + card.name() + ".docx");
        response.getOutputStream().write(bytes);
    }

    byte[] docx(SchoolTerm term, Scorecard card, Locale locale, LocalDate today) {
        OfficialDocument doc = new OfficialDocument();
        doc.title(msg(locale, "score.docx.title." + card.level().name(), termLabel(term, locale)));
        doc.subtitle(msg(locale, "score.docx.name." + card.level().name(), card.name()));
        doc.blankLine();
        XWPFTable t = doc.table(CARD_WIDTHS);
        XWPFTableRow head = OfficialDocument.row(t, true);
        String[] headers = {msg(locale, "score.category"), msg(locale, "score.item"), msg(locale, "score.points"),
                msg(locale, "score.categoryPoints")};
        for (int i = 0; i < headers.length; i++) {
            OfficialDocument.cellText(OfficialDocument.cell(head, CARD_WIDTHS[i], 1, Merge.NONE), Block.CELL_HEADER, headers[i]);
        }
        for (Scorecard.CategoryCard c : card.categories()) {
            boolean first = true;
            for (Scorecard.ItemCard i : c.items()) {
                XWPFTableRow row = OfficialDocument.row(t, false);
                Merge merge = c.items().size() == 1 ? Merge.NONE : first ? Merge.RESTART : Merge.CONTINUE;
                var cat = OfficialDocument.cell(row, CARD_WIDTHS[0], 1, merge);
                if (first) {
                    OfficialDocument.cellText(cat, Block.CELL, c.category().name());
                }
                OfficialDocument.cellText(OfficialDocument.cell(row, CARD_WIDTHS[1], 1, Merge.NONE), Block.CELL, i.item().name());
                OfficialDocument.cellText(OfficialDocument.cell(row, CARD_WIDTHS[2], 1, Merge.NONE), Block.CELL_CENTRED,
                        ScorePages.points(i.points()));
                var sum = OfficialDocument.cell(row, CARD_WIDTHS[3], 1, merge);
                if (first) {
                    OfficialDocument.cellText(sum, Block.CELL_CENTRED, ScorePages.points(c.points()));
                }
                first = false;
            }
        }
        XWPFTableRow total = OfficialDocument.row(t, false);
        OfficialDocument.cellText(OfficialDocument.cell(total, CARD_WIDTHS[0], 1, Merge.NONE), Block.CELL_HEADER, msg(locale, "score.total"));
        String sum = card.entry().total() == null ? msg(locale, "score.exempt") : ScorePages.points(card.entry().total());
        String rank = card.entry().rank() == null ? "" : msg(locale, "score.rank.n", card.entry().rank());
        OfficialDocument.cellText(OfficialDocument.cell(total, CARD_WIDTHS[1] + CARD_WIDTHS[2] + CARD_WIDTHS[3], 3, Merge.NONE),
                Block.CELL, rank.isEmpty() ? sum : msg(locale, "score.docx.totalRank", sum, rank));
        doc.blankLine();
        if (card.entry().note() != null) {
            doc.paragraph(Block.BODY, card.entry().note());
        }
        doc.paragraph(Block.BODY, msg(locale, "score.docx.date", "en".equals(locale.getLanguage()) ? today.toString() : ChineseDates.date(today)));
        return doc.bytes();
    }

    private static void download(HttpServletResponse response, String type, String file) {
        response.setContentType(type);
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(file.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_"), StandardCharsets.UTF_8).replace("+", "%20"));
    }

    static String termLabel(SchoolTerm term, Locale locale) {
        return "en".equals(locale.getLanguage()) ? term.labelEn() : term.label();
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
