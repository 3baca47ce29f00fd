package org.jiaoyan.profile.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jiaoyan.profile.GrowthProfile;
import org.jiaoyan.profile.PortfolioDocx;
import org.jiaoyan.profile.Profiles;
import org.jiaoyan.profile.YearRange;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Downloads;
import org.jiaoyan.web.Forms;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** 成长档案 pages: my own at /me/profile, a teacher's at /profile/{id}, and the Word portfolio of either. */
@Controller
class GrowthProfileController {

    private final Profiles profiles;
    private final PortfolioDocx portfolio;

    GrowthProfileController(Profiles profiles, PortfolioDocx portfolio) {
        this.profiles = profiles;
        this.portfolio = portfolio;
    }

    @GetMapping("/me/profile")
    String mine(@ModelAttribute("filter") YearFilter filter, BindingResult result, Model model, Locale locale) {
        model.addAttribute("nav", "growth");
        return page(profiles.myPersonId(), filter, result, model, locale);
    }

    @GetMapping("/profile/{personId:\\d+}")
    String teacher(@PathVariable long personId, @ModelAttribute("filter") YearFilter filter, BindingResult result,
                   Model model, Locale locale) {
        model.addAttribute("nav", "people");
        return page(personId, filter, result, model, locale);
    }

    @GetMapping("/me/profile/portfolio.docx")
    ResponseEntity<byte[]> myPortfolio(@ModelAttribute("filter") YearFilter filter, BindingResult result, Locale locale) {
        return docx(profiles.myPersonId(), filter, result, locale);
    }

    @GetMapping("/profile/{personId:\\d+}/portfolio.docx")
    ResponseEntity<byte[]> portfolio(@PathVariable long personId, @ModelAttribute("filter") YearFilter filter,
                                     BindingResult result, Locale locale) {
        return docx(personId, filter, result, locale);
    }

    private String page(long personId, YearFilter filter, BindingResult result, Model model, Locale locale) {
        LocalDate today = LocalDate.now();
        YearRange range = range(filter, result, today);
        GrowthProfile profile = profiles.profile(personId, range, locale);
        Map<Integer, String> options = new LinkedHashMap<>();
        for (int y : profiles.yearOptions(profile.person(), today)) {
            options.put(y, y + "—" + (y + 1));
        }
        model.addAttribute("profile", profile);
        model.addAttribute("yearOptions", options);
        model.addAttribute("mine", profiles.isMine(personId));
        model.addAttribute("from", range.fromYear());
        model.addAttribute("to", range.toYear());
        return "profile/profile";
    }

    private ResponseEntity<byte[]> docx(long personId, YearFilter filter, BindingResult result, Locale locale) {
        LocalDate today = LocalDate.now();
        YearRange range = range(filter, result, today);
        PortfolioDocx.File file = portfolio.write(profiles.profile(personId, range, locale), locale, today);
        return Downloads.attachment(file.name(), Downloads.DOCX, file.bytes());
    }

    /** The range asked for; when it is not one (text, backwards, out of bounds) the errors go to the fields and the
     *  default range is shown (a portfolio then covers the default years). */
    private YearRange range(YearFilter filter, BindingResult result, LocalDate today) {
        if (!result.hasErrors()) {
            try {
                return profiles.range(filter.getFrom(), filter.getTo(), today);
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        return profiles.range(null, null, today);
    }
}
