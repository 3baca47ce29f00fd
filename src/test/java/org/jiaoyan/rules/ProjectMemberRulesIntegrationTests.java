package org.jiaoyan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.org.GroupKind;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.People;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.org.UnitData;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.research.Decision;
import org.jiaoyan.research.ProjectData;
import org.jiaoyan.research.ProjectLevel;
import org.jiaoyan.research.ProjectStages;
import org.jiaoyan.research.ProjectStages.DecisionData;
import org.jiaoyan.research.ProjectWork;
import org.jiaoyan.research.Projects;
import org.jiaoyan.research.ResearchFixtures;
import org.jiaoyan.rules.ComplianceMatrix.Cell;
import org.jiaoyan.rules.ComplianceMatrix.Row;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The subject filter 课题组成员 on the demo school's rule 课题组成员每学期一篇课题论文: a teacher in no project is not
 * under it, a 课题组 member and the lead of an approved personal project are, and are behind until a paper is
 * recorded; a project still at 申报 counts nobody; another school's 课题组 never shows; the rule form keeps the value.
 */
@JiaoyanIntegrationTest
class ProjectMemberRulesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Rules rules;
    @Autowired Compliance compliance;
    @Autowired Projects projects;
    @Autowired ProjectStages stages;
    @Autowired ProjectWork work;
    @Autowired People people;
    @Autowired OrgUnits units;
    @Autowired Terms terms;
    @Autowired JdbcClient jdbc;

    private CurrentUser user(String name) {
        return TestUsers.load(users, name);
    }

    private ResearchFixtures fx() {
        return new ResearchFixtures(users, projects, stages, jdbc, people);
    }

    private Rule paperRule() {
        CurrentUser jks = user("jks");
        return Access.as(jks, () -> rules.ofInstitution(jks.institutionId())).stream()
                .filter(r -> "PROJECT_PAPER_TERM".equals(r.templateCode())).findFirst().orElseThrow();
    }

    /** The current term's cells of the rule, by subject (person) id. */
    private Map<Long, Cell> currentTerm(Rule rule, LocalDate today) {
        ComplianceMatrix m = Access.as(user("jks"), () -> compliance.matrix(rule.id(), today, today, null));
        assertThat(m.periods()).hasSize(1);
        return m.rows().stream().filter(r -> r.cells().get(0) != null)
                .collect(Collectors.toMap(r -> r.subject().id(), r -> r.cells().get(0)));
    }

    @Test
    void theDemoSchoolsPaperRuleIsAboutProjectMembersOnly() throws Exception {
        LocalDate today = LocalDate.now();
        SchoolTerm term = terms.current().orElse(null);
        Assumptions.assumeTrue(term != null, "today is in no term");
        ResearchFixtures fx = fx();
        CurrentUser jks = user("jks");
        Rule rule = paperRule();
        assertThat(rule.spec().filter()).isEqualTo(SubjectFilter.PROJECT_MEMBERS);
        assertThat(rule.enabled()).isTrue();

        List<Long> loner = fx.teachers(300, 1);
        List<Long> group = fx.teachers(301, 3);
        long project = fx.approved("课题组成员论文制度研究", group);
        List<Long> personal = fx.teachers(302, 2);
        long approvedPersonal = personal(jks, personal.get(0), "个人课题：成员制度");
        fx.taskEach(approvedPersonal);
        fx.submit(approvedPersonal);
        fx.decide(jks, approvedPersonal, new DecisionData(Decision.PASS, null, "GR-" + approvedPersonal, null));
        personal(jks, personal.get(1), "个人课题：尚在申报");

        Map<Long, Cell> cells = currentTerm(rule, today);
        assertThat(cells).as("the lead and the members of the 课题组, the personal project's lead")
                .containsKeys(group.get(0), group.get(1), group.get(2), personal.get(0));
        assertThat(cells).as("a teacher in no project, the lead of a project still at 申报")
                .doesNotContainKeys(loner.get(0), personal.get(1));
        assertThat(cells.get(group.get(1))).satisfies(c -> {
            assertThat(c.count()).isZero();
            assertThat(c.state()).isIn(ComplianceState.NOT_DUE, ComplianceState.NOT_MET);
        });
        CurrentUser member = ResearchFixtures.person(group.get(1), jks.institutionId());
        assertThat(Access.as(member, () -> compliance.outstanding(group.get(1), today)))
                .filteredOn(o -> o.rule().id() == rule.id()).singleElement()
                .satisfies(o -> assertThat(o.missing()).isEqualTo(1));
        assertThat(Access.as(ResearchFixtures.person(loner.get(0), jks.institutionId()),
                () -> compliance.outstanding(loner.get(0), today))).noneMatch(o -> o.rule().id() == rule.id());

        // a paper recorded for the term: the member is done, the others are still behind
        Access.as(jks, () -> work.addPaper(project, group.get(1), term.id(), "课题论文：成员制度的实践", today, null, null));
        cells = currentTerm(rule, today);
        assertThat(cells.get(group.get(1))).satisfies(c -> {
            assertThat(c.count()).isEqualTo(1);
            assertThat(c.state()).isEqualTo(ComplianceState.MET);
        });
        assertThat(cells.get(group.get(2)).state()).isNotEqualTo(ComplianceState.MET);

        // the matrix page names the members and not the loner; the detail page says whom the rule is about
        String names = jdbc.sql("select name from person where id = ?").param(group.get(2)).query(String.class).single();
        String lonerName = jdbc.sql("select name from person where id = ?").param(loner.get(0)).query(String.class).single();
        Document matrix = page("/rules/" + rule.id() + "/matrix?from=" + today + "&to=" + today, "jks");
        assertThat(matrix.text()).contains(names).doesNotContain(lonerName).contains("每位课题组成员");

        // a personal project that ended before the term leaves its lead out of the term
        jdbc.sql("update research_project set end_date = ? where id = ?").params(term.startDate().minusDays(1), approvedPersonal).update();
        assertThat(currentTerm(rule, today)).doesNotContainKey(personal.get(0)).containsKey(group.get(0));
    }

    @Test
    void anotherSchoolsProjectMembersNeverAppear() {
        LocalDate today = LocalDate.now();
        Assumptions.assumeTrue(terms.current().isPresent(), "today is in no term");
        CurrentUser other = user("teacher2");
        long otherSchool = other.institutionId();
        long group = Access.asSystem(() -> {
            long id = units.create(new UnitData(UnitType.GROUP, otherSchool, units.get(otherSchool).sector(), null,
                    GroupKind.PROJECT, "课题组：乡镇学校的课题（规则测试）", null, null, null, other.personId(), 90));
            units.setMembers(id, List.of(other.personId()));
            return id;
        });
        assertThat(group).isPositive();
        Rule rule = paperRule();
        assertThat(currentTerm(rule, today)).doesNotContainKey(other.personId());
        // the other school's own rule sees its 课题组 and none of the demo school's members
        List<Long> ours = fx().teachers(303, 2);
        fx().approved("本校课题（他校规则测试）", ours);
        long theirs = Access.asSystem(() -> rules.create(otherSchool, null, "乡镇学校课题组成员论文", rule.spec(), false));
        Set<Long> subjects = Access.asSystem(() -> compliance.matrix(theirs, today, today, null)).rows().stream()
                .map(Row::subject).map(ComplianceSubject::id).collect(Collectors.toSet());
        assertThat(subjects).contains(other.personId()).doesNotContainAnyElementsOf(ours);
    }

    @Test
    void theRuleFormOffersProjectMembersAndKeepsTheValue() throws Exception {
        long school = user("jks").institutionId();
        Document blank = page("/rules/new?school=" + school, "jks");
        assertThat(blank.select("select[name=filter] option[value=PROJECT_MEMBERS]").text()).isEqualTo("课题组成员");
        assertThat(blank.select("#filter-hint").text()).contains("课题组成员").contains("个人课题");

        // a wrong threshold: the page comes back with the filter still chosen
        String bad = mvc.perform(post("/rules").with(csrf()).with(TestUsers.as(users, "jks")).param("school", String.valueOf(school))
                        .param("name", "课题组成员规则表单测试").param("metricId", "research.member-tasks").param("filter", "PROJECT_MEMBERS")
                        .param("periodKind", "TERM").param("comparison", "AT_LEAST").param("threshold", "5000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(bad).select("select[name=filter] option[selected]").val()).isEqualTo("PROJECT_MEMBERS");

        String location = mvc.perform(post("/rules").with(csrf()).with(TestUsers.as(users, "jks")).param("school", String.valueOf(school))
                        .param("name", "课题组成员规则表单测试").param("metricId", "research.member-tasks").param("filter", "PROJECT_MEMBERS")
                        .param("periodKind", "TERM").param("comparison", "AT_LEAST").param("threshold", "1"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/rules/".length()));
        assertThat(Access.as(user("jks"), () -> rules.get(id)).spec().filter()).isEqualTo(SubjectFilter.PROJECT_MEMBERS);
        Document edit = page("/rules/" + id + "/edit", "jks");
        assertThat(edit.select("select[name=filter] option[selected]").val()).isEqualTo("PROJECT_MEMBERS");
        assertThat(page("/rules/" + id, "jks").text()).contains("每位课题组成员");
    }

    private long personal(CurrentUser office, long lead, String title) {
        return Access.as(office, () -> projects.create(new ProjectData(office.institutionId(), null, null, ProjectLevel.PERSONAL,
                false, title, lead, "语文", LocalDate.now().minusMonths(1), LocalDate.now().plusYears(1), null)));
    }

    private Document page(String path, String username) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(TestUsers.as(users, username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
