package org.jiaoyan.observation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.metrics.Metrics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The bench's metrics measurement: switched off outside the bench, and both ways count the same observations. */
@JiaoyanIntegrationTest
class ObservationMetricsBenchIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Metrics metrics;
    @Autowired JdbcClient jdbc;
    @Autowired org.jiaoyan.shared.BenchDatabase database;

    @Test
    void outsideTheBenchTheEndpointIsNotThereAndItNeedsASignedInUser() throws Exception {
        mvc.perform(get("/bench/metrics").with(TestUsers.as(users, "admin"))).andExpect(status().isNotFound());
        mvc.perform(get("/bench/metrics")) // anonymous: refused (the login page for a browser)
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(302, 401, 403));
    }

    @Test
    void theMatrixThroughMetricsCountsTheSameObservationsAsThePlainAggregate() {
        var bench = new ObservationMetricsBench(metrics, jdbc, new MockEnvironment().withProperty("jiaoyan.bench.enabled", "true"),
                database);
        ObservationMetricsBench.Result r = bench.run(2);
        assertThat(r.subjects()).isPositive();
        assertThat(r.periods()).isEqualTo(10);
        assertThat(r.from()).isEqualTo(LocalDate.now().withDayOfMonth(1).minusMonths(9));
        assertThat(r.metricsTotal()).isPositive().isEqualTo(r.rawSqlTotal());
        assertThat(r.runs()).isEqualTo(2);
    }
}
