package org.jiaoyan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    @Autowired JdbcClient jdbc;

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
        // all teachers of the county's schools: every lesson they observed in the ten months is counted (the raw
        // aggregate is the floor over the whole database, where other tests may have made other counties)
        long observedByTheCountysPeople = jdbc.sql("""
                select count(*) from observation o join person p on p.id = o.observer_id
                  join org_unit u on u.id = p.institution_id
                 where o.deleted_at is null and p.deleted_at is null and u.region_id = :region and u.sector = 'EDUCATION'
                   and o.observed_on between :from and :to""")
                .param("region", r.regionId()).param("from", r.from()).param("to", r.to()).query(Long.class).single();
        assertThat(r.rules().get(0).matrixTotal()).isPositive().isEqualTo(observedByTheCountysPeople);
        assertThat(r.rules().get(0).rawTotal()).isGreaterThanOrEqualTo(observedByTheCountysPeople);
    }
}
