package org.jiaoyan.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.metrics.Evidence;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The observations behind the observation metrics, named as the observation pages name them (《课题》 执教 / 听课),
 * linked, by date, without deleted ones. Lessons in May 2021, which no other test uses.
 */
@JiaoyanIntegrationTest
class ObservationEvidenceIntegrationTests {

    @Autowired UserDetailsService users;
    @Autowired Observations observations;
    @Autowired EvaluationForms forms;
    @Autowired OrgDirectory directory;
    @Autowired Metrics metrics;

    private ObservationFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new ObservationFixtures(users, observations, forms);
    }

    @Test
    void lessonsAreListedForTheObserverTheTeacherAndTheSchool() {
        CurrentUser teacher = fx.user("teacher");
        CurrentUser zuzhang = fx.user("zuzhang");
        String teacherName = directory.personName(teacher.personId()).orElseThrow();
        String leaderName = directory.personName(zuzhang.personId()).orElseThrow();
        long form = fx.twoCriterionForm("佐证评价表" + System.nanoTime() % 100000);
        long rain = fx.observe(teacher, zuzhang.personId(), form, "秋天的雨", 50, 30, LocalDate.of(2021, 5, 12));
        long guilin = fx.observe(teacher, zuzhang.personId(), form, "《桂林山水》", 50, 30, LocalDate.of(2021, 5, 11));
        long lotus = fx.observe(zuzhang, teacher.personId(), form, "荷花", 55, 35, LocalDate.of(2021, 5, 13));
        fx.observe(teacher, zuzhang.personId(), form, "下个月的课", 50, 30, LocalDate.of(2021, 6, 1));
        long removed = fx.observe(teacher, zuzhang.personId(), form, "删掉的课", 50, 30, LocalDate.of(2021, 5, 14));
        Access.as(teacher, () -> {
            observations.delete(removed, 0);
            return null;
        });
        DateSpan may = new DateSpan(LocalDate.of(2021, 5, 1), LocalDate.of(2021, 5, 31));

        assertThat(metrics.evidence("observation.by-observer", may, teacher.personId())).hasValueSatisfying(list -> assertThat(list)
                .containsExactly(new Evidence(LocalDate.of(2021, 5, 11), "《桂林山水》　执教：" + leaderName, "/observations/" + guilin),
                        new Evidence(LocalDate.of(2021, 5, 12), "《秋天的雨》　执教：" + leaderName, "/observations/" + rain)));
        assertThat(metrics.evidence("observation.of-teacher", may, teacher.personId())).hasValueSatisfying(list -> assertThat(list)
                .containsExactly(new Evidence(LocalDate.of(2021, 5, 13), "《荷花》　听课：" + leaderName, "/observations/" + lotus)));
        assertThat(metrics.evidence("observation.in-school", may, teacher.institutionId())).hasValueSatisfying(list -> assertThat(list)
                .extracting(Evidence::title).containsExactly(
                        "《桂林山水》　执教：" + leaderName + "　听课：" + teacherName,
                        "《秋天的雨》　执教：" + leaderName + "　听课：" + teacherName,
                        "《荷花》　执教：" + teacherName + "　听课：" + leaderName));
    }
}
