package org.jiaoyan.notify.web;

import java.util.List;
import java.util.Locale;
import org.jiaoyan.notify.Channel;
import org.jiaoyan.notify.ChannelSettings;
import org.jiaoyan.notify.NotifyPreferences;
import org.jiaoyan.notify.SchoolChannels;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;

/** 通知渠道: a school's mail server and group robots, with a test message per channel (admin, the school's 教科室主任). */
@Controller
@RequestMapping("/notify/channels")
class ChannelSettingsController {

    private final SchoolChannels channels;
    private final NotifyPreferences preferences;

    ChannelSettingsController(SchoolChannels channels, NotifyPreferences preferences) {
        this.channels = channels;
        this.preferences = preferences;
    }

    @ModelAttribute
    void common(Model model, HttpServletResponse response) {
        model.addAttribute("nav", "notify-channels");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** One school: straight to its settings; several (administrators): an overview. */
    @GetMapping
    String overview(Model model) {
        List<ChannelSettings> schools = channels.overview();
        if (schools.size() == 1) {
            return "redirect:/notify/channels/" + schools.get(0).institutionId();
        }
        model.addAttribute("schools", schools);
        return "notify/channel-overview";
    }

    @GetMapping("/{school}")
    String edit(@PathVariable long school, Model model) {
        ChannelSettings settings = channels.get(school);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ChannelSettingsForm.of(settings));
        }
        return page(settings, model);
    }

    @PostMapping("/{school}")
    String save(@PathVariable long school, @ModelAttribute("form") ChannelSettingsForm form, BindingResult result,
                Model model, RedirectAttributes redirect) {
        ChannelSettings settings = channels.get(school);
        if (!result.hasErrors()) {
            try {
                channels.update(school, form.toUpdate());
                Flash.success(redirect, "notify.channels.saved");
                return "redirect:/notify/channels/" + school;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } catch (StaleEditException e) {
                Forms.reject(e, result);
            }
        }
        form.forgetSecrets();
        model.addAttribute("secretsForgotten", true);
        return page(settings, model);
    }

    @PostMapping("/{school}/test/{channel}")
    String test(@PathVariable long school, @PathVariable String channel, @RequestParam(required = false) @Nullable String to,
                RedirectAttributes redirect) {
        Channel c = switch (channel.toLowerCase(Locale.ROOT)) {
            case "email" -> Channel.EMAIL;
            case "dingtalk" -> Channel.DINGTALK;
            case "wecom" -> Channel.WECOM;
            default -> throw new NotFoundException();
        };
        try {
            channels.sendTest(school, c, to);
            Flash.success(redirect, "notify.test.sent." + c.name());
        } catch (ValidationException e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/notify/channels/" + school;
    }

    private String page(ChannelSettings settings, Model model) {
        model.addAttribute("settings", settings);
        model.addAttribute("testTo", preferences.mine().email());
        model.addAttribute("several", channels.schools().size() > 1);
        return "notify/channel-settings";
    }
}
