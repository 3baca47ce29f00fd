package org.jiaoyan.quality.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jiaoyan.quality.BinRow;
import org.jiaoyan.quality.Drills;
import org.jiaoyan.quality.QcChecks;
import org.jiaoyan.quality.Trainings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** 质控与演练: the entry (the checks list) and one recycle bin for the three kinds of record. */
@Controller
@RequestMapping("/quality")
class QualityController {

    private final QcChecks checks;
    private final Trainings trainings;
    private final Drills drills;

    QualityController(QcChecks checks, Trainings trainings, Drills drills) {
        this.checks = checks;
        this.trainings = trainings;
        this.drills = drills;
    }

    @GetMapping
    String home() {
        return "redirect:/quality/checks";
    }

    @GetMapping("/recycle-bin")
    String recycleBin(Model model) {
        List<BinRow> rows = new ArrayList<>(checks.deleted());
        rows.addAll(trainings.deleted());
        rows.addAll(drills.deleted());
        rows.sort(Comparator.comparing(BinRow::deletedAt).reversed());
        model.addAttribute("nav", "quality");
        model.addAttribute("rows", rows);
        return "quality/recycle-bin";
    }
}
