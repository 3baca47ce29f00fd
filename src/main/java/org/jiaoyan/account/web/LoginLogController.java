package org.jiaoyan.account.web;

import java.time.LocalDate;
import org.jiaoyan.account.LoginLog;
import org.jiaoyan.account.LoginOutcome;
import org.jiaoyan.shared.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** 登录日志 (administrators): every sign-in attempt with outcome and address. */
@Controller
class LoginLogController {

    private final LoginLog logins;

    LoginLogController(LoginLog logins) {
        this.logins = logins;
    }

    @GetMapping("/admin/logins")
    String list(@RequestParam(required = false) @Nullable String username,
                @RequestParam(required = false) @Nullable LoginOutcome outcome,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                @RequestParam(required = false) @Nullable Integer page, Model model,
                @RequestHeader(value = "HX-Request", required = false) @Nullable String hx) {
        model.addAttribute("nav", "logins");
        model.addAttribute("page", logins.search(username, outcome, from, to, PageQuery.of(page, 50, null, null)));
        model.addAttribute("username", username);
        model.addAttribute("outcome", outcome);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("outcomes", LoginOutcome.values());
        return hx != null ? "account/login-log :: results" : "account/login-log";
    }
}
