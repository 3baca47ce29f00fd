package org.jiaoyan.account.web;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; keeps the username typed before a failed attempt. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        Object last = session.getAttribute("lastUsername");
        model.addAttribute("lastUsername", last == null ? "" : last);
        return "account/login";
    }
}
