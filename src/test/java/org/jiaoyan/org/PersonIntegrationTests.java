package org.jiaoyan.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@JiaoyanIntegrationTest
class PersonIntegrationTests {

    private static final AtomicLong MOBILES = new AtomicLong(19_900_000_000L + (System.nanoTime() % 1_000_000) * 100);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired People people;
    @Autowired OrgUnits units;

    private CurrentUser jks() {
        return TestUsers.load(users, "jks");
    }

    private long experimentalSchool() {
        return jks().institutionId();
    }

    private long otherSchool() {
        return Access.asSystem(() -> units.institutions().stream()
                .filter(u -> u.id() != experimentalSchool() && u.kindCode() != null).findFirst().orElseThrow().id());
    }

    private PersonData teacher(long school, String name) {
        return new PersonData(school, name, "F", String.valueOf(MOBILES.incrementAndGet()), LocalDate.of(1990, 3, 1),
                LocalDate.of(2012, 9, 1), "T1", false, null, List.of("CHINESE"), List.of("G3"), List.of(new Honour("BACKBONE", "COUNTY", 2024)));
    }

    @Test
    void departmentHeadCreatesAndFindsATeacherOfTheirSchool() {
        long id = Access.as(jks(), () -> people.create(teacher(experimentalSchool(), "测试甲")));
        Person p = Access.as(jks(), () -> people.get(id));
        assertThat(p.subjects()).containsExactly("CHINESE");
        assertThat(p.honours()).extracting(Honour::code).containsExactly("BACKBONE");
        assertThat(p.age(LocalDate.of(2026, 9, 1))).isEqualTo(36);
        var found = Access.as(jks(), () -> people.search(new PersonFilter(null, "CHINESE", null, AgeBand.UNDER_40, "测试甲", null, false),
                new PageQuery(1, 20, "name", false)));
        assertThat(found.items()).extracting(Person::id).contains(id);
    }

    @Test
    void teacherOfAnotherSchoolCannotSeeTheRecordInServicePageOrApi() throws Exception {
        long id = Access.as(jks(), () -> people.create(teacher(experimentalSchool(), "测试乙")));
        CurrentUser outsider = TestUsers.load(users, "teacher2");
        assertThatThrownBy(() -> Access.as(outsider, () -> people.get(id))).isInstanceOf(NotFoundException.class);
        assertThat(Access.as(outsider, () -> people.search(new PersonFilter(null, null, null, null, "测试乙", null, false),
                new PageQuery(1, 20, null, false))).total()).isZero();
        mvc.perform(get("/people/" + id).with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("记录不存在")));
    }

    @Test
    void principalReadsButCannotChangeTheirSchool() {
        long id = Access.as(jks(), () -> people.create(teacher(experimentalSchool(), "测试丙")));
        CurrentUser principal = TestUsers.load(users, "principal");
        assertThat(Access.as(principal, () -> people.get(id)).name()).isEqualTo("测试丙");
        Person p = Access.as(principal, () -> people.get(id));
        assertThatThrownBy(() -> Access.as(principal, () -> {
            people.update(id, p.version(), teacher(experimentalSchool(), "改名"));
            return null;
        })).isInstanceOf(org.jiaoyan.shared.ForbiddenException.class);
    }

    @Test
    void staleEditIsRejectedAndChangesNothing() {
        long id = Access.as(jks(), () -> people.create(teacher(experimentalSchool(), "测试丁")));
        int version = Access.as(jks(), () -> people.get(id)).version();
        PersonData data = teacher(experimentalSchool(), "测试丁一");
        Access.as(jks(), () -> {
            people.update(id, version, data);
            return null;
        });
        assertThatThrownBy(() -> Access.as(jks(), () -> {
            people.update(id, version, teacher(experimentalSchool(), "测试丁二"));
            return null;
        })).isInstanceOf(StaleEditException.class);
        assertThat(Access.as(jks(), () -> people.get(id)).name()).isEqualTo("测试丁一");
    }

    @Test
    void duplicateMobileIsAFieldError() {
        PersonData first = teacher(experimentalSchool(), "测试戊");
        Access.as(jks(), () -> people.create(first));
        PersonData copy = new PersonData(first.institutionId(), "测试己", null, first.mobile(), null, null, null, false,
                null, List.of(), List.of(), List.of());
        assertThatThrownBy(() -> Access.as(jks(), () -> people.create(copy)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems()).extracting(ValidationException.FieldProblem::field).containsExactly("mobile"));
    }

    @Test
    void deleteGoesToTheRecycleBinAndRestoreBringsItBack() {
        long id = Access.as(jks(), () -> people.create(teacher(experimentalSchool(), "测试庚")));
        Access.as(jks(), () -> {
            people.delete(id, people.get(id).version());
            return null;
        });
        var live = Access.as(jks(), () -> people.search(new PersonFilter(null, null, null, null, "测试庚", null, false), new PageQuery(1, 20, null, false)));
        var bin = Access.as(jks(), () -> people.search(new PersonFilter(null, null, null, null, "测试庚", null, true), new PageQuery(1, 20, null, false)));
        assertThat(live.total()).isZero();
        assertThat(bin.items()).extracting(Person::id).containsExactly(id);
        Access.as(jks(), () -> {
            people.restore(id);
            return null;
        });
        assertThat(Access.as(jks(), () -> people.get(id)).deletedAt()).isNull();
    }

    @Test
    void transferKeepsHistoryAndMovesTheTeacher() {
        long id = Access.as(jks(), () -> people.create(teacher(experimentalSchool(), "测试辛")));
        long other = otherSchool();
        Access.asSystem(() -> people.transfer(id, people.get(id).version(), other, LocalDate.of(2026, 11, 1), "交流"));
        Person moved = Access.asSystem(() -> people.get(id));
        assertThat(moved.institutionId()).isEqualTo(other);
        assertThat(Access.asSystem(() -> people.history(id))).extracting(People.StatusChange::institutionId)
                .contains(other, experimentalSchool());
        assertThatThrownBy(() -> Access.as(jks(), () -> people.get(id))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void implausibleBirthDateOnTheFormShowsAFieldErrorAndKeepsInput() throws Exception {
        mvc.perform(post("/people/new").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("institutionId", String.valueOf(experimentalSchool()))
                        .param("name", "表单测试").param("mobile", String.valueOf(MOBILES.incrementAndGet()))
                        .param("birthDate", "2024-01-01"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "birthDate"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("出生日期不合理")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"表单测试\"")));
    }

    @Test
    void listPageFiltersAndRendersChineseLabels() throws Exception {
        mvc.perform(get("/people").param("subject", "CHINESE").param("sort", "birth").param("dir", "desc")
                        .with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("语文")));
        mvc.perform(get("/people").header("HX-Request", "true").with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html"))));
    }
    @Test
    void listRowShowsSubjectAndTitleLabelsAgeAndYearsOfService() throws Exception {
        LocalDate today = LocalDate.now();
        Access.as(jks(), () -> people.create(new PersonData(experimentalSchool(), "列表标签测试", "F",
                String.valueOf(MOBILES.incrementAndGet()), today.minusYears(31).minusDays(3), today.minusYears(7).minusDays(3),
                "T1", false, null, List.of("MATH", "CHINESE"), List.of(), List.of())));
        String page = mvc.perform(get("/people").param("q", "列表标签测试").with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String row = page.substring(page.indexOf(">列表标签测试</a>"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains(">数学、语文</td>", ">一级教师</td>", ">31</td>", ">7</td>");
    }
}
