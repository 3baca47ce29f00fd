package org.jiaoyan.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchoolTermTests {

    // 2026-09-01 is a Tuesday: week 1 runs Mon 31 Aug – Sun 6 Sep
    private final SchoolTerm term = new SchoolTerm(1, 2026, 1, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 22),
            List.of(new SchoolTerm.Holiday("国庆节", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7))), 0);

    @Test
    void labelReadsTheChineseWay() {
        assertThat(term.label()).isEqualTo("2026—2027学年第一学期");
    }

    @Test
    void weekOneIsTheWeekContainingTheStartDate() {
        assertThat(term.weekOf(LocalDate.of(2026, 9, 1))).isEqualTo(1);
        assertThat(term.weekOf(LocalDate.of(2026, 9, 6))).isEqualTo(1);
        assertThat(term.weekOf(LocalDate.of(2026, 9, 7))).isEqualTo(2);
        assertThat(term.weekOf(LocalDate.of(2026, 11, 24))).isEqualTo(13);
        assertThat(term.weekStart(3)).isEqualTo(LocalDate.of(2026, 9, 14));
    }

    @Test
    void daysOutsideTheTermHaveNoWeek() {
        assertThat(term.weekOf(LocalDate.of(2026, 8, 31))).isNull();
        assertThat(term.weekOf(LocalDate.of(2027, 1, 23))).isNull();
        assertThat(term.weekCount()).isEqualTo(21);
    }

    @Test
    void holidaysAreFoundByDay() {
        assertThat(term.holidayOn(LocalDate.of(2026, 10, 3)).name()).isEqualTo("国庆节");
        assertThat(term.holidayOn(LocalDate.of(2026, 10, 8))).isNull();
    }
}
