package org.jiaoyan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.jiaoyan.metrics.DateSpan;
import org.junit.jupiter.api.Test;

class ComplianceStateTests {

    private static final DateSpan OCTOBER = new DateSpan(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));

    private static RuleSpec spec(Comparison c, int t, Integer high) {
        return new RuleSpec("observation.by-observer", SubjectFilter.ALL_TEACHERS, null, PeriodKind.MONTH, null, null,
                c, t, high, 5, null, null);
    }

    @Test
    void aClosedPeriodIsMetOrNotMet() {
        LocalDate after = LocalDate.of(2026, 11, 1);
        assertThat(Compliance.state(spec(Comparison.AT_LEAST, 2, null), 2, OCTOBER, after, false)).isEqualTo(ComplianceState.MET);
        assertThat(Compliance.state(spec(Comparison.AT_LEAST, 2, null), 1, OCTOBER, after, false)).isEqualTo(ComplianceState.NOT_MET);
        assertThat(Compliance.state(spec(Comparison.BETWEEN, 1, 2), 3, OCTOBER, after, false)).isEqualTo(ComplianceState.NOT_MET);
        assertThat(Compliance.state(spec(Comparison.AT_MOST, 1, null), 0, OCTOBER, after, false)).isEqualTo(ComplianceState.MET);
        assertThat(Compliance.state(spec(Comparison.EXACTLY, 1, null), 1, OCTOBER, after, false)).isEqualTo(ComplianceState.MET);
    }

    @Test
    void anOpenPeriodIsNotYetDueUntilItCannotBeMetAnyMore() {
        LocalDate during = LocalDate.of(2026, 10, 31); // the last day is still open
        assertThat(Compliance.state(spec(Comparison.AT_LEAST, 2, null), 1, OCTOBER, during, false)).isEqualTo(ComplianceState.NOT_DUE);
        assertThat(Compliance.state(spec(Comparison.AT_LEAST, 2, null), 2, OCTOBER, during, false)).isEqualTo(ComplianceState.MET);
        assertThat(Compliance.state(spec(Comparison.BETWEEN, 1, 2), 3, OCTOBER, during, false)).isEqualTo(ComplianceState.NOT_MET);
        assertThat(Compliance.state(spec(Comparison.BETWEEN, 1, 2), 1, OCTOBER, during, false)).isEqualTo(ComplianceState.NOT_DUE);
        assertThat(Compliance.state(spec(Comparison.AT_MOST, 1, null), 2, OCTOBER, during, false)).isEqualTo(ComplianceState.NOT_MET);
    }

    @Test
    void anExemptionCoveringHalfThePeriodOrMoreMakesItExemptNeverFailing() {
        List<DateSpan> leave = List.of(new DateSpan(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 16)));
        assertThat(Compliance.exempt(leave, OCTOBER)).isTrue();
        assertThat(Compliance.exempt(List.of(new DateSpan(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 10))), OCTOBER)).isFalse();
        assertThat(Compliance.state(spec(Comparison.AT_LEAST, 2, null), 0, OCTOBER, LocalDate.of(2026, 11, 5), true))
                .isEqualTo(ComplianceState.EXEMPT);
    }

    @Test
    void aSchoolMayTightenACountyRuleButNotLoosenIt() {
        RuleSpec county = spec(Comparison.AT_LEAST, 2, null);
        assertThat(spec(Comparison.AT_LEAST, 3, null).atLeastAsStrictAs(county)).isTrue();
        assertThat(spec(Comparison.AT_LEAST, 1, null).atLeastAsStrictAs(county)).isFalse();
        assertThat(spec(Comparison.AT_MOST, 2, null).atLeastAsStrictAs(county)).isFalse();
    }
}
