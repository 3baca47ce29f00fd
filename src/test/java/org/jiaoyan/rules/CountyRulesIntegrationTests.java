package org.jiaoyan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.account.RoleGrant;
import org.jiaoyan.account.UserAccounts;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.People;
import org.jiaoyan.org.PersonData;
import org.jiaoyan.org.Sector;
import org.jiaoyan.org.UnitData;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.Role;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.ValidationException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * County rules (县区制度) as the county's 县区教研员 makes them on the pages and through the API — create, change from a
 * date, switch on, delete — with the dry run over the county's schools; who is refused (a school's staff, a teacher, the
 * researcher of another county); and a school tightening a county rule, never loosening it.
 */
@JiaoyanIntegrationTest
class CountyRulesIntegrationTests {

    private static final String OTHER_COUNTY = "county-lanshan";
    private static final String OTHER_PASSWORD = "Lanshan#2026ops";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Rules rules;
    @Autowired Compliance compliance;
    @Autowired OrgUnits units;
    @Autowired People people;
    @Autowired UserAccounts accounts;

    private long region;

    @BeforeEach
    void fixtures() {
        region = Access.as(user("county"), () -> rules.regionOfUser());
        Access.asSystem(() -> {
            if (free(OTHER_COUNTY)) {
                long other = units.create(new UnitData(UnitType.REGION, null, Sector.EDUCATION, null, null, "蓝山县", null,
                        null, null, null, 50));
                long office = units.create(new UnitData(UnitType.INSTITUTION, other, Sector.EDUCATION, null, null,
                        "蓝山县教师发展中心（教研室）", "蓝山县教研室", null, null, null, 0));
                long person = people.create(new PersonData(office, "蓝教研", "F", "13907299101", LocalDate.of(1978, 3, 1),
                        LocalDate.of(2000, 8, 1), null, false, null, List.of(), List.of(), List.of()));
                accounts.create(OTHER_COUNTY, OTHER_PASSWORD, person, null, List.of(new RoleGrant(Role.COUNTY_RESEARCHER, other)));
            }
            return null;
        });
    }

    private boolean free(String username) {
        try {
            users.loadUserByUsername(username);
            return false;
        } catch (UsernameNotFoundException e) {
            return true;
        }
    }

    private CurrentUser user(String name) {
        return TestUsers.load(users, name);
    }

