package org.jiaoyan.rules.web;

import java.time.LocalDate;
import org.jiaoyan.rules.ComplianceBench;
import org.jiaoyan.shared.NotFoundException;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For bench/run only: eight rules' matrices over the generated county against the raw SQL aggregates
 * ({@link ComplianceBench}). Answers 404 unless jiaoyan.bench.enabled=true (read when asked); needs a signed-in user.
 */
@RestController
class ComplianceBenchController {

    private final ComplianceBench bench;
    private final Environment env;

    ComplianceBenchController(ComplianceBench bench, Environment env) {
        this.bench = bench;
        this.env = env;
    }

    @GetMapping(value = "/bench/compliance", produces = MediaType.APPLICATION_JSON_VALUE)
    ComplianceBench.Result run(@RequestParam(defaultValue = "10") int runs) {
        if (!env.getProperty("jiaoyan.bench.enabled", Boolean.class, false)) {
            throw new NotFoundException();
        }
        return bench.measure(Math.max(1, Math.min(runs, 50)), LocalDate.now());
    }
}
