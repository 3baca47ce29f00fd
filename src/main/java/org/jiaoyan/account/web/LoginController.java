package org.jiaoyan.account.web;

import jakarta.servlet.http.HttpSession;
import org.jiaoyan.account.LoginProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page; keeps the username typed before a failed attempt and says once why it failed. Every failure
 * comes to /login?error, so the address never tells whether a username exists.
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) @Nullable String error, HttpSession session, Model model) {
        Object last = session.getAttribute(LoginProblem.LAST_USERNAME);
        model.addAttribute("lastUsername", last == null ? "" : last);
        Object problem = session.getAttribute(LoginProblem.SESSION_KEY);
        session.removeAttribute(LoginProblem.SESSION_KEY);
        if (error != null) {
            model.addAttribute("problem", problem instanceof LoginProblem p ? p : new LoginProblem("login.error", 0));
        }
        return "account/login";
    }
}
