package org.jiaoyan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@JiaoyanIntegrationTest
class JobLocksIntegrationTests {

    @Autowired LockProvider locks;
    @Autowired JdbcClient jdbc;

    private Optional<SimpleLock> take(String name) {
        return locks.lock(new LockConfiguration(Instant.now(), name, Duration.ofMinutes(5), Duration.ZERO));
    }

    @Test
    void aJobNameIsLockedOnceUntilItIsReleased() {
        String name = "test-job-" + UUID.randomUUID().toString().substring(0, 8);
        Optional<SimpleLock> first = take(name);
        assertThat(first).as("first lock").isPresent();
        assertThat(take(name)).as("second lock while the first is held").isEmpty();
        assertThat(jdbc.sql("select count(*) from shedlock where name = ?").param(name).query(Long.class).single())
                .isEqualTo(1);

        first.orElseThrow().unlock();
        Optional<SimpleLock> again = take(name);
        assertThat(again).as("lock after unlock").isPresent();
        again.orElseThrow().unlock();
    }

    @Test
    void differentJobNamesDoNotBlockEachOther() {
        String prefix = "test-job-" + UUID.randomUUID().toString().substring(0, 8);
        Optional<SimpleLock> a = take(prefix + "-a");
        Optional<SimpleLock> b = take(prefix + "-b");
        assertThat(a).isPresent();
        assertThat(b).isPresent();
        a.orElseThrow().unlock();
        b.orElseThrow().unlock();
    }
}
