package org.jiaoyan.audit.web;

import java.time.LocalDate;
import java.util.List;
import org.jiaoyan.audit.AuditFilter;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.shared.PageQuery;
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

    /** Entity types the modules write (each has an audit.type.* label); "request" is a refused change. */
    private static final List<String> ENTITY_TYPES =
            List.of("person", "org_unit", "app_user", "school_term", "dict_item", "api_token", "request");

    private final AuditLog audit;

    AdminLogController(AuditLog audit) {
        this.audit = audit;
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
        model.addAttribute("page", audit.search(filter, PageQuery.of(page, 50, null, null)));
        model.addAttribute("f", filter);
        model.addAttribute("types", ENTITY_TYPES);
        return hx != null ? "audit/audit-list :: results" : "audit/audit-list";
    }
}
