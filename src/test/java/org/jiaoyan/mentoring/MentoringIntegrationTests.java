package org.jiaoyan.mentoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.observation.EvaluationForms;
import org.jiaoyan.observation.ObservationFixtures;
import org.jiaoyan.observation.Observations;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Pairs through services, pages and API: the rule and its exceptions, who sees a pair, the weekly view, metrics. */
@JiaoyanIntegrationTest
class MentoringIntegrationTests {

    @Autowired UserDetailsService users;
    @Autowired MentorPairs pairs;
    @Autowired Observations observations;
    @Autowired EvaluationForms forms;
    @Autowired Metrics metrics;
    @Autowired MockMvc mvc;
    @Autowired org.jiaoyan.activity.Activities activities;

    private ObservationFixtures fx;
    private CurrentUser jks;
    private long school;

    @BeforeEach
    void fixtures() {
        fx = new ObservationFixtures(users, observations, forms);
        jks = fx.user("jks");
        school = jks.institutionId();
    }

    /** Two people of jks's school not yet paired in the year (neither as mentor nor as apprentice), by a salt. */
    private long[] freshPair(int year, int salt) {
        Set<Long> taken = Access.as(jks, () -> pairs.list(year, school)).stream()
                .flatMap(p -> java.util.stream.Stream.of(p.mentorId(), p.apprenticeId())).collect(Collectors.toSet());
        List<Long> free = Access.as(jks, () -> pairs.candidates(school)).stream().map(MentorPairs.Candidate::id)
                .filter(id -> !taken.contains(id) && id != jks.personId() && id != fx.user("teacher").personId()).toList();
        return new long[] {free.get(salt * 2 + 7), free.get(salt * 2 + 8)};
    }

    private static MentorPairs.Candidate of(List<MentorPairs.Candidate> all, long id) {
        return all.stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    @Test
    void anIneligiblePairIsRefusedAtItsFieldsAndMadeOnlyWithAReasonThatIsRecorded() throws Exception {
        int year = MentorPairs.currentSchoolYear(LocalDate.now());
        List<MentorPairs.Candidate> all = Access.as(jks, () -> pairs.candidates(school));
        MentorPairs.Candidate junior = all.stream().filter(c -> "T2".equals(c.titleCode()) || "T3".equals(c.titleCode()))
                .findFirst().orElseThrow();
        Set<Long> taken = Access.as(jks, () -> pairs.list(year, school)).stream().map(MentorPair::apprenticeId).collect(Collectors.toSet());
        MentorPairs.Candidate veteran = all.stream().filter(c -> c.workStart() != null && c.id() != junior.id()
                && c.workStart().isBefore(LocalDate.of(year - 10, 1, 1)) && !taken.contains(c.id())).findFirst().orElseThrow();

        assertThatThrownBy(() -> Access.as(jks, () -> pairs.create(school, year, junior.id(), veteran.id(), null, null)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).extracting(FieldProblem::field)
                        .containsExactly("mentorId", "apprenticeId", "overrideReason"));
        long id = Access.as(jks, () -> pairs.create(school, year, junior.id(), veteran.id(), "调入教师，校长室特批", null));
        assertThat(Access.as(jks, () -> pairs.get(id)).overrideReason()).isEqualTo("调入教师，校长室特批");
        assertThatThrownBy(() -> Access.as(jks, () -> pairs.create(school, year, junior.id(), veteran.id(), "再来一次", null)))
                .isInstanceOf(ValidationException.class).hasMessage("mentoring.apprentice.paired");

        mvc.perform(get("/mentoring/" + id).with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("调入教师，校长室特批")));
    }

