package org.jiaoyan.audit.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jiaoyan.audit.AuditEntry;
import org.jiaoyan.audit.AuditFilter;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.audit.AuditWords;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.springframework.context.i18n.LocaleContextHolder;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** 操作日志 (administrators): who changed what, when, with which outcome. */
@Controller
class AdminLogController {

    /** Record kinds the modules write (each has an audit.kind.* name); "request" is a refused change. */
    private static final List<String> ENTITY_TYPES =
            List.of("plan", "plan_item", "plan_section", "plan_summary", "activity", "activity_type", "observation",
                    "observation_form", "mentor_pair", "person", "org_unit", "app_user", "school_term", "dict_item",
                    "api_token", "request");

    /** One line as the page shows it: the entry and its words. */
    record AuditLine(AuditEntry entry, String user, String action, String record, List<String> changes) {
    }

    private final AuditLog audit;
    private final AuditWords words;

    AdminLogController(AuditLog audit, AuditWords words) {
        this.audit = audit;
        this.words = words;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                 @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String type,
                 @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String q,
                 @RequestParam(required = false) @Nullable Integer page, Model model,
                 @RequestHeader(value = "HX-Request", required = false) @Nullable String hx) {
        model.addAttribute("nav", "audit");
        AuditFilter filter = new AuditFilter(from, to, username, type, outcome, q);
        PageResult<AuditEntry> found = audit.search(filter, PageQuery.of(page, 50, null, null));
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("page", found);
        model.addAttribute("lines", found.items().stream().map(e -> new AuditLine(e, words.user(e), words.action(e, locale),
                words.record(e, locale), words.changes(e, locale))).toList());
        model.addAttribute("f", filter);
        model.addAttribute("types", ENTITY_TYPES);
        return hx != null ? "audit/audit-list :: results" : "audit/audit-list";
    }
}
