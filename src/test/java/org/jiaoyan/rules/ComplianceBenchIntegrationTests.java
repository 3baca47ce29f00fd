package org.jiaoyan.rules;

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

/**
 * The bench's eight rules over the demo county: every rule has subjects, a rule over all teachers counts what the raw
 * aggregate counts, and the endpoint is not there outside a bench run.
 */
@JiaoyanIntegrationTest
class ComplianceBenchIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ComplianceBench bench;

    @Test
    void outsideTheBenchTheEndpointIsNotThere() throws Exception {
        mvc.perform(get("/bench/compliance").with(TestUsers.as(users, "admin"))).andExpect(status().isNotFound());
    }

    @Test
    void eightRulesEachWithSubjectsAndTheAllTeachersRulesCountWhatTheRawAggregateCounts() {
        ComplianceBench.Result r = bench.measure(1, LocalDate.now());
        assertThat(r.rules()).hasSize(8).allSatisfy(t -> assertThat(t.subjects()).as(t.rule()).isPositive());
        assertThat(r.periods()).isEqualTo(10);
        assertThat(r.ratio()).isPositive();
        // all teachers of the county (the demo's office, schools and hospital staff): every observation is counted
        assertThat(r.rules().get(0).matrixTotal()).isPositive().isEqualTo(r.rules().get(0).rawTotal());
    }
}
