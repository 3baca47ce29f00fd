package org.jiaoyan.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The bare endpoint benchmarks divide by: no session, no database, no template (permitted without login). */
@RestController
class BenchController {

    @GetMapping(value = "/bench/ping", produces = MediaType.TEXT_PLAIN_VALUE)
    String ping() {
        return "ok";
    }
}
