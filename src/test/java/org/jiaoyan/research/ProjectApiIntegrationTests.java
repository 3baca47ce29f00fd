package org.jiaoyan.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** /api/v1/projects with the pages' data scope: members, the school's office, the county; another school gets 404. */
@JiaoyanIntegrationTest
class ProjectApiIntegrationTests {

    @Autowired UserDetailsService users;
    @Autowired Projects projects;
    @Autowired ProjectStages stages;
    @Autowired JdbcClient jdbc;
    @Autowired org.jiaoyan.org.People people;
    @Autowired MockMvc mvc;

    private DocumentContext json(MockHttpServletRequestBuilder request, String user) throws Exception {
        return JsonPath.parse(mvc.perform(request.with(TestUsers.as(users, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void eachAccountListsTheProjectsOfItsScopeAndAnotherSchoolGets404() throws Exception {
        ResearchFixtures fx = new ResearchFixtures(users, projects, stages, jdbc, people);
        CurrentUser jks = fx.user("jks");
        CurrentUser county = fx.user("county");
        long teacher = fx.user("teacher").personId();
        List<Long> team = fx.teachers(125, 2);
        long schoolProject = fx.project("API范围：校级课题", List.of(team.get(0), team.get(1), teacher));
        fx.taskEach(schoolProject);
        long round = Access.as(county, () -> projects.createRound(county.institutionId(), "API范围县级批次" + System.nanoTime() % 100000, ProjectLevel.COUNTY, null));
        List<Long> lead = fx.teachers(127, 1);
        long countyProject = Access.as(jks, () -> projects.create(new ProjectData(jks.institutionId(), round, null,
                ProjectLevel.COUNTY, false, "API范围：县级课题", lead.get(0), "科学", LocalDate.now(), LocalDate.now().plusYears(1), null)));

        // a teacher: exactly the projects they are a member of
        DocumentContext mine = json(get("/api/v1/projects").param("size", "200"), "teacher");
        List<Integer> ids = mine.read("$.items[*].id");
        List<Long> member = jdbc.sql("""
                select m.project_id from research_member m join research_project p on p.id = m.project_id
                 where m.person_id = ? and p.deleted_at is null""").param(teacher).query(Long.class).list();
        assertThat(ids.stream().map(Integer::longValue).toList()).containsExactlyInAnyOrderElementsOf(member).contains(schoolProject);
        assertThat(mine.<Integer>read("$.total")).isEqualTo(member.size());

        // the school's office: every project of its school, both
        DocumentContext office = json(get("/api/v1/projects").param("q", "API范围").param("sort", "title"), "jks");
        assertThat(office.<List<Integer>>read("$.items[*].id")).containsExactlyInAnyOrder((int) schoolProject, (int) countyProject);
        assertThat(office.<List<Integer>>read("$.items[*].schoolId")).containsOnly(jks.institutionId().intValue());
        assertThat(office.<Integer>read("$.page")).isEqualTo(1);

        // the county: county level and above only
        DocumentContext c = json(get("/api/v1/projects").param("q", "API范围"), "county");
        assertThat(c.<List<Integer>>read("$.items[*].id")).containsExactly((int) countyProject);
        DocumentContext all = json(get("/api/v1/projects").param("size", "200"), "county");
        for (Map<String, Object> p : all.<List<Map<String, Object>>>read("$.items")) {
            assertThat(ProjectLevel.valueOf((String) p.get("level")).countyOrAbove()
                    || ((Number) p.get("organizerId")).longValue() == county.institutionId()).as("%s", p).isTrue();
        }
        DocumentContext levelFilter = json(get("/api/v1/projects").param("q", "API范围").param("level", "SCHOOL"), "jks");
        assertThat(levelFilter.<List<Integer>>read("$.items[*].id")).containsExactly((int) schoolProject);

        // details: members with task counts, five stages with late flags; tasks
        mvc.perform(get("/api/v1/projects/" + schoolProject).with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.project.title").value("API范围：校级课题"))
                .andExpect(jsonPath("$.members.length()").value(3))
                .andExpect(jsonPath("$.members[0].lead").value(true))
                .andExpect(jsonPath("$.members[0].tasks").value(1))
                .andExpect(jsonPath("$.stages.length()").value(5))
                .andExpect(jsonPath("$.stages[0].stage").value("APPLICATION"))
                .andExpect(jsonPath("$.stages[0].late").value(false));
        mvc.perform(get("/api/v1/projects/" + schoolProject + "/tasks").with(TestUsers.as(users, "teacher")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].late").value(false));

        // another school of the county: 404 as problem+json, nothing in the list
        mvc.perform(get("/api/v1/projects/" + schoolProject).with(TestUsers.as(users, "teacher2")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/projects/" + countyProject + "/tasks").with(TestUsers.as(users, "teacher2")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/projects").param("q", "API范围").with(TestUsers.as(users, "teacher2")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.items", Matchers.empty()));
        // the county does not read a school-level project
        mvc.perform(get("/api/v1/projects/" + schoolProject).with(TestUsers.as(users, "county"))).andExpect(status().isNotFound());
    }

    @Test
    void myReviewsAreListedForTheReviewerOnly() throws Exception {
        mvc.perform(get("/api/v1/research/reviews").with(TestUsers.as(users, "teacher2")))
                .andExpect(status().isOk()).andExpect(jsonPath("$").isArray());
        mvc.perform(get("/api/v1/research/reviews")).andExpect(status().isUnauthorized());
    }
}
