package org.jiaoyan.assessment.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jiaoyan.assessment.Schemes;
import org.jiaoyan.assessment.Shortlists;
import org.jiaoyan.mentoring.MentorPairs;
import org.jiaoyan.web.Flash;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 年度评优: the computed shortlists of a school year with their basis, and the office's confirmation per list. */
@Controller
@RequestMapping("/scorecards/shortlists")
class ShortlistController {

    /** Candidates shown at least per list. */
    private static final int SHOWN = 10;

    private final Shortlists shortlists;
    private final Schemes schemes;

    ShortlistController(Shortlists shortlists, Schemes schemes) {
        this.shortlists = shortlists;
        this.schemes = schemes;
    }

    @ModelAttribute("nav")
    String nav() {
        return "scorecards";
    }

    @GetMapping
    String show(@RequestParam(required = false) @Nullable Integer year, Model model) {
        int y = year == null ? MentorPairs.currentSchoolYear(LocalDate.now()) : year;
        Map<Shortlists.Kind, List<Shortlists.Candidate>> lists = shortlists.candidates(y);
        model.addAttribute("year", y);
        // the proposed places and the next ones (a long staff list would bury the choice on a phone)
        Map<Shortlists.Kind, List<Shortlists.Candidate>> shown = new java.util.EnumMap<>(Shortlists.Kind.class);
        Map<Shortlists.Kind, Integer> hidden = new java.util.EnumMap<>(Shortlists.Kind.class);
        lists.forEach((kind, all) -> {
            long proposed = all.stream().filter(Shortlists.Candidate::proposed).count();
            int limit = (int) Math.max(SHOWN, proposed * 2 + 5);
            shown.put(kind, all.stream().limit(limit).toList());
            hidden.put(kind, Math.max(0, all.size() - limit));
        });
        model.addAttribute("lists", shown);
        model.addAttribute("hidden", hidden);
        Map<Shortlists.Kind, java.util.Set<Long>> confirmedIds = new java.util.EnumMap<>(Shortlists.Kind.class);
        for (Shortlists.Kind k : Shortlists.Kind.values()) {
            confirmedIds.put(k, new java.util.HashSet<>());
        }
        shortlists.confirmed(y).forEach(c -> confirmedIds.get(c.kind()).add(c.subjectId()));
        model.addAttribute("confirmedIds", confirmedIds);
        model.addAttribute("canManage", schemes.canManage());
        return "assessment/shortlists";
    }

    @PostMapping("/{kind}")
    String confirm(@PathVariable Shortlists.Kind kind, @RequestParam int year,
                   @RequestParam(name = "subjectId", required = false) @Nullable List<Long> subjectIds, RedirectAttributes redirect) {
        Flash.outcome(redirect, "assessment.shortlist.confirmed",
                () -> shortlists.confirm(year, kind, subjectIds == null ? List.of() : subjectIds));
        return "redirect:/scorecards/shortlists?year=" + year + "#" + kind.name();
    }
}
