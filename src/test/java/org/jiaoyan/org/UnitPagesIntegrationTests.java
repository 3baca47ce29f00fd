package org.jiaoyan.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.security.Access;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@JiaoyanIntegrationTest
class UnitPagesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired OrgUnits units;
    @Autowired People people;
    @Autowired JdbcClient jdbc;
    @Autowired Terms terms;

    private long school() {
        return TestUsers.load(users, "jks").institutionId();
    }

    private long otherSchool() {
        return Access.asSystem(() -> units.institutions().stream().filter(u -> u.id() != school() && u.kindCode() != null)
                .findFirst().orElseThrow().id());
    }

    @Test
    void departmentHeadCreatesAProjectGroupWithMembers() throws Exception {
        mvc.perform(get("/units/" + school()).with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("语文教研组")));
        String name = "课题组" + (System.nanoTime() % 100000);
        mvc.perform(post("/units/save").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("type", "GROUP").param("parentId", String.valueOf(school())).param("name", name)
                        .param("groupKind", "PROJECT"))
                .andExpect(status().is3xxRedirection());
        long groupId = jdbc.sql("select id from org_unit where name = ?").param(name).query(Long.class).single();
        var staff = Access.asSystem(() -> people.ofInstitution(school()));
        mvc.perform(post("/units/unit/" + groupId + "/members").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("personIds", String.valueOf(staff.get(0).id()), String.valueOf(staff.get(1).id())))
                .andExpect(status().is3xxRedirection());
        assertThat(Access.asSystem(() -> units.get(groupId)).memberCount()).isEqualTo(2);

        long outsider = Access.asSystem(() -> people.ofInstitution(otherSchool()).get(0).id());
        mvc.perform(post("/units/unit/" + groupId + "/members").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("personIds", String.valueOf(outsider)))
                .andExpect(flash().attribute("flashError", "unit.members.outside"));
        assertThat(Access.asSystem(() -> units.memberIds(groupId))).hasSize(2).doesNotContain(outsider);
    }

    @Test
    void anotherSchoolsUnitsAreHidden() throws Exception {
        mvc.perform(get("/units/" + otherSchool()).with(TestUsers.as(users, "jks"))).andExpect(status().isNotFound());
        long foreignGroup = Access.asSystem(() -> units.unitsOf(otherSchool(), UnitType.GROUP, false).get(0).id());
        mvc.perform(post("/units/unit/" + foreignGroup + "/delete").param("version", "0")
                        .with(TestUsers.as(users, "jks")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(Access.asSystem(() -> units.get(foreignGroup)).deleted()).isFalse();
    }

    @Test
    void termsShowChineseLabelsAndRefuseOverlaps() throws Exception {
        mvc.perform(get("/terms").with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("学年第一学期")))
                .andExpect(content().string(Matchers.containsString("本周为第")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*\\d{4}年\\d{1,2}月\\d{1,2}日.*")));
        var current = terms.current().orElseThrow();
        mvc.perform(post("/terms/new").with(TestUsers.as(users, "admin")).with(csrf())
                        .param("schoolYear", String.valueOf(current.schoolYear())).param("semester", "1")
                        .param("startDate", current.startDate().plusDays(7).toString())
                        .param("endDate", current.endDate().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("与已有学期重复或日期重叠")));
        mvc.perform(get("/terms/new").with(TestUsers.as(users, "jks"))).andExpect(status().isForbidden());
    }
}
