package org.jiaoyan.research.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jiaoyan.excel.WorkbookWriter;
import org.jiaoyan.research.MaterialBoard;
import org.jiaoyan.research.MaterialCalendar.MonthState;
import org.springframework.context.MessageSource;

/** The material board as .xlsx: a row per project (school, project, lead, level, stage), a column per month, totals. */
final class MaterialBoardXlsx {

    private static final List<MonthState> COUNTED = List.of(MonthState.ON_TIME, MonthState.LATE, MonthState.MISSING);

    private MaterialBoardXlsx() {
    }

    static byte[] write(MaterialBoard.Board b, String title, MessageSource messages, Locale locale) {
        List<String> header = new ArrayList<>(List.of(msg(messages, locale, "researchwork.board.school"),
                msg(messages, locale, "researchwork.board.project"), msg(messages, locale, "researchwork.board.lead"),
                msg(messages, locale, "researchwork.board.level"), msg(messages, locale, "researchwork.board.stage")));
        b.columns().forEach(c -> header.add(c.month().getYear() + "-" + String.format("%02d", c.month().getMonthValue())));
        COUNTED.forEach(s -> header.add(msg(messages, locale, s.messageKey())));
        WorkbookWriter sheet = WorkbookWriter.sheet(title).header(header);
        for (MaterialBoard.Row r : b.rows()) {
            List<Object> row = new ArrayList<>(List.of(r.institutionName(), r.title(), r.leadName(),
                    msg(messages, locale, r.level().messageKey()), msg(messages, locale, r.stage().messageKey())));
            for (MaterialBoard.Cell c : r.cells()) {
                String state = c.state() == MonthState.NONE ? "" : msg(messages, locale, c.state().messageKey());
                row.add(c.firstFiled() == null ? state : state + " " + c.firstFiled());
            }
            COUNTED.forEach(s -> row.add(r.count(s)));
            sheet.row(row);
        }
        for (MonthState s : COUNTED) {
            List<Object> row = new ArrayList<>(List.of("", msg(messages, locale, "researchwork.board.total") + "："
                    + msg(messages, locale, s.messageKey()), "", "", ""));
            b.columns().forEach(c -> row.add(c.count(s)));
            row.add(b.total(s));
            sheet.row(row);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            sheet.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String msg(MessageSource messages, Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