    @Test
    void mentorApprenticeAndTheSchoolSeeThePairButAnotherSchoolAndPlainColleaguesDoNot() throws Exception {
        int year = MentorPairs.currentSchoolYear(LocalDate.now());
        long[] p = freshPair(year, 0);
        long id = Access.as(jks, () -> pairs.create(school, year, p[0], p[1], "权限测试", null));
        assertThat(Access.as(ObservationFixtures.person(p[0], school), () -> pairs.get(id)).id()).isEqualTo(id);
        assertThat(Access.as(ObservationFixtures.person(p[1], school), () -> pairs.list(year, null)))
                .extracting(MentorPair::id).containsExactly(id);
        assertThat(Access.as(fx.user("principal"), () -> pairs.get(id)).id()).isEqualTo(id);
        assertThat(Access.as(fx.user("county"), () -> pairs.get(id)).id()).isEqualTo(id);
        assertThatThrownBy(() -> Access.as(fx.user("teacher"), () -> pairs.get(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Access.as(fx.user("teacher2"), () -> pairs.get(id))).isInstanceOf(NotFoundException.class);
        assertThat(Access.as(fx.user("teacher2"), () -> pairs.list(year, school))).isEmpty();
        assertThatThrownBy(() -> Access.as(fx.user("teacher"), () -> pairs.create(school, year, p[0], p[1], "x", null)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Access.as(fx.user("teacher2"), () -> pairs.create(school, year, p[0], p[1], "x", null)))
                .isInstanceOf(NotFoundException.class);

        mvc.perform(get("/mentoring/" + id).with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/mentoring/pairs/" + id).with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/mentoring/pairs/" + id).with(TestUsers.as(users, "county"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.pair.id").value(id));
    }

    @Test
    void theWeeklyViewShowsEachDirectionAndMarksPastWeeksWithoutMutualObservationAsGaps() throws Exception {
        // last school year's second term lies wholly in the past, so every week of it is over
        int year = MentorPairs.currentSchoolYear(LocalDate.now()) - 1;
        SchoolTerm term = Access.as(jks, () -> pairs.termsOf(year)).stream().filter(t -> t.semester() == 2).findFirst().orElseThrow();
        long[] p = freshPair(year, 1);
        long id = Access.as(jks, () -> pairs.create(school, year, p[0], p[1], "周视图测试", null));
        long form = fx.twoCriterionForm("互听测试评价表");
        CurrentUser mentor = ObservationFixtures.person(p[0], school);
        CurrentUser apprentice = ObservationFixtures.person(p[1], school);
        fx.observe(mentor, p[1], form, "《第二周·师》", 50, 30, term.weekStart(2).plusDays(1));
        fx.observe(apprentice, p[0], form, "《第二周·徒》", 55, 35, term.weekStart(2).plusDays(3));
        fx.observe(mentor, p[1], form, "《第三周·师》", 50, 30, term.weekStart(3).plusDays(2));

        MentorPair pair = Access.as(jks, () -> pairs.get(id));
        WeekMatrix m = Access.as(jks, () -> pairs.weeks(List.of(pair), term, LocalDate.now()));
        List<WeekMatrix.Cell> cells = m.rows().get(0).cells();
        assertThat(cells.get(1).state()).isEqualTo(WeekMatrix.State.BOTH);
        assertThat(cells.get(2).state()).isEqualTo(WeekMatrix.State.MENTOR_ONLY);
        assertThat(cells.get(3).state()).isEqualTo(WeekMatrix.State.NONE);
        assertThat(m.rows().get(0).gaps()).isEqualTo(term.weekCount() - 1);

        // a group activity both signed in to counts as one they attended together
        Access.as(jks, () -> {
            long unit = activities.organiserUnits().get(0).id();
            long type = activities.types().get(0).id();
            java.time.LocalDateTime start = term.weekStart(4).plusDays(2).atTime(15, 30);
            long activity = activities.create(new org.jiaoyan.activity.ActivityData(unit, type, "师徒共同参加的教研活动", start,
                    start.plusHours(1), null, true, null));
            activities.signInByHand(activity, p[0]);
            activities.signInByHand(activity, p[1]);
            return null;
        });
        PairSummary s = Access.as(jks, () -> pairs.summary(id, LocalDate.now()));
        assertThat(s.activitiesTogether()).isEqualTo(1);
        assertThat(s.mentorObserved()).isEqualTo(2);
        assertThat(s.apprenticeObserved()).isEqualTo(1);
        assertThat(s.mutualWeeks()).isEqualTo(1);
        assertThat(s.apprenticeOpenLessons()).isEqualTo(2);

        assertThat(metrics.count("mentoring.mutual-weeks", term.startDate(), term.endDate(), List.of(id)).get(id)).isEqualTo(1);

        mvc.perform(get("/mentoring/weeks?year=" + year + "&term=" + term.id()).with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-pair-id=\"" + id + "\"")))
                .andExpect(content().string(Matchers.containsString("data-week=\"3\" data-state=\"MENTOR_ONLY\"")));
        mvc.perform(get("/api/v1/mentoring/pairs/" + id + "/weeks?termId=" + term.id()).with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows[0].cells[1].state").value("BOTH"));
    }

    @Test
    void aDeletedPairAndADeletedFormComeBackFromTheirRecycleBins() throws Exception {
        int year = MentorPairs.currentSchoolYear(LocalDate.now()) - 1;
        long[] p = freshPair(year, 7);
        long id = Access.as(jks, () -> pairs.create(school, year, p[0], p[1], "回收站测试", null));
        Access.as(jks, () -> {
            pairs.delete(id, pairs.get(id).version());
            return null;
        });
        assertThat(Access.as(jks, () -> pairs.deleted())).extracting(MentorPair::id).contains(id);
        assertThat(Access.as(TestUsers.load(users, "teacher2"), () -> pairs.deleted())).extracting(MentorPair::id).doesNotContain(id);
        mvc.perform(post("/mentoring/" + id + "/restore").with(TestUsers.as(users, "teacher2")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/mentoring/" + id + "/restore").with(TestUsers.as(users, "jks")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(Access.as(jks, () -> pairs.get(id)).id()).isEqualTo(id);

        long form = fx.twoCriterionForm("回收站里的评价表");
        Access.as(jks, () -> {
            forms.delete(form, forms.get(form).version());
            return null;
        });
        mvc.perform(get("/forms/recycle-bin").with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("回收站里的评价表")));
        Access.as(jks, () -> {
            forms.restore(form);
            return null;
        });
        assertThat(Access.as(jks, () -> forms.get(form)).name()).isEqualTo("回收站里的评价表");
    }
}
