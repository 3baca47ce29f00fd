package org.jiaoyan.activity.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jiaoyan.activity.ActivityRow;
import org.jiaoyan.excel.WorkbookWriter;
import org.springframework.context.MessageSource;

/** The activity list as filtered, as .xlsx: topic, type, organiser, school, time, place, participants, signed in. */
final class ActivityListXlsx {

    private static final List<String> COLUMNS = List.of("activity.title", "activity.type", "activity.organiser", "plan.school",
            "activity.time", "activity.place", "activity.participants", "activity.signedIn");

    private ActivityListXlsx() {
    }

    static byte[] write(List<ActivityRow> rows, MessageSource messages, Locale locale) {
        WorkbookWriter sheet = WorkbookWriter.sheet(messages.getMessage("activity.list.title", null, locale))
                .header(COLUMNS.stream().map(c -> messages.getMessage(c, null, locale)).toList());
        for (ActivityRow r : rows) {
            sheet.row(Arrays.asList(r.title(), r.typeName(), r.organiserName(), r.institutionName(), r.startsAt(), r.place(),
                    r.participants(), r.signedIn()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            sheet.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
