package org.jiaoyan.observation.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.jiaoyan.excel.WorkbookWriter;
import org.jiaoyan.observation.LessonType;
import org.jiaoyan.observation.ObservationRow;
import org.jiaoyan.observation.Observations;
import org.jiaoyan.shared.ChineseDates;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Downloads of observations: the list as .xlsx, and a teacher's 听课记录 for a term as .docx for the paper file (A4,
 * title in 宋体 二号, one table per lesson in 仿宋, Chinese dates).
 */
@Component
class ObservationExports {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String TITLE_FONT = "宋体";
    private static final String BODY_FONT = "仿宋";

    private final MessageSource messages;

    ObservationExports(MessageSource messages) {
        this.messages = messages;
    }

    record File(String name, String contentType, byte[] bytes) {
    }

    static ResponseEntity<byte[]> download(File file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(file.name(), StandardCharsets.UTF_8).replace("+", "%20"))
                .body(file.bytes());
    }

    File listXlsx(String title, List<ObservationRow> rows, Map<String, String> subjects, Locale locale) {
        try (WorkbookWriter w = WorkbookWriter.sheet(title)) {
            w.header(List.of(m("observation.observedOn", locale), m("observation.observer", locale),
                    m("observation.teacher", locale), m("observation.institution", locale), m("observation.className", locale),
                    m("observation.subject", locale), m("observation.topic", locale), m("observation.lessonType", locale),
                    m("observation.form", locale), m("observation.total", locale), m("observation.strengths", locale),
                    m("observation.suggestions", locale), m("observation.acknowledgedAt", locale)));
            for (ObservationRow r : rows) {
                w.row(java.util.Arrays.asList(r.observedOn(), r.observerName(), r.teacherName(), r.institutionName(),
                        r.className(), r.subjectCode() == null ? null : subjects.getOrDefault(r.subjectCode(), r.subjectCode()), r.topic(), m(r.lessonType().messageKey(), locale), r.formName(),
                        r.total(), r.strengths(), r.suggestions(), r.acknowledgedAt()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            w.writeTo(out);
            return new File(safe(title) + ".xlsx", XLSX, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    File logDocx(Observations.Colleague teacher, String termLabel, List<ObservationRow> rows,
                 Map<Long, List<Observations.ScoreLine>> sheets, Map<String, String> subjects, Map<LessonType, String> types) {
        try (XWPFDocument doc = new XWPFDocument()) {
            a4(doc);
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, "听课记录", TITLE_FONT, 22, true);
            XWPFParagraph sub = doc.createParagraph();
            sub.setAlignment(ParagraphAlignment.CENTER);
            run(sub, teacher.institutionName() + "　" + teacher.name() + "　" + termLabel + "　共" + rows.size() + "节",
                    BODY_FONT, 14, false);
            int n = 0;
            for (ObservationRow r : rows) {
                XWPFParagraph heading = doc.createParagraph();
                heading.setSpacingBefore(240);
                run(heading, "第" + (++n) + "节　" + ChineseDates.date(r.observedOn()), "黑体", 14, false);
                XWPFTable table = doc.createTable(0, 4);
                table.setWidth("100%");
                table.setWidthType(org.apache.poi.xwpf.usermodel.TableWidthType.PCT);
                row(table, "执教教师", r.teacherName(), "班　　级", text(r.className()));
                row(table, "学　　科", subjects.getOrDefault(r.subjectCode() == null ? "" : r.subjectCode(), text(r.subjectCode())),
                        "课　　型", types.get(r.lessonType()));
                row(table, "课　　题", r.topic(), "听 课 人", r.observerName());
                row(table, "听课时间", ChineseDates.date(r.observedOn()), "评 价 表", text(r.formName()));
                scoreSheet(doc, sheets.getOrDefault(r.id(), List.of()), r);
                XWPFTable notes = doc.createTable(0, 4);
                notes.setWidth("100%");
                notes.setWidthType(org.apache.poi.xwpf.usermodel.TableWidthType.PCT);
                wide(notes, "优　　点", text(r.strengths()));
                wide(notes, "建　　议", text(r.suggestions()));
                wide(notes, "总　　分", total(r.total()));
                dropEmptyFirstRow(table);
                dropEmptyFirstRow(notes);
            }
            if (rows.isEmpty()) {
                run(doc.createParagraph(), "本学期暂无听课记录。", BODY_FONT, 14, false);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return new File(safe(teacher.name() + termLabel + "听课记录") + ".docx", DOCX, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The lesson's criteria like a 听课记录本 page: 评价项目 | 评价内容 | 分值 | 得分, text fields written across, and the
     * total at the foot.
     */
    private static void scoreSheet(XWPFDocument doc, List<Observations.ScoreLine> lines, ObservationRow r) {
        if (lines.isEmpty()) {
            return;
        }
        XWPFTable table = doc.createTable(0, 4);
        table.setWidth("100%");
        table.setWidthType(org.apache.poi.xwpf.usermodel.TableWidthType.PCT);
        scoreRow(table, "评价项目", "评价内容", "分值", "得分", true);
        for (Observations.ScoreLine l : lines) {
            if (l.textField()) {
                wide(table, l.name(), text(l.text()));
            } else {
                scoreRow(table, l.group(), l.name(), total(l.points()), total(l.score()), false);
            }
        }
        scoreRow(table, "合　　计", "", total(lines.stream().filter(l -> !l.textField() && l.points() != null)
                .map(Observations.ScoreLine::points).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)),
                total(r.total()), true);
        dropEmptyFirstRow(table);
    }

    /** createTable leaves an empty one-cell row at the top; a printed page should not show it. */
    private static void dropEmptyFirstRow(XWPFTable table) {
        if (table.getRows().size() > 1 && table.getRow(0).getTableCells().size() == 1
                && table.getRow(0).getCell(0).getText().isEmpty()) {
            table.removeRow(0);
        }
    }

    private static void scoreRow(XWPFTable table, String group, String name, String points, String score, boolean label) {
        var row = table.createRow();
        while (row.getTableCells().size() < 4) {
            row.addNewTableCell();
        }
        cell(row.getCell(0), group, true, 18);
        cell(row.getCell(1), name, label, 58);
        cell(row.getCell(2), points, true, 12);
        cell(row.getCell(3), score, true, 12);
    }

    private static String total(java.math.@org.jspecify.annotations.Nullable BigDecimal n) {
        return n == null ? "" : n.stripTrailingZeros().toPlainString();
    }

    private static void row(XWPFTable table, String l1, String v1, String l2, String v2) {
        var row = table.createRow();
        while (row.getTableCells().size() < 4) {
            row.addNewTableCell();
        }
        cell(row.getCell(0), l1, true, 15);
        cell(row.getCell(1), v1, false, 35);
        cell(row.getCell(2), l2, true, 15);
        cell(row.getCell(3), v2, false, 35);
    }

    /** A label and a text spanning the other three columns. */
    private static void wide(XWPFTable table, String label, String value) {
        var row = table.createRow();
        while (row.getTableCells().size() < 4) {
            row.addNewTableCell();
        }
        cell(row.getCell(0), label, true, 15);
        cell(row.getCell(1), value, false, 85);
        row.getCell(1).getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(3));
        row.getCtRow().removeTc(3);
        row.getCtRow().removeTc(2);
        row.removeCell(3);
        row.removeCell(2);
    }

    private static void cell(XWPFTableCell cell, String text, boolean label, int percent) {
        var width = cell.getCTTc().addNewTcPr().addNewTcW();
        width.setType(STTblWidth.PCT);
        width.setW(BigInteger.valueOf(percent * 50L));
        XWPFParagraph p = cell.getParagraphs().get(0);
        if (label) {
            p.setAlignment(ParagraphAlignment.CENTER);
        }
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun r = run(p, lines[i], label ? "黑体" : BODY_FONT, 12, false);
            if (i < lines.length - 1) {
                r.addBreak();
            }
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(size);
        r.setBold(bold);
        return r;
    }

    private static void a4(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margin = sect.addNewPgMar();
        margin.setTop(BigInteger.valueOf(1440));
        margin.setBottom(BigInteger.valueOf(1440));
        margin.setLeft(BigInteger.valueOf(1588));
        margin.setRight(BigInteger.valueOf(1474));
    }

    private static String text(@org.jspecify.annotations.Nullable String s) {
        return s == null ? "" : s;
    }

    private static String safe(String name) {
        String s = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return s.length() > 120 ? s.substring(0, 120) : s.isEmpty() ? "export" : s;
    }

    private String m(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
