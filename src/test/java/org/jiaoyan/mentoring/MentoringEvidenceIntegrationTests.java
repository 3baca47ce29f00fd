package org.jiaoyan.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.metrics.Evidence;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.observation.EvaluationForms;
import org.jiaoyan.observation.ObservationFixtures;
import org.jiaoyan.observation.Observations;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The lessons behind a pair's mutual weeks: both directions between mentor and apprentice in the period, by date,
 * named 师傅 听 徒弟《课题》 and linked; others' lessons and other periods left out. A pair of the 2020 school year, which
 * no other test uses.
 */
@JiaoyanIntegrationTest
class MentoringEvidenceIntegrationTests {

    @Autowired UserDetailsService users;
    @Autowired MentorPairs pairs;
    @Autowired Observations observations;
    @Autowired EvaluationForms forms;
    @Autowired OrgDirectory directory;
    @Autowired Metrics metrics;

    @Test
    void theLessonsBetweenMentorAndApprenticeAreListedBothWays() {
        ObservationFixtures fx = new ObservationFixtures(users, observations, forms);
        CurrentUser jks = fx.user("jks");
        long school = jks.institutionId();
        List<Long> people = Access.as(jks, () -> pairs.candidates(school)).stream().map(MentorPairs.Candidate::id)
                .filter(id -> id != jks.personId()).toList();
        long mentor = people.get(3);
        long apprentice = people.get(4);
        long other = people.get(5);
        long pair = Access.as(jks, () -> pairs.create(school, 2020, mentor, apprentice, "佐证测试结对", null));
        String mentorName = directory.personName(mentor).orElseThrow();
        String apprenticeName = directory.personName(apprentice).orElseThrow();
        long form = fx.twoCriterionForm("结对佐证评价表" + System.nanoTime() % 100000);

        long watched = fx.observe(ObservationFixtures.person(mentor, school), apprentice, form, "秋天的雨", 50, 30, LocalDate.of(2020, 10, 13));
        long returned = fx.observe(ObservationFixtures.person(apprentice, school), mentor, form, "《桂林山水》", 50, 30, LocalDate.of(2020, 10, 15));
        fx.observe(ObservationFixtures.person(other, school), apprentice, form, "别人听的课", 50, 30, LocalDate.of(2020, 10, 14));
        fx.observe(ObservationFixtures.person(mentor, school), apprentice, form, "下个月的课", 50, 30, LocalDate.of(2020, 11, 3));
        DateSpan october = new DateSpan(LocalDate.of(2020, 10, 1), LocalDate.of(2020, 10, 31));

        assertThat(metrics.evidence("mentoring.mutual-weeks", october, pair)).hasValueSatisfying(list -> assertThat(list)
                .containsExactly(
                        new Evidence(LocalDate.of(2020, 10, 13), mentorName + " 听 " + apprenticeName + "《秋天的雨》", "/observations/" + watched),
                        new Evidence(LocalDate.of(2020, 10, 15), apprenticeName + " 听 " + mentorName + "《桂林山水》", "/observations/" + returned)));
        // the count the evidence explains: both lessons fall in one week
        assertThat(metrics.count("mentoring.mutual-weeks", october.from(), october.to(), List.of(pair))).containsEntry(pair, 1L);
        assertThat(metrics.evidence("mentoring.mutual-weeks", october, 987654321L)).hasValue(List.of());
    }
}
