package org.jiaoyan.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.activity.Activities;
import org.jiaoyan.activity.ActivityData;
import org.jiaoyan.observation.EvaluationForms;
import org.jiaoyan.observation.ObservationFixtures;
import org.jiaoyan.observation.Observations;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.org.People;
import org.jiaoyan.org.Person;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** 成长档案: what a teacher's profile lists per school year, who may open it, and the Word portfolio. */
@JiaoyanIntegrationTest
class ProfileIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Observations observations;
    @Autowired EvaluationForms forms;
    @Autowired Activities activities;
    @Autowired OrgDirectory directory;
    @Autowired People people;
    @Autowired Profiles profiles;

    private ObservationFixtures fx;
    private final LocalDate today = LocalDate.now();

    @BeforeEach
    void fixtures() {
        fx = new ObservationFixtures(users, observations, forms);
    }

    private long chineseGroup() {
        return directory.groupsLedBy(fx.user("zuzhang").personId()).get(0);
    }

    private long researchType() {
        return Access.as(fx.user("jks"), () -> activities.types()).stream().filter(t -> t.name().equals("教研活动"))
                .findFirst().orElseThrow().id();
    }

    /** Rows of the named table in the given school year of the profile (0 when the year is not shown). */
    private static int count(GrowthProfile profile, int year, String table) {
        return profile.years().stream().filter(y -> y.year() == year).flatMap(y -> y.tables().stream())
                .filter(t -> t.id().equals(table)).mapToInt(ProfileTable::count).sum();
    }

    private static List<String> firstCells(GrowthProfile profile, int year, String table) {
        return profile.years().stream().filter(y -> y.year() == year).flatMap(y -> y.tables().stream())
                .filter(t -> t.id().equals(table)).flatMap(t -> t.rows().stream()).map(r -> r.cells().get(0)).toList();
    }

    private GrowthProfile profileOf(CurrentUser viewer, long personId, YearRange range) {
        return Access.as(viewer, () -> profiles.profile(personId, range, Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aTeachersProfileListsTheObservationsGivenAndReceivedAndTheActivitiesOrganisedPerSchoolYear() throws Exception {
        CurrentUser leader = fx.user("zuzhang");
        CurrentUser teacher = fx.user("teacher");
        long me = leader.personId();
        int thisYear = YearRange.schoolYearOf(today);
        LocalDate lastYearDay = today.minusYears(1);
        YearRange range = new YearRange(thisYear - 1, thisYear);
        GrowthProfile before = profileOf(leader, me, range);

        long form = fx.twoCriterionForm("成长档案评价表");
        fx.observe(leader, teacher.personId(), form, "《档案·组长听课》", 50, 30, today.minusDays(1));
        fx.observe(teacher, me, form, "《档案·组长上课》", 55, 35, today.minusDays(1));
        fx.observe(teacher, me, form, "《档案·去年的课》", 40, 30, lastYearDay);
        LocalDateTime start = today.minusDays(2).atTime(15, 0);
        Access.as(leader, () -> activities.create(new ActivityData(chineseGroup(), researchType(), "档案·组长组织的研讨",
                start, start.plusHours(1), "会议室", false, null)));

        GrowthProfile after = profileOf(leader, me, range);
        assertThat(count(after, thisYear, "observationsGiven")).isEqualTo(count(before, thisYear, "observationsGiven") + 1);
        assertThat(count(after, thisYear, "observationsReceived")).isEqualTo(count(before, thisYear, "observationsReceived") + 1);
        assertThat(count(after, thisYear - 1, "observationsReceived"))
                .isEqualTo(count(before, thisYear - 1, "observationsReceived") + 1);
        assertThat(count(after, thisYear - 1, "observationsGiven")).isEqualTo(count(before, thisYear - 1, "observationsGiven"));
        assertThat(count(after, thisYear, "organised")).isEqualTo(count(before, thisYear, "organised") + 1);
        assertThat(firstCells(after, thisYear, "observationsGiven")).contains("《档案·组长听课》");
        assertThat(firstCells(after, thisYear, "observationsReceived")).contains("《档案·组长上课》");
        assertThat(firstCells(after, thisYear - 1, "observationsReceived")).contains("《档案·去年的课》")
                .doesNotContain("《档案·组长上课》");
        assertThat(after.years()).extracting(GrowthProfile.SchoolYear::year).startsWith(thisYear);
        assertThat(after.trend()).isNotEmpty();

        // the page shows the same, to the teacher himself at /me/profile
        mvc.perform(get("/me/profile").with(TestUsers.as(users, "zuzhang")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("《档案·组长听课》")))
                .andExpect(content().string(containsString("档案·组长组织的研讨")))
                .andExpect(content().string(containsString("growth-trend-data")));
    }

    @Test
    void aTeacherSeesOnlyTheirOwnProfile() throws Exception {
        long leader = fx.user("zuzhang").personId();
        long own = fx.user("teacher").personId();
        mvc.perform(get("/profile/" + own).with(TestUsers.as(users, "teacher"))).andExpect(status().isOk());
        mvc.perform(get("/profile/" + leader).with(TestUsers.as(users, "teacher"))).andExpect(status().isNotFound());
        mvc.perform(get("/profile/" + leader + "/portfolio.docx").with(TestUsers.as(users, "teacher")))
                .andExpect(status().isNotFound());
        assertThatThrownBy(() -> profileOf(fx.user("teacher"), leader, new YearRange(2024, 2025)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aGroupLeaderSeesMembersButNotOtherColleagues() throws Exception {
        CurrentUser leader = fx.user("zuzhang");
        long member = leader.scope().readPersons().stream().filter(id -> id != leader.personId()).sorted().findFirst()
                .orElseThrow();
        long school = leader.institutionId();
        long outsider = Access.as(fx.user("jks"), () -> people.ofInstitution(school)).stream().map(Person::id)
                .filter(id -> !leader.scope().readPersons().contains(id) && id != leader.personId())
                .findFirst().orElseThrow();
        mvc.perform(get("/profile/" + member).with(TestUsers.as(users, "zuzhang"))).andExpect(status().isOk());
        mvc.perform(get("/profile/" + outsider).with(TestUsers.as(users, "zuzhang"))).andExpect(status().isNotFound());
        mvc.perform(get("/profile/" + outsider).with(TestUsers.as(users, "principal"))).andExpect(status().isOk());
    }

    @Test
    void anotherSchoolsPersonIsNotFoundForThePrincipalButSeenByTheCounty() throws Exception {
        long otherSchool = fx.user("teacher2").personId();
        mvc.perform(get("/profile/" + otherSchool).with(TestUsers.as(users, "principal"))).andExpect(status().isNotFound());
        mvc.perform(get("/profile/" + otherSchool + "/portfolio.docx").with(TestUsers.as(users, "principal")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/profile/" + otherSchool).with(TestUsers.as(users, "county"))).andExpect(status().isOk());
        mvc.perform(get("/profile/999999999").with(TestUsers.as(users, "county"))).andExpect(status().isNotFound());
    }

    @Test
    void aBackwardsOrUnknownYearRangeIsAFieldErrorNotAFailure() throws Exception {
        mvc.perform(get("/me/profile").param("from", "2026").param("to", "2020").with(TestUsers.as(users, "teacher")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("结束学年不能早于开始学年")));
        mvc.perform(get("/me/profile").param("from", "abc").with(TestUsers.as(users, "teacher")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("is-invalid")));
        mvc.perform(get("/me/profile").param("from", "1800").with(TestUsers.as(users, "teacher")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请选择列出的学年")));
    }

    @Test
    void thePortfolioOpensInWordWithTheTeachersNameAndATableOfObservations() throws Exception {
        CurrentUser teacher = fx.user("teacher");
        long form = fx.twoCriterionForm("档案导出评价表");
        fx.observe(fx.user("jks"), teacher.personId(), form, "《档案·导出的课》", 52, 33, today.minusDays(1));
        String name = Access.as(teacher, () -> people.get(teacher.personId())).name();

        byte[] bytes = mvc.perform(get("/profile/" + teacher.personId() + "/portfolio.docx").with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
                .andExpect(header().string("Content-Disposition", containsString("%E6%88%90%E9%95%BF"))) // 成长
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            String text = String.join("\n", doc.getParagraphs().stream().map(p -> p.getText()).toList());
            assertThat(text).contains("教师专业成长档案").contains(name);
            assertThat(doc.getTables()).isNotEmpty();
            assertThat(doc.getTables().get(0).getText()).contains(name);
            XWPFTable observed = doc.getTables().stream().filter(t -> t.getText().contains("《档案·导出的课》")).findFirst()
                    .orElseThrow();
            assertThat(observed.getRow(0).getCell(2).getText()).isEqualTo("听课人");
            assertThat(observed.getText()).contains("85");
        }
    }

    @Test
    void theApiGivesTheProfileToItsReadersOnly() throws Exception {
        long own = fx.user("teacher").personId();
        long leader = fx.user("zuzhang").personId();
        mvc.perform(get("/api/v1/me/profile").with(httpBasic("teacher", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.personId").value(own))
                .andExpect(jsonPath("$.years[0].tables[?(@.id == 'assessment')].title").value("学期考核"));
        mvc.perform(get("/api/v1/profiles/" + leader).with(httpBasic("teacher", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/profiles/" + own).with(httpBasic("teacher2", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/profiles/" + own).param("fromYear", "2026").param("toYear", "2020")
                .with(httpBasic("jks", TestUsers.DEMO_PASSWORD))).andExpect(status().is4xxClientError());
    }
}
