package org.jiaoyan.research.web;

import java.time.LocalDate;
import org.jiaoyan.research.MaterialBoardBench;
import org.jiaoyan.shared.NotFoundException;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For bench/run only: the county's material board against the plain grouped SQL ({@link MaterialBoardBench}).
 * Answers 404 unless jiaoyan.bench.enabled=true (read when asked); needs a signed-in user.
 */
@RestController
class MaterialBoardBenchController {

    private final MaterialBoardBench bench;
    private final Environment env;

    MaterialBoardBenchController(MaterialBoardBench bench, Environment env) {
        this.bench = bench;
        this.env = env;
    }

    @GetMapping(value = "/bench/materials", produces = MediaType.APPLICATION_JSON_VALUE)
    MaterialBoardBench.Result run(@RequestParam(defaultValue = "10") int runs) {
        if (!env.getProperty("jiaoyan.bench.enabled", Boolean.class, false)) {
            throw new NotFoundException();
        }
        return bench.measure(Math.max(1, Math.min(runs, 50)), LocalDate.now());
    }
}
