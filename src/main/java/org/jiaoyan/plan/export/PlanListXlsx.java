package org.jiaoyan.plan.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jiaoyan.excel.WorkbookWriter;
import org.jiaoyan.plan.PlanRow;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The plan list as the user filtered it, as .xlsx: title, office, term, status, revision, items, done, overdue. */
@Component
public class PlanListXlsx {

    private static final List<String> COLUMNS = List.of("plan.title", "plan.unit", "plan.term", "plan.status",
            "planexport.list.revision", "plan.items", "plan.itemStatus.DONE", "plan.itemStatus.OVERDUE", "plan.updated");

    private final MessageSource messages;

    PlanListXlsx(MessageSource messages) {
        this.messages = messages;
    }

    public ExportFile write(List<PlanRow> rows, Map<Long, String> termLabels, Locale locale) {
        Labels l = new Labels(messages, locale);
        WorkbookWriter sheet = WorkbookWriter.sheet(l.text("plan.list.title"))
                .header(COLUMNS.stream().map(l::text).toList());
        for (PlanRow r : rows) {
            sheet.row(Arrays.asList(r.title(), r.institutionName() + " · " + r.unitName(), termLabels.get(r.termId()),
                    l.text(r.status().messageKey()), r.revision(), r.items(), r.done(), r.overdue(), r.updatedAt()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            sheet.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportFile(ExportFile.safeName(l.text("plan.list.title"), ".xlsx"), ExportFile.XLSX, out.toByteArray());
    }
}
