package org.jiaoyan.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class QuietHoursTests {

    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
    private static final QuietHours NOON = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));

    @Test
    void nightHoursSpanMidnight() {
        assertThat(NIGHT.contains(LocalTime.of(22, 0))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(23, 59))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(0, 0))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(6, 59))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(7, 0))).isFalse();
        assertThat(NIGHT.contains(LocalTime.of(21, 59))).isFalse();
    }

    @Test
    void anEveningMessageWaitsUntilTheNextMorningAndAnEarlyOneUntilThisMorning() {
        assertThat(NIGHT.nextAllowed(LocalDateTime.of(2026, 9, 1, 23, 0))).isEqualTo(LocalDateTime.of(2026, 9, 2, 7, 0));
        assertThat(NIGHT.nextAllowed(LocalDateTime.of(2026, 9, 2, 5, 30))).isEqualTo(LocalDateTime.of(2026, 9, 2, 7, 0));
        assertThat(NIGHT.nextAllowed(LocalDateTime.of(2026, 9, 2, 9, 0))).isEqualTo(LocalDateTime.of(2026, 9, 2, 9, 0));
    }

    @Test
    void daytimeHoursEndTheSameDay() {
        assertThat(NOON.contains(LocalTime.of(12, 0))).isTrue();
        assertThat(NOON.contains(LocalTime.of(14, 0))).isFalse();
        assertThat(NOON.contains(LocalTime.of(23, 0))).isFalse();
        assertThat(NOON.nextAllowed(LocalDateTime.of(2026, 9, 1, 13, 15))).isEqualTo(LocalDateTime.of(2026, 9, 1, 14, 0));
    }

    @Test
    void equalStartAndEndAreRefused() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Preference("a@b.cn", true, LocalTime.NOON, LocalTime.NOON).quietHours()).isNull();
    }

    @Test
    void retriesWaitOneFiveAndTwentyFiveMinutesThenLonger() {
        assertThat(OutboxSender.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxSender.backoff(2)).isEqualTo(Duration.ofMinutes(5));
        assertThat(OutboxSender.backoff(3)).isEqualTo(Duration.ofMinutes(25));
        assertThat(OutboxSender.backoff(4)).isEqualTo(Duration.ofMinutes(125));
        assertThat(OutboxSender.backoff(5)).isEqualTo(Duration.ofMinutes(240));
        assertThat(OutboxSender.backoff(9)).isEqualTo(Duration.ofMinutes(240));
    }
}
