package org.jiaoyan.notify.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jiaoyan.web.Typed;
import org.jiaoyan.excel.WorkbookWriter;
import org.jiaoyan.notify.Channel;
import org.jiaoyan.notify.Delivery;
import org.jiaoyan.notify.DeliveryState;
import org.jiaoyan.notify.SchoolChannels;
import org.jiaoyan.notify.SendLog;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.web.Fmt;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 发送记录: deliveries by state and channel, each with its attempts; export as .xlsx. */
@Controller
@RequestMapping("/notify/log")
class SendLogController {

    private final SendLog log;
    private final SchoolChannels channels;
    private final MessageSource messages;
    private final Fmt fmt;

    SendLogController(SendLog log, SchoolChannels channels, MessageSource messages, Fmt fmt) {
        this.log = log;
        this.channels = channels;
        this.messages = messages;
        this.fmt = fmt;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String state, @RequestParam(defaultValue = "") String channel,
                @RequestParam(required = false) @Nullable Long school, @RequestParam(required = false) @Nullable Integer page,
                Model model, @RequestHeader(value = "HX-Request", required = false) @Nullable String hx) {
        SendLog.Filter filter = filter(state, channel, school);
        model.addAttribute("nav", "notify-log");
        model.addAttribute("page", log.search(filter, PageQuery.of(page, 30, null, null)));
        model.addAttribute("f", filter);
        model.addAttribute("states", DeliveryState.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("schools", channels.schools());
        return hx != null ? "notify/send-log :: results" : "notify/send-log";
    }

    /** The log as filtered, every page (at most 10,000 rows). */
    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "") String state, @RequestParam(defaultValue = "") String channel,
                                  @RequestParam(required = false) @Nullable Long school, Locale locale) throws IOException {
        SendLog.Filter filter = filter(state, channel, school);
        List<Delivery> rows = PageQuery.allPages(p -> log.search(filter, p));
        String title = messages.getMessage("notify.log.title", null, locale);
        WorkbookWriter sheet = WorkbookWriter.sheet(title).header(Arrays.stream(new String[] {"at", "school", "recipient",
                "channel", "kind", "title", "state", "attempts", "sentAt", "lastError", "tries"})
                .map(k -> messages.getMessage("notify.log.col." + k, null, locale)).toList());
        for (Delivery d : rows) {
            sheet.row(Arrays.asList(d.createdAt(), d.schoolName(), recipient(d, locale),
                    messages.getMessage(d.channel().messageKey(), null, locale), d.kind(), d.title(),
                    messages.getMessage(d.state().messageKey(), null, locale), d.attempts(), d.sentAt(), d.lastError(),
                    d.tries().stream().map(t -> t.attempt() + ". " + fmt.dateTime(t.at()) + " "
                            + messages.getMessage(t.messageKey(), null, locale) + (t.error() == null ? "" : "：" + t.error()))
                            .collect(Collectors.joining("\n"))));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheet.writeTo(out);
        String name = title + "-" + LocalDate.now() + ".xlsx";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(out.toByteArray());
    }

    private String recipient(Delivery d, Locale locale) {
        if (d.personName() == null) {
            return messages.getMessage("notify.log.group", new Object[] {d.schoolName()}, locale);
        }
        return d.recipient() == null ? d.personName() : d.personName() + " <" + d.recipient() + ">";
    }

    /** Unknown filter values mean "any" (an old bookmark, a hand-edited URL). */
    private static SendLog.Filter filter(String state, String channel, @Nullable Long school) {
        return new SendLog.Filter(Typed.enumOf(DeliveryState.class, state), Typed.enumOf(Channel.class, channel), school);
    }

}
