package org.jiaoyan.notify.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jiaoyan.notify.Notice;
import org.jiaoyan.notify.Notices;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.web.Flash;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/** 通知: the signed-in user's inbox, opening a notice (marks it read, follows its local link) and the top-bar badge. */
@Controller
class NoticeController {

    private final Notices notices;

    NoticeController(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/notices")
    String list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) @Nullable Integer page,
                Model model, @RequestHeader(value = "HX-Request", required = false) @Nullable String hx) {
        model.addAttribute("nav", "notices");
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("page", notices.inbox(unread, PageQuery.of(page, 20, null, null)));
        model.addAttribute("unreadCount", notices.unreadCount());
        return hx != null ? "notify/notice-list :: results" : "notify/notice-list";
    }

    /** Marks the notice read and goes to its link when that stays on this site, else back to the inbox. */
    @GetMapping("/notices/{id}")
    RedirectView open(@PathVariable long id) {
        Notice notice = notices.open(id);
        String target = notice.localLink();
        RedirectView redirect = new RedirectView(target != null ? target : "/notices", true);
        redirect.setExpandUriTemplateVariables(false); // a link is sent as stored, "{…}" included
        redirect.setExposeModelAttributes(false);
        return redirect;
    }

    @PostMapping("/notices/read-all")
    String markAllRead(@RequestParam(defaultValue = "false") boolean unread, RedirectAttributes attrs) {
        notices.markAllRead();
        Flash.success(attrs, "notice.allRead");
        return unread ? "redirect:/notices?unread=true" : "redirect:/notices";
    }

    /** The bell with the unread count, loaded into the top bar by htmx every minute. */
    @GetMapping("/notices/badge")
    String badge(Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("count", notices.unreadCount());
        return "notify/notice-badge :: badge";
    }
}
