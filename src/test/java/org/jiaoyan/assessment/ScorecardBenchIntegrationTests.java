package org.jiaoyan.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The scorecard bench on the demo county: both ways add up to the same county total; no endpoint outside a bench run. */
@JiaoyanIntegrationTest
class ScorecardBenchIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ScorecardBench bench;

    @Test
    void theScorecardsAndTheRawAggregatesAddUpToTheSameTotal() {
        ScorecardBench.Result r = bench.measure(1, LocalDate.now());
        assertThat(r.teachers()).isGreaterThan(100);
        assertThat(r.scorecardsTotal()).isPositive().isEqualTo(r.rawTotal());
        assertThat(r.ratio()).isPositive();
    }

    @Test
    void outsideTheBenchTheEndpointIsNotThere() throws Exception {
        mvc.perform(get("/bench/scorecards").with(TestUsers.as(users, "admin"))).andExpect(status().isNotFound());
    }
}
