package org.jiaoyan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.activity.Activities;
import org.jiaoyan.observation.EvaluationForms;
import org.jiaoyan.observation.ObservationFixtures;
import org.jiaoyan.observation.Observations;
import org.jiaoyan.org.GroupKind;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.Sector;
import org.jiaoyan.org.UnitData;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The rules API as an integrator meets it: a rule made from a template, tried, switched on and read back as compliance
 * items whose states follow activities created through the activity API; versions and stale edits; field errors;
 * other schools kept out; a teacher's own rows.
 */
@JiaoyanIntegrationTest
class RuleApiIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired OrgUnits units;
    @Autowired Activities activities;
    @Autowired Exemptions exemptions;
    @Autowired Observations observations;
    @Autowired EvaluationForms forms;

    private CurrentUser jks;
    private long school;

    @BeforeEach
    void accounts() {
        jks = TestUsers.load(users, "jks");
        school = jks.institutionId();
    }

    private static RequestPostProcessor as(String username) {
        return httpBasic(username, username.equals("admin") ? TestUsers.ADMIN_PASSWORD : TestUsers.DEMO_PASSWORD);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private DocumentContext read(MockHttpServletRequestBuilder request) throws Exception {
        return JsonPath.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    /** A 教研组 of jks's school that no other test records activities for; "0" sorts it first among the groups. */
    private long freshGroup(String name) {
        return Access.as(jks, () -> units.create(new UnitData(UnitType.GROUP, school, Sector.EDUCATION, null,
                GroupKind.TEACHING_RESEARCH, name, null, null, null, null, 999)));
    }

    private long researchType() {
        return Access.as(jks, () -> activities.types()).stream().filter(t -> t.name().equals("教研活动")).findFirst()
                .orElseThrow().id();
    }

    private long createRule(String body) throws Exception {
        String created = mvc.perform(json(post("/api/v1/rules"), body).with(as("jks")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.startsWith("/api/v1/rules/")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(created, "$.rule.id")).longValue();
    }

    @Test
    void aTemplateRuleIsTriedSwitchedOnAndJudgesTheGroupsActivitiesWeekByWeek() throws Exception {
        String groupName = "0号接口制度组" + System.nanoTime() % 100000;
        long group = freshGroup(groupName);
        LocalDate today = LocalDate.now();
        LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate threeAgo = thisWeek.minusWeeks(3);
        LocalDate twoAgo = thisWeek.minusWeeks(2);
        LocalDate lastWeek = thisWeek.minusWeeks(1);

        // the template as it is, but counted by calendar week so that the test does not depend on the term's weeks
        long id = createRule("""
                {"schoolId": %d, "templateCode": "TR_GROUP_WEEKLY", "spec": {"periodKind": "CALENDAR_WEEK"}}""".formatted(school));
        mvc.perform(get("/api/v1/rules/" + id).with(as("jks")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rule.name").value("教研组每周教研活动"))
                .andExpect(jsonPath("$.rule.templateCode").value("TR_GROUP_WEEKLY"))
                .andExpect(jsonPath("$.rule.schoolId").value(school))
                .andExpect(jsonPath("$.rule.enabled").value(false))
                .andExpect(jsonPath("$.rule.spec.metricId").value("activity.group-sessions"))
                .andExpect(jsonPath("$.rule.spec.filter").value("GROUPS"))
                .andExpect(jsonPath("$.rule.spec.filterValue").value("TEACHING_RESEARCH"))
                .andExpect(jsonPath("$.rule.spec.periodKind").value("CALENDAR_WEEK"))
                .andExpect(jsonPath("$.rule.spec.threshold").value(1))
                .andExpect(jsonPath("$.rule.sentence", Matchers.containsString("至少")))
                .andExpect(jsonPath("$.canManage").value(true))
                .andExpect(jsonPath("$.versions.length()").value(1));
        mvc.perform(get("/api/v1/rules").param("schoolId", String.valueOf(school)).param("size", "200").with(as("jks")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", Matchers.hasItem((int) id)))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(200))
                .andExpect(jsonPath("$.total").isNumber());

        // one session two weeks ago, through the activity API
        mvc.perform(json(post("/api/v1/activities"), """
                        {"organiserUnitId": %d, "typeId": %d, "title": "单元整体教学研讨", "startsAt": "%sT15:00:00",
                         "endsAt": "%sT16:30:00"}""".formatted(group, researchType(), twoAgo.plusDays(2), twoAgo.plusDays(2)))
                        .with(as("jks")))
                .andExpect(status().isCreated());

        // the dry run judges the three closed weeks (no exemptions yet): the new group missed two of them
        mvc.perform(json(post("/api/v1/rules/dry-run"), """
                        {"schoolId": %d, "templateCode": "TR_GROUP_WEEKLY", "spec": {"periodKind": "CALENDAR_WEEK"},
                         "from": "%s", "to": "%s"}""".formatted(school, threeAgo, today)).with(as("jks")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.periods.length()").value(3))
                .andExpect(jsonPath("$.periods[0].from").value(threeAgo.toString()))
                .andExpect(jsonPath("$.periods[2].to").value(thisWeek.minusDays(1).toString()))
                .andExpect(jsonPath("$.subjects").value(Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.flagged").value(Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.examples", Matchers.hasItem(groupName)));

        // only those who manage the school switch it on; another school does not see it at all
        mvc.perform(post("/api/v1/rules/" + id + "/enable").with(as("teacher")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post("/api/v1/rules/" + id + "/enable").with(as("teacher2"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/rules/" + id + "/enable").with(as("jks")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rule.enabled").value(true));
        mvc.perform(post("/api/v1/rules/" + id + "/disable").with(as("jks")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rule.enabled").value(false));
        mvc.perform(post("/api/v1/rules/" + id + "/enable").with(as("jks")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rule.enabled").value(true));

        // the sports-day week three weeks ago is exempt for the group
        Access.as(jks, () -> exemptions.add(id, group, threeAgo, threeAgo.plusDays(6), "运动会"));

        DocumentContext page = read(get("/api/v1/compliance").param("ruleId", String.valueOf(id))
                .param("from", threeAgo.toString()).param("to", today.toString()).param("size", "200").with(as("jks")));
        String mine = "$.items[?(@.subjectId == " + group + ")]";
        assertThat(page.<List<String>>read(mine + ".state")).containsExactly("EXEMPT", "MET", "NOT_MET", "NOT_DUE");
        assertThat(page.<List<Integer>>read(mine + ".count")).containsExactly(0, 1, 0, 0);
        assertThat(page.<List<String>>read(mine + ".periodFrom"))
                .containsExactly(threeAgo.toString(), twoAgo.toString(), lastWeek.toString(), thisWeek.toString());
        assertThat(page.<List<String>>read(mine + ".subjectName")).containsOnly(groupName);
        assertThat(page.<List<String>>read(mine + ".period")).allSatisfy(p -> assertThat(p).contains("月"));
        int total = page.read("$.total");
        assertThat(total).isEqualTo(page.<List<Object>>read("$.items").size()).isGreaterThanOrEqualTo(4);
        // the group sorts first, so its four weeks are the first page of two items and the second
        mvc.perform(get("/api/v1/compliance").param("ruleId", String.valueOf(id)).param("from", threeAgo.toString())
                        .param("to", today.toString()).param("page", "2").param("size", "2").with(as("jks")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].subjectId").value(group))
                .andExpect(jsonPath("$.items[0].state").value("NOT_MET"))
                .andExpect(jsonPath("$.items[0].periodTo").value(lastWeek.plusDays(6).toString()))
                .andExpect(jsonPath("$.total").value(total))
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.size").value(2));

        // another school's teacher finds neither the rule nor its compliance
        mvc.perform(get("/api/v1/rules/" + id).with(as("teacher2")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("记录不存在，或您无权查看"));
        mvc.perform(get("/api/v1/compliance").param("ruleId", String.valueOf(id)).with(as("teacher2")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/rules").param("schoolId", String.valueOf(school)).with(as("teacher2")))
                .andExpect(status().isNotFound());
        mvc.perform(json(put("/api/v1/rules/" + id), """
                        {"version": 3, "name": "改", "spec": {"metricId": "activity.group-sessions", "filter": "GROUPS",
                         "filterValue": "TEACHING_RESEARCH", "periodKind": "CALENDAR_WEEK", "comparison": "AT_LEAST", "threshold": 0}}""")
                        .with(as("teacher2")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/compliance").param("ruleId", "987654321").with(as("jks"))).andExpect(status().isNotFound());
    }

    @Test
    void aChangeIsANewVersionFromItsDayAndAStaleOneIsRefused() throws Exception {
        long id = createRule("""
                {"schoolId": %d, "templateCode": "PREP_GROUP_WEEKLY", "name": "备课组每周集体备课（接口）"}""".formatted(school));
        LocalDate nextMonday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String change = """
                {"version": %d, "effectiveFrom": "%s", "name": "备课组每周集体备课（接口）", "note": "期中后加密",
                 "spec": {"metricId": "activity.collective-prep", "filter": "GROUPS", "filterValue": "LESSON_PREP",
                          "periodKind": "TEACHING_WEEK", "comparison": "AT_LEAST", "threshold": %d}}""";
        mvc.perform(json(put("/api/v1/rules/" + id), change.formatted(0, nextMonday, 2)).with(as("jks")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rule.version").value(1))
                .andExpect(jsonPath("$.rule.spec.threshold").value(1))   // today the first version is still in force
                .andExpect(jsonPath("$.versions.length()").value(2))
                .andExpect(jsonPath("$.versions[0].current").value(true))
                .andExpect(jsonPath("$.versions[1].effectiveFrom").value(nextMonday.toString()))
                .andExpect(jsonPath("$.versions[1].spec.threshold").value(2))
                .andExpect(jsonPath("$.versions[1].current").value(false));
        mvc.perform(json(put("/api/v1/rules/" + id), change.formatted(0, nextMonday, 3)).with(as("jks")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("此记录已被他人修改，请刷新后重试"));
        mvc.perform(get("/api/v1/rules/" + id).with(as("jks")))
                .andExpect(jsonPath("$.versions[1].spec.threshold").value(2));
        // a teacher of the school reads the rule but may not change it
        mvc.perform(get("/api/v1/rules/" + id).with(as("teacher")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.canManage").value(false));
        mvc.perform(json(put("/api/v1/rules/" + id), change.formatted(1, nextMonday, 3)).with(as("teacher")))
                .andExpect(status().isForbidden());
    }

    @Test
    void badInputIsRefusedAtItsFieldInChinese() throws Exception {
        mvc.perform(json(post("/api/v1/rules"), """
                        {"schoolId": %d, "templateCode": "TR_GROUP_WEEKLY", "spec": {"threshold": -1}}""".formatted(school))
                        .with(as("jks")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("spec.threshold"))
                .andExpect(jsonPath("$.errors[0].message").value("数量应在 0 到 1000 之间"));
        mvc.perform(json(post("/api/v1/rules"), """
                        {"schoolId": %d, "name": "没有模板", "spec": {"metricId": "observation.by-observer"}}""".formatted(school))
                        .with(as("jks")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder(
                        "spec.filter", "spec.periodKind", "spec.comparison", "spec.threshold")))
                .andExpect(jsonPath("$.errors[0].message").value("必填"));
        mvc.perform(json(post("/api/v1/rules"), """
                        {"schoolId": %d, "templateCode": "NO_SUCH_TEMPLATE"}""".formatted(school)).with(as("jks")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("templateCode"))
                .andExpect(jsonPath("$.errors[0].message").value("没有这个模板"));
        mvc.perform(json(post("/api/v1/rules/dry-run"), """
                        {"schoolId": %d, "templateCode": "TEACHER_OBSERVE_MONTHLY", "spec": {"filter": "UNDER_AGE", "filterValue": "四十"}}"""
                        .formatted(school)).with(as("jks")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("spec.filterValue"))
                .andExpect(jsonPath("$.errors[0].message").value("请填写数字，如 40"));
        mvc.perform(json(post("/api/v1/rules/dry-run"), """
                        {"schoolId": %d, "templateCode": "TEACHER_OBSERVE_MONTHLY", "from": "2026-05-01", "to": "2026-04-01"}"""
                        .formatted(school)).with(as("jks")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.errors[0].message").value("结束日期不能早于开始日期"));
        mvc.perform(json(post("/api/v1/rules"), """
                        {"schoolId": %d, "templateCode": "TR_GROUP_WEEKLY", "spec": {"comparison": "MORE_OR_LESS"}}""".formatted(school))
                        .with(as("jks")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        long id = createRule("""
                {"schoolId": %d, "templateCode": "TR_GROUP_WEEKLY", "name": "缺版本"}""".formatted(school));
        mvc.perform(json(put("/api/v1/rules/" + id), """
                        {"name": "缺版本", "spec": {"threshold": 5000}}""").with(as("jks")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        // creating in another school is not allowed, whatever the body says
        long otherSchool = TestUsers.load(users, "teacher2").institutionId();
        mvc.perform(json(post("/api/v1/rules"), """
                        {"schoolId": %d, "templateCode": "TR_GROUP_WEEKLY"}""".formatted(otherSchool)).with(as("jks")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTeacherSeesOnlyTheirOwnRowsAndAnAccountWithoutATeacherNone() throws Exception {
        long id = createRule("""
                {"schoolId": %d, "templateCode": "TEACHER_OBSERVE_MONTHLY", "name": "每月听课（接口）", "spec": {"threshold": 1}}"""
                .formatted(school));
        mvc.perform(post("/api/v1/rules/" + id + "/enable").with(as("jks"))).andExpect(status().isOk());
        CurrentUser teacher = TestUsers.load(users, "teacher");
        long zuzhang = TestUsers.load(users, "zuzhang").personId();
        ObservationFixtures fx = new ObservationFixtures(users, observations, forms);
        long form = fx.twoCriterionForm("接口制度评价表" + System.nanoTime() % 100000);
        LocalDate today = LocalDate.now();
        fx.observe(teacher, zuzhang, form, "《秋天的雨》", 50, 30, today);
        LocalDate monthStart = today.withDayOfMonth(1);

        DocumentContext mine = read(get("/api/v1/me/compliance").param("from", monthStart.toString())
                .param("to", today.toString()).param("size", "200").with(as("teacher")));
        String ofRule = "$.items[?(@.ruleId == " + id + ")]";
        assertThat(mine.<List<Number>>read(ofRule + ".subjectId")).containsExactly(teacher.personId().intValue());
        assertThat(mine.<List<String>>read(ofRule + ".state")).containsExactly("MET");
        assertThat(mine.<List<String>>read(ofRule + ".ruleName")).containsExactly("每月听课（接口）");
        assertThat(mine.<List<String>>read(ofRule + ".periodFrom")).containsExactly(monthStart.toString());
        assertThat(mine.<List<Integer>>read(ofRule + ".count")).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(1));
        assertThat(mine.<List<Number>>read("$.items[?(@.ruleId == " + id + " && @.subjectId != " + teacher.personId() + ")]"))
                .isEmpty();

        // the office sees every teacher's row; the teacher, without public ranking, only their own
        DocumentContext all = read(get("/api/v1/compliance").param("ruleId", String.valueOf(id)).param("from", monthStart.toString())
                .param("to", today.toString()).param("size", "200").with(as("jks")));
        assertThat(all.<Integer>read("$.total")).isGreaterThan(10);
        DocumentContext own = read(get("/api/v1/compliance").param("ruleId", String.valueOf(id)).param("from", monthStart.toString())
                .param("to", today.toString()).with(as("teacher")));
        assertThat(own.<List<Number>>read("$.items[*].subjectId")).containsOnly(teacher.personId().intValue());

        mvc.perform(get("/api/v1/me/compliance").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0))
                .andExpect(jsonPath("$.total").value(0));
    }
}
