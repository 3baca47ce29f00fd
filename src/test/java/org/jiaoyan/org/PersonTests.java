package org.jiaoyan.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonTests {

    private Person born(LocalDate birth, LocalDate start) {
        return new Person(1, 1, "实验小学", "张三", "F", null, birth, start, "T1", false, PersonStatus.ACTIVE, null,
                List.of(), List.of(), List.of(), 0, null, null, false, false);
    }

    @Test
    void ageCountsFullYearsOnTheGivenDay() {
        Person p = born(LocalDate.of(1986, 9, 2), LocalDate.of(2024, 9, 1));
        assertThat(p.age(LocalDate.of(2026, 9, 1))).isEqualTo(39);   // still "40周岁以下"
        assertThat(p.age(LocalDate.of(2026, 9, 2))).isEqualTo(40);
    }

    @Test
    void yearsOfServiceDecideTheUnderThreeYearsRule() {
        Person p = born(LocalDate.of(2000, 1, 1), LocalDate.of(2024, 9, 1));
        assertThat(p.yearsOfService(LocalDate.of(2027, 8, 31))).isEqualTo(2);
        assertThat(p.yearsOfService(LocalDate.of(2027, 9, 1))).isEqualTo(3);
    }

    @Test
    void unknownDatesGiveNoAge() {
        assertThat(born(null, null).age(LocalDate.of(2026, 1, 1))).isNull();
    }

    @Test
    void ageBandsBoundBirthDates() {
        LocalDate day = LocalDate.of(2026, 9, 1);
        assertThat(AgeBand.UNDER_40.bornAfter(day)).isEqualTo(LocalDate.of(1986, 9, 1));
        assertThat(AgeBand.UNDER_40.bornOnOrBefore(day)).isNull();
        assertThat(AgeBand.FROM_40_TO_49.bornOnOrBefore(day)).isEqualTo(LocalDate.of(1986, 9, 1));
    }
}
