package org.jiaoyan.rules.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jiaoyan.excel.WorkbookWriter;
import org.jiaoyan.rules.ComplianceMatrix;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The matrix as .xlsx: a row per subject, per period "✓ 2" (symbol and count), then the met share per period. */
@Component
class ComplianceExport {

    private final MessageSource messages;

    ComplianceExport(MessageSource messages) {
        this.messages = messages;
    }

    void write(ComplianceMatrix m, String sentence, Locale locale, HttpServletResponse response) throws IOException {
        try (WorkbookWriter w = WorkbookWriter.sheet(m.rule().name())) {
            w.title(m.rule().name() + "：" + sentence);
            List<String> header = new ArrayList<>(List.of(msg("compliance.school", locale), msg("compliance.subject", locale)));
            m.periods().forEach(p -> header.add(p.shortLabel()));
            w.header(header);
            for (ComplianceMatrix.Row r : m.rows()) {
                List<Object> row = new ArrayList<>(List.of(r.institutionName(), r.subject().name()));
                for (ComplianceMatrix.Cell c : r.cells()) {
                    row.add(c == null ? "" : c.state().symbol() + " " + c.count() + " " + msg("compliance.state." + c.state().name(), locale));
                }
                w.row(row);
            }
            List<Object> totals = new ArrayList<>(List.of("", msg("compliance.metTotal", locale)));
            for (int i = 0; i < m.periods().size(); i++) {
                totals.add(m.met(i) + " / " + m.judged(i));
            }
            w.row(totals);
            String file = m.rule().name() + "-达标情况.xlsx";
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                    + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"));
            w.writeTo(response.getOutputStream());
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
