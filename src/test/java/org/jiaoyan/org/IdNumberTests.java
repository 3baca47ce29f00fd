package org.jiaoyan.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumberTests {

    @Test
    void readsTheBirthDateAndSexOfAValidNumber() {
        assertThat(IdNumber.parse("11010519491231002X")).contains(new IdNumber(LocalDate.of(1949, 12, 31), "F")); // GB 11643's example
        assertThat(IdNumber.parse("330102198804120034")).contains(new IdNumber(LocalDate.of(1988, 4, 12), "M"));
        assertThat(IdNumber.parse("330102198804120042")).contains(new IdNumber(LocalDate.of(1988, 4, 12), "F"));
        assertThat(IdNumber.parse("51010720000229007x")).as("a lower-case x").contains(new IdNumber(LocalDate.of(2000, 2, 29), "M"));
        assertThat(IdNumber.parse(" ３３０１０２ 19880412 0034 ")).as("full-width digits and spaces, as rosters hold them")
                .contains(new IdNumber(LocalDate.of(1988, 4, 12), "M"));
    }

    @Test
    void refusesWhatIsNotOne() {
        assertThat(IdNumber.parse("330102198804120035")).as("a wrong check character").isEmpty();
        assertThat(IdNumber.parse("320583197902300016")).as("30 February, with a correct check character").isEmpty();
        assertThat(IdNumber.parse("330102880412003")).as("the old 15 digits").isEmpty();
        assertThat(IdNumber.parse("330102198804120000")).as("what Excel leaves of a number typed as a number").isEmpty();
        assertThat(IdNumber.parse("3.30102E+17")).isEmpty();
        assertThat(IdNumber.parse("")).isEmpty();
        assertThat(IdNumber.parse(null)).isEmpty();
    }
}
