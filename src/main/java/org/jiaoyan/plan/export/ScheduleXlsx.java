package org.jiaoyan.plan.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jiaoyan.excel.WorkbookWriter;
import org.jiaoyan.plan.Plan;
import org.jiaoyan.plan.PlanItem;
import org.jiaoyan.plan.Schedule;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.plan.Plans;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The 行事历 as an Excel sheet, one row per item in schedule order, dates as real date cells. */
@Component
public class ScheduleXlsx {

    private static final List<String> COLUMNS = List.of("number", "time", "category", "content", "owner", "participants",
            "recordKind", "status", "start", "end", "note");

    private final Plans plans;
    private final PlanItems items;
    private final MessageSource messages;

    ScheduleXlsx(Plans plans, PlanItems items, MessageSource messages) {
        this.plans = plans;
        this.items = items;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public ExportFile write(long planId, Locale locale) {
        return write(planId, locale, LocalDate.now());
    }

    @Transactional(readOnly = true)
    public ExportFile write(long planId, Locale locale, LocalDate today) {
        Plan plan = plans.get(planId);
        List<PlanItem> rows = Schedule.ordered(items.items(planId));
        Labels l = new Labels(messages, locale);
        WorkbookWriter sheet = WorkbookWriter.sheet(l.text("planexport.xlsx.sheet"))
                .header(COLUMNS.stream().map(c -> l.text("planexport.xlsx.col." + c)).toList());
        int n = 0;
        for (PlanItem it : rows) {
            sheet.row(Arrays.asList(++n, l.time(it), it.category(), it.content(), it.ownerLabel(), it.participantText(),
                    l.recordKind(it.recordKind()), l.status(it.status(today)), it.periodStart(), it.periodEnd(), it.note()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            sheet.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportFile(ExportFile.safeName(l.text("planexport.schedule.fileName", plan.title()), ".xlsx"),
                ExportFile.XLSX, out.toByteArray());
    }
}