    private static RequestPostProcessor api(String username) {
        return httpBasic(username, username.equals(OTHER_COUNTY) ? OTHER_PASSWORD : TestUsers.DEMO_PASSWORD);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private Document page(String url, String user) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(TestUsers.as(users, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** 每个教研组每个教学周至少 1 次教研活动, as the county's researcher saves it (switched off). */
    private long weeklyGroupRule(String name) {
        return Access.as(user("county"), () -> rules.createCounty(region, name, spec(PeriodKind.TEACHING_WEEK, 1), false));
    }

    private static RuleSpec spec(PeriodKind period, int threshold) {
        return new RuleSpec("activity.group-sessions", SubjectFilter.GROUPS, "TEACHING_RESEARCH", period, null, null,
                Comparison.AT_LEAST, threshold, null, 2, null, null);
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String name, String period,
                                                      String threshold) {
        return request.with(csrf()).param("name", name).param("metricId", "activity.group-sessions").param("filter", "GROUPS")
                .param("filterValue", "TEACHING_RESEARCH").param("periodKind", period).param("comparison", "AT_LEAST")
                .param("threshold", threshold).param("remindDays", "2");
    }

    @Test
    void aCountyRuleIsAboutTheCountysSchoolsNotItsHospital() {
        long id = Access.as(user("county"), () -> rules.createCounty(region, "全县教师每月听课", new RuleSpec(
                "observation.by-observer", SubjectFilter.ALL_TEACHERS, null, PeriodKind.MONTH, null, null,
                Comparison.AT_LEAST, 1, null, 2, null, null), false));
        long hospital = user("hushizhang").institutionId();
        assertThat(Access.as(user("hushizhang"), () -> rules.ofInstitution(hospital))).extracting(Rule::id).doesNotContain(id);
        assertThat(Access.as(user("jks"), () -> rules.ofInstitution(user("jks").institutionId()))).extracting(Rule::id).contains(id);
        ComplianceMatrix m = Access.as(user("county"), () -> compliance.matrix(id, LocalDate.now(), LocalDate.now(), null));
        assertThat(m.rows()).isNotEmpty().noneMatch(r -> r.subject().institutionId() == hospital);
        assertThat(m.rows()).anyMatch(r -> r.subject().institutionId() == user("jks").institutionId());
    }

    @Test
    void theCountysResearcherCreatesChangesSwitchesOnAndDeletesACountyRuleOnThePages() throws Exception {
        Document county = page("/rules/county", "county");
        assertThat(county.select("#new-county-rule").attr("href")).isEqualTo("/rules/new?region=" + region);
        // the editor: the template's sentence, and the dry run over the county's schools
        Document editor = page("/rules/new?region=" + region + "&template=TEACHER_OBSERVE_MONTHLY", "county");
        assertThat(editor.select("input[name=region]").val()).isEqualTo(String.valueOf(region));
        assertThat(editor.select("#rule-sentence").text()).isEqualTo("每位教师每月至少听课 2 节");
        assertThat(editor.select("#dry-run-result").text()).startsWith("按此制度");
        assertThat(page("/rules/preview?region=" + region + "&metricId=observation.by-observer&filter=UNDER_AGE&filterValue=40"
                + "&periodKind=MONTH&comparison=AT_LEAST&threshold=3", "county").select("#rule-sentence").text())
                .isEqualTo("每位40周岁以下教师每月至少听课 3 节");

        // bad input stays in the form with the reason at the field
        String bad = mvc.perform(form(post("/rules"), "县区页面测试制度", "TEACHING_WEEK", "5000").param("region", String.valueOf(region))
                        .with(TestUsers.as(users, "county")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(bad).select("#threshold + .invalid-feedback, .invalid-feedback").text()).contains("数量应在 0 到 1000 之间");
        assertThat(Jsoup.parse(bad).select("input[name=name]").val()).isEqualTo("县区页面测试制度");

        String location = mvc.perform(form(post("/rules"), "县区页面测试制度", "TEACHING_WEEK", "1").param("region", String.valueOf(region))
                        .with(TestUsers.as(users, "county")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/rules/".length()));
        Rule created = Access.as(user("county"), () -> rules.get(id));
        assertThat(created.regionId()).isEqualTo(region);
        assertThat(created.institutionId()).isNull();
        assertThat(created.enabled()).isFalse();
        Document detail = page("/rules/" + id, "county");
        assertThat(detail.select("#dry-run-result").text()).startsWith("按此制度");
        assertThat(detail.select("#edit-rule, #delete-rule")).hasSize(2);
        assertThat(detail.select("#tighten-rule")).isEmpty();

        // a change is a new version from a date
        LocalDate nextMonday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        assertThat(page("/rules/" + id + "/edit", "county").select("input[name=region]").val()).isEqualTo(String.valueOf(region));
        mvc.perform(form(post("/rules/" + id), "县区页面测试制度", "TEACHING_WEEK", "2").param("region", String.valueOf(region))
                        .param("version", String.valueOf(created.version())).param("effectiveFrom", nextMonday.toString())
                        .with(TestUsers.as(users, "county")))
                .andExpect(status().is3xxRedirection());
        assertThat(Access.as(user("county"), () -> rules.versions(id))).hasSize(2);
        assertThat(Access.as(user("county"), () -> rules.at(id, nextMonday)).spec().threshold()).isEqualTo(2);

        mvc.perform(post("/rules/" + id + "/enable").param("on", "true").with(csrf()).with(TestUsers.as(users, "county")))
                .andExpect(status().is3xxRedirection());
        Document list = page("/rules/county", "county");
        assertThat(list.select("#county-rule-list [data-rule-id=" + id + "] .badge").text()).contains("已启用");
        assertThat(list.select("[data-share-rule-id=" + id + "]")).hasSize(1);

        int version = Access.as(user("county"), () -> rules.get(id)).version();
        mvc.perform(post("/rules/" + id + "/delete").param("version", String.valueOf(version)).with(csrf())
                        .with(TestUsers.as(users, "county")))
                .andExpect(redirectedUrl("/rules/county?region=" + region));
        assertThatThrownBy(() -> Access.as(user("county"), () -> rules.get(id))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theApiMakesACountyRuleWithRegionIdAndVersionsIt() throws Exception {
        String body = """
                {"regionId": %d, "name": "县区接口测试制度", "spec": {"metricId": "activity.group-sessions", "filter": "GROUPS",
                 "filterValue": "TEACHING_RESEARCH", "periodKind": "TEACHING_WEEK", "comparison": "AT_LEAST", "threshold": 1}}"""
                .formatted(region);
        String created = mvc.perform(json(post("/api/v1/rules"), body).with(api("county")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rule.regionId").value(region))
                .andExpect(jsonPath("$.rule.schoolId").doesNotExist())
                .andExpect(jsonPath("$.rule.countyRule").value(true))
                .andExpect(jsonPath("$.rule.sentence").value("每个教研组每个教学周至少 1 次教研活动"))
                .andExpect(jsonPath("$.canManage").value(true))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) JsonPath.read(created, "$.rule.id")).longValue();
        int version = JsonPath.read(created, "$.rule.version");
        mvc.perform(get("/api/v1/rules?regionId=" + region).with(api("county")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", Matchers.hasItem((int) id)));
        mvc.perform(json(post("/api/v1/rules/dry-run"), """
                        {"regionId": %d, "spec": {"metricId": "activity.group-sessions", "filter": "GROUPS",
                         "filterValue": "TEACHING_RESEARCH", "periodKind": "CALENDAR_WEEK", "comparison": "AT_LEAST", "threshold": 1}}"""
                        .formatted(region)).with(api("county")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subjects", Matchers.greaterThan(10)));

        LocalDate from = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        mvc.perform(json(put("/api/v1/rules/" + id), """
                        {"version": %d, "name": "县区接口测试制度", "effectiveFrom": "%s", "note": "全县提高要求",
                         "spec": {"metricId": "activity.group-sessions", "filter": "GROUPS", "filterValue": "TEACHING_RESEARCH",
                                  "periodKind": "TEACHING_WEEK", "comparison": "AT_LEAST", "threshold": 2}}""".formatted(version, from))
                        .with(api("county")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.versions.length()").value(2))
                .andExpect(jsonPath("$.versions[1].sentence").value("每个教研组每个教学周至少 2 次教研活动"));

        // validation errors stay 422 at the field
        mvc.perform(json(post("/api/v1/rules"), body.replace("\"threshold\": 1", "\"threshold\": 5000")).with(api("county")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("spec.threshold"))
                .andExpect(jsonPath("$.errors[0].message").value("数量应在 0 到 1000 之间"));
        mvc.perform(json(post("/api/v1/rules"), body.replace("{\"regionId\"", "{\"schoolId\": 1, \"regionId\"")).with(api("county")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("regionId"));
        Access.as(user("county"), () -> {
            rules.delete(id, rules.get(id).version());
            return null;
        });
    }

    @Test
    void schoolStaffTeachersAndAnotherCountysResearcherCannotMakeOrChangeACountyRule() throws Exception {
        long id = weeklyGroupRule("县区权限测试制度");
        int version = Access.as(user("county"), () -> rules.get(id)).version();
        String body = """
                {"regionId": %d, "name": "越权的县区制度", "spec": {"metricId": "activity.group-sessions", "filter": "GROUPS",
                 "filterValue": "TEACHING_RESEARCH", "periodKind": "TEACHING_WEEK", "comparison": "AT_LEAST", "threshold": 1}}"""
                .formatted(region);
        String change = """
                {"version": %d, "name": "越权修改", "spec": {"metricId": "activity.group-sessions", "filter": "GROUPS",
                 "filterValue": "TEACHING_RESEARCH", "periodKind": "TEACHING_WEEK", "comparison": "AT_LEAST", "threshold": 0}}"""
                .formatted(version);

        // the school's 教科室主任 reads the county rule but may neither make one nor change it
        assertThatThrownBy(() -> Access.as(user("jks"), () -> rules.createCounty(region, "越权", spec(PeriodKind.MONTH, 1), false)))
                .isInstanceOf(ForbiddenException.class);
        mvc.perform(json(post("/api/v1/rules"), body).with(api("jks"))).andExpect(status().isForbidden());
        mvc.perform(json(put("/api/v1/rules/" + id), change).with(api("jks"))).andExpect(status().isForbidden());
        mvc.perform(form(post("/rules"), "越权", "TEACHING_WEEK", "1").param("region", String.valueOf(region))
                .with(TestUsers.as(users, "jks"))).andExpect(status().isForbidden());
        mvc.perform(form(post("/rules/" + id), "越权", "TEACHING_WEEK", "0").param("version", String.valueOf(version))
                .with(TestUsers.as(users, "jks"))).andExpect(status().isForbidden());
        mvc.perform(get("/rules/" + id + "/edit").with(TestUsers.as(users, "jks"))).andExpect(status().isForbidden());
        mvc.perform(get("/rules/new?region=" + region).with(TestUsers.as(users, "jks"))).andExpect(status().isNotFound());
        mvc.perform(post("/rules/" + id + "/enable").param("on", "true").with(csrf()).with(TestUsers.as(users, "jks")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/rules/" + id).with(TestUsers.as(users, "jks"))).andExpect(status().isOk());

        // a teacher of a county school neither
        mvc.perform(json(post("/api/v1/rules"), body).with(api("teacher"))).andExpect(status().isForbidden());
        mvc.perform(json(put("/api/v1/rules/" + id), change).with(api("teacher"))).andExpect(status().isForbidden());
        mvc.perform(post("/rules/" + id + "/delete").param("version", String.valueOf(version)).with(csrf())
                .with(TestUsers.as(users, "teacher"))).andExpect(status().isForbidden());
        assertThat(Access.as(user("county"), () -> rules.get(id)).version()).as("the teacher's delete changed nothing").isEqualTo(version);
        mvc.perform(get("/rules/" + id + "/tighten").with(TestUsers.as(users, "teacher"))).andExpect(status().isForbidden());

        // the researcher of another county does not even see it
        CurrentUser other = user(OTHER_COUNTY);
        assertThatThrownBy(() -> Access.as(other, () -> rules.get(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Access.as(other, () -> rules.ofRegion(region))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Access.as(other, () -> rules.createCounty(region, "越权", spec(PeriodKind.MONTH, 1), false)))
                .isInstanceOf(ForbiddenException.class);
        mvc.perform(get("/api/v1/rules/" + id).with(api(OTHER_COUNTY))).andExpect(status().isNotFound());
        mvc.perform(json(put("/api/v1/rules/" + id), change).with(api(OTHER_COUNTY))).andExpect(status().isNotFound());
        mvc.perform(json(post("/api/v1/rules"), body).with(api(OTHER_COUNTY))).andExpect(status().isForbidden());
        mvc.perform(get("/rules/" + id).with(TestUsers.as(users, OTHER_COUNTY))).andExpect(status().isNotFound());
        mvc.perform(get("/rules/" + id + "/matrix").with(TestUsers.as(users, OTHER_COUNTY))).andExpect(status().isNotFound());
        mvc.perform(get("/rules/county?region=" + region).with(TestUsers.as(users, OTHER_COUNTY))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/rules?regionId=" + region).with(api(OTHER_COUNTY))).andExpect(status().isNotFound());
        // their own county page is theirs, and empty
        assertThat(page("/rules/county", OTHER_COUNTY).select("#county-rule-list [data-rule-id]")).isEmpty();
        assertThat(Access.as(user("county"), () -> rules.get(id)).spec().threshold()).isEqualTo(1);
        Access.as(user("county"), () -> {
            rules.delete(id, rules.get(id).version());
            return null;
        });
    }

    @Test
    void aSchoolTightensACountyRuleAndIsToldWhyALooserOneIsRefused() throws Exception {
        long id = weeklyGroupRule("县区收紧测试制度");
        Access.as(user("county"), () -> {
            rules.enable(id, true);
            return null;
        });
        long school = user("jks").institutionId();
        Document detail = page("/rules/" + id, "jks");
        assertThat(detail.select("#tighten-rule").attr("href")).isEqualTo("/rules/" + id + "/tighten");
        assertThat(detail.select("#edit-rule")).isEmpty();

        Document form = page("/rules/" + id + "/tighten", "jks");
        assertThat(form.select("#tighten-county").text()).contains("每个教研组每个教学周至少 1 次教研活动");
        assertThat(form.select("input[name=name]").val()).isEqualTo("县区收紧测试制度（本校要求）");
        assertThat(form.select("input[name=threshold]").val()).isEqualTo("1");
        assertThat(form.select("#rule-form").attr("action")).isEqualTo("/rules/" + id + "/tighten");

        // looser: refused at the field, with the county's terms, the typed values kept
        Document lower = Jsoup.parse(mvc.perform(form(post("/rules/" + id + "/tighten"), "本校降低要求", "TEACHING_WEEK", "0")
                        .with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(lower.select("input[name=threshold]").hasClass("is-invalid")).isTrue();
        assertThat(lower.select(".invalid-feedback").text()).contains("县规定每个教学周至少 1 次教研活动，本校要求不能低于县规定");
        assertThat(lower.select("input[name=name]").val()).isEqualTo("本校降低要求");
        Document monthly = Jsoup.parse(mvc.perform(form(post("/rules/" + id + "/tighten"), "本校按月", "MONTH", "1")
                        .with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(monthly.select(".invalid-feedback").text()).contains("统计周期须与县规定相同");
        // every way of asking less is refused in the service too, each at its own field
        RuleSpec county = Access.as(user("jks"), () -> rules.get(id)).spec();
        List<RuleSpec> looser = List.of(
                spec(PeriodKind.TEACHING_WEEK, 0),
                spec(PeriodKind.MONTH, 1),
                new RuleSpec("activity.collective-prep", SubjectFilter.GROUPS, "TEACHING_RESEARCH", PeriodKind.TEACHING_WEEK,
                        null, null, Comparison.AT_LEAST, 1, null, 2, null, null),
                new RuleSpec("activity.group-sessions", SubjectFilter.GROUPS, "LESSON_PREP", PeriodKind.TEACHING_WEEK,
                        null, null, Comparison.AT_LEAST, 1, null, 2, null, null),
                new RuleSpec("activity.group-sessions", SubjectFilter.GROUPS, "TEACHING_RESEARCH", PeriodKind.TEACHING_WEEK,
                        null, null, Comparison.AT_LEAST, 1, null, 2, LocalDate.now().plusMonths(1), null),
                new RuleSpec("activity.group-sessions", SubjectFilter.GROUPS, "TEACHING_RESEARCH", PeriodKind.TEACHING_WEEK,
                        null, null, Comparison.AT_LEAST, 1, null, 2, null, LocalDate.now().plusMonths(1)));
        List<String> fields = List.of("threshold", "periodKind", "metricId", "filterValue", "validFrom", "validTo");
        for (int i = 0; i < looser.size(); i++) {
            RuleSpec s = looser.get(i);
            assertThat(s.loosenings(county)).isNotEmpty();
            String field = fields.get(i);
            assertThatThrownBy(() -> Access.as(user("jks"), () -> rules.tighten(id, school, "放宽", s)))
                    .isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).problems()).extracting(p -> p.field()).contains(field));
        }

        // stricter: saved, switched on, linked both ways
        String location = mvc.perform(form(post("/rules/" + id + "/tighten"), "县区收紧测试制度（本校要求）", "TEACHING_WEEK", "2")
                        .with(TestUsers.as(users, "jks")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long mine = Long.parseLong(location.substring("/rules/".length()));
        Rule tightened = Access.as(user("jks"), () -> rules.get(mine));
        assertThat(tightened.parentRuleId()).isEqualTo(id);
        assertThat(tightened.institutionId()).isEqualTo(school);
        assertThat(tightened.enabled()).isTrue();
        assertThat(tightened.spec().threshold()).isEqualTo(2);
        assertThat(page("/rules/" + id, "jks").select("#tightening-link").attr("href")).isEqualTo("/rules/" + mine);
        assertThat(page("/rules/" + mine, "jks").select("#rule-parent a").attr("href")).isEqualTo("/rules/" + id);
        // a second tightening opens the first one instead
        mvc.perform(get("/rules/" + id + "/tighten").with(TestUsers.as(users, "jks")))
                .andExpect(redirectedUrl("/rules/" + mine + "/edit"));
        // and changing the school's version through the API is held to the county rule as well
        mvc.perform(json(put("/api/v1/rules/" + mine), """
                        {"version": %d, "name": "县区收紧测试制度（本校要求）", "spec": {"metricId": "activity.group-sessions",
                         "filter": "GROUPS", "filterValue": "TEACHING_RESEARCH", "periodKind": "TEACHING_WEEK",
                         "comparison": "AT_LEAST", "threshold": 0}}""".formatted(tightened.version())).with(api("jks")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("spec.threshold"))
                .andExpect(jsonPath("$.errors[0].message").value("县规定每个教学周至少 1 次教研活动，本校要求不能低于县规定"));

        Access.as(user("jks"), () -> {
            rules.delete(mine, rules.get(mine).version());
            return null;
        });
        Access.as(user("county"), () -> {
            rules.delete(id, rules.get(id).version());
            return null;
        });
    }
}
