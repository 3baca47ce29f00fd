package org.jiaoyan.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CollectivePrepDueDatesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Test
    void aFutureActivityGetsDraftTheDayBeforeAdaptThreeDaysAndReflectionTenDaysAfter() {
        var due = CollectivePrep.defaultDueDates(TODAY.plusDays(7), TODAY);
        assertThat(due.draft()).isEqualTo(TODAY.plusDays(6));
        assertThat(due.adapt()).isEqualTo(TODAY.plusDays(10));
        assertThat(due.reflect()).isEqualTo(TODAY.plusDays(17));
    }

    @Test
    void anActivityTodayOrAlreadyHeldNeverProposesADateInThePast() {
        for (int daysAgo = 0; daysAgo <= 30; daysAgo++) {
            var due = CollectivePrep.defaultDueDates(TODAY.minusDays(daysAgo), TODAY);
            assertThat(due.draft()).as(daysAgo + " days ago").isAfterOrEqualTo(TODAY);
            assertThat(due.adapt()).isAfterOrEqualTo(due.draft());
            assertThat(due.reflect()).isAfterOrEqualTo(due.adapt());
        }
        var today = CollectivePrep.defaultDueDates(TODAY, TODAY);
        assertThat(today.draft()).isEqualTo(TODAY);
        assertThat(today.adapt()).isEqualTo(TODAY.plusDays(3));
    }
}
