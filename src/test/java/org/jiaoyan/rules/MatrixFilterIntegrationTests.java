package org.jiaoyan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The matrix narrowed by 教研组/备课组 and by 学科, the same on the page, in the .xlsx and through the API, always
 * inside what the user may see: the demo school's rules over its groups, teachers and mentor pairs.
 */
@JiaoyanIntegrationTest
class MatrixFilterIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Rules rules;
    @Autowired Compliance compliance;
    @Autowired OrgDirectory directory;
    @Autowired JdbcClient jdbc;

    private CurrentUser user(String name) {
        return TestUsers.load(users, name);
    }

    private long school() {
        return user("jks").institutionId();
    }

    private Rule demoRule(String template) {
        return Access.as(user("jks"), () -> rules.ofInstitution(school())).stream()
                .filter(r -> template.equals(r.templateCode())).findFirst().orElseThrow();
    }

    private Rule countyRule() {
        long region = Access.as(user("county"), () -> rules.regionOfUser());
        return Access.as(user("county"), () -> rules.ofRegion(region)).stream().filter(Rule::enabled).findFirst().orElseThrow();
    }

    /** The 语文教研组 of the demo school, led by zuzhang. */
    private long chineseGroup() {
        return group(school(), "TEACHING_RESEARCH", "CHINESE");
    }

    private long group(long institution, String kind, String subject) {
        return jdbc.sql("""
                select min(id) from org_unit where institution_id = ? and type = 'GROUP' and group_kind = ? and subject_code = ?
                   and deleted_at is null""").params(institution, kind, subject).query(Long.class).single();
    }

    private Set<Long> members(long group) {
        return new HashSet<>(jdbc.sql("select person_id from unit_member where unit_id = ?").param(group).query(Long.class).list());
    }

    private Set<Long> teachersOf(String subject) {
        return new HashSet<>(jdbc.sql("select person_id from person_subject where subject_code = ?").param(subject)
                .query(Long.class).list());
    }

    private Document page(String url, String user) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(TestUsers.as(users, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The subject ids of the matrix's rows as the page shows them. */
    private static Set<Long> rows(Document page) {
        return page.select("#compliance-matrix tbody tr[data-subject-id]").stream()
                .map(tr -> Long.parseLong(tr.attr("data-subject-id"))).collect(Collectors.toSet());
    }

    private static String last3Months() {
        LocalDate today = LocalDate.now();
        return "from=" + today.minusMonths(3).withDayOfMonth(1) + "&to=" + today;
    }

    /** The distinct subject ids of every compliance item the API answers (all pages). */
    private Set<Long> apiSubjects(String user, String query) throws Exception {
        Set<Long> ids = new HashSet<>();
        for (int page = 1; ; page++) {
            String json = mvc.perform(get("/api/v1/compliance?" + query + "&size=100&page=" + page)
                            .with(httpBasic(user, TestUsers.DEMO_PASSWORD)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            List<Number> found = JsonPath.read(json, "$.items[*].subjectId");
            found.forEach(n -> ids.add(n.longValue()));
            if (found.size() < 100) {
                return ids;
            }
        }
    }

    @Test
    void aTeacherRuleByGroupKeepsTheGroupsMembersAndBySubjectThoseWhoTeachIt() throws Exception {
        Rule monthly = demoRule("TEACHER_OBSERVE_MONTHLY");
        String base = "/rules/" + monthly.id() + "/matrix?" + last3Months();
        Set<Long> all = rows(page(base, "jks"));
        long chinese = chineseGroup();

        Document byGroup = page(base + "&group=" + chinese, "jks");
        Set<Long> expected = new HashSet<>(all);
        expected.retainAll(members(chinese));
        assertThat(expected).isNotEmpty().hasSizeLessThan(all.size());
        assertThat(rows(byGroup)).isEqualTo(expected);
        // the form keeps the choice, and offers the school's groups under their kinds
        assertThat(byGroup.select("#m-group option[selected]").attr("value")).isEqualTo(String.valueOf(chinese));
        assertThat(byGroup.select("#m-group optgroup").eachAttr("label")).contains("教研组", "备课组");
        assertThat(byGroup.select("#matrix-export").attr("href")).contains("group=" + chinese);

        Document bySubject = page(base + "&subject=MATH", "jks");
        Set<Long> math = new HashSet<>(all);
        math.retainAll(teachersOf("MATH"));
        assertThat(math).isNotEmpty();
        assertThat(rows(bySubject)).isEqualTo(math);
        assertThat(bySubject.select("#m-subject option[selected]").text()).isEqualTo("数学");

        // both at once: the 语文教研组's members who (also) teach 数学 — none of the others
        Set<Long> both = new HashSet<>(expected);
        both.retainAll(teachersOf("MATH"));
        assertThat(rows(page(base + "&group=" + chinese + "&subject=MATH", "jks"))).isEqualTo(both);
    }

    @Test
    void aGroupRuleByGroupKeepsTheGroupAndTheGroupsMadeOfItsMembers() throws Exception {
        long chinese = chineseGroup();
        Rule weekly = demoRule("TR_GROUP_WEEKLY");
        assertThat(rows(page("/rules/" + weekly.id() + "/matrix?" + last3Months() + "&group=" + chinese, "jks")))
                .containsExactly(chinese);
        // the 备课组 rule filtered by the 语文教研组: its 语文备课组 (each made only of its members), no 数学备课组
        Rule prep = demoRule("PREP_GROUP_WEEKLY");
        Set<Long> prepRows = rows(page("/rules/" + prep.id() + "/matrix?" + last3Months() + "&group=" + chinese, "jks"));
        assertThat(prepRows).isNotEmpty().contains(group(school(), "LESSON_PREP", "CHINESE"))
                .doesNotContain(group(school(), "LESSON_PREP", "MATH"));
        assertThat(prepRows).allSatisfy(id -> assertThat(members(chinese)).containsAll(members(id)));
        // by 学科: the groups of that subject
        Set<Long> mathGroups = rows(page("/rules/" + weekly.id() + "/matrix?" + last3Months() + "&subject=MATH", "jks"));
        assertThat(mathGroups).containsExactly(group(school(), "TEACHING_RESEARCH", "MATH"));
    }

    @Test
    void aPairRuleByGroupKeepsThePairsWithAMemberOfTheGroup() throws Exception {
        Rule pairs = demoRule("MENTOR_MUTUAL_WEEKLY");
        ComplianceMatrix all = Access.as(user("jks"), () -> compliance.matrix(pairs.id(), LocalDate.now().minusMonths(3), LocalDate.now(), null));
        assertThat(all.rows()).isNotEmpty();
        ComplianceMatrix.Row pair = all.rows().get(0);
        // (a row read from a frozen month carries no people: ask the pair itself)
        long mentor = jdbc.sql("select mentor_id from mentor_pair where id = ?").param(pair.subject().id()).query(Long.class).single();
        long group = jdbc.sql("select min(unit_id) from unit_member m join org_unit u on u.id = m.unit_id where m.person_id = ?"
                + " and u.type = 'GROUP' and u.deleted_at is null").param(mentor).query(Long.class).single();
        Set<Long> filtered = rows(page("/rules/" + pairs.id() + "/matrix?" + last3Months() + "&group=" + group, "jks"));
        assertThat(filtered).contains(pair.subject().id());
        Set<Long> members = members(group);
        assertThat(filtered).allSatisfy(id -> assertThat(jdbc.sql("select mentor_id, apprentice_id from mentor_pair where id = ?")
                .param(id).query((rs, i) -> List.of(rs.getLong(1), rs.getLong(2))).single()).containsAnyElementsOf(members));
    }

    @Test
    void theExportHasTheRowsOfThePageWithTheSameFilters() throws Exception {
        Rule monthly = demoRule("TEACHER_OBSERVE_MONTHLY");
        long chinese = chineseGroup();
        String query = last3Months() + "&group=" + chinese + "&subject=CHINESE";
        Document page = page("/rules/" + monthly.id() + "/matrix?" + query, "jks");
        List<String> names = page.select("#compliance-matrix tbody tr[data-subject-id] th span").eachText();
        assertThat(names).isNotEmpty();
        byte[] xlsx = mvc.perform(get("/rules/" + monthly.id() + "/matrix.xlsx?" + query).with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> exported = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            // below the title and the header, above the totals row
            for (int i = 2; i < sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                exported.add(row.getCell(1).getStringCellValue());
            }
        }
        assertThat(exported).containsExactlyElementsOf(names);
        // an unknown 学科 in the export is refused, not ignored
        mvc.perform(get("/rules/" + monthly.id() + "/matrix.xlsx?subject=NO_SUCH").with(TestUsers.as(users, "jks")))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void theApiFiltersByGroupAndSubjectLikeThePage() throws Exception {
        Rule monthly = demoRule("TEACHER_OBSERVE_MONTHLY");
        long chinese = chineseGroup();
        LocalDate today = LocalDate.now();
        String range = "ruleId=" + monthly.id() + "&from=" + today.minusMonths(3).withDayOfMonth(1) + "&to=" + today;
        assertThat(apiSubjects("jks", range + "&groupId=" + chinese))
                .isEqualTo(rows(page("/rules/" + monthly.id() + "/matrix?" + last3Months() + "&group=" + chinese, "jks")));
        assertThat(apiSubjects("jks", range + "&subject=MATH"))
                .isEqualTo(rows(page("/rules/" + monthly.id() + "/matrix?" + last3Months() + "&subject=MATH", "jks")));
        mvc.perform(get("/api/v1/compliance?" + range + "&subject=NO_SUCH").with(httpBasic("jks", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("subject"))
                .andExpect(jsonPath("$.errors[0].message").value("没有这个学科"));
        // a group of another school is not a group of this rule's school
        long township = directory.institutionOfPerson(user("teacher2").personId()).orElseThrow();
        mvc.perform(get("/api/v1/compliance?" + range + "&groupId=" + group(township, "TEACHING_RESEARCH", "CHINESE"))
                        .with(httpBasic("jks", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void filtersWorkInsideWhatTheUserMaySee() throws Exception {
        Rule monthly = demoRule("TEACHER_OBSERVE_MONTHLY");
        long chinese = chineseGroup();
        long math = group(school(), "TEACHING_RESEARCH", "MATH");
        // a group leader is offered the groups they lead, and sees their members' rows
        Document leader = page("/rules/" + monthly.id() + "/matrix?" + last3Months(), "zuzhang");
        assertThat(leader.select("#m-group option").eachAttr("value")).contains(String.valueOf(chinese))
                .doesNotContain(String.valueOf(math));
        assertThat(rows(page("/rules/" + monthly.id() + "/matrix?" + last3Months() + "&group=" + chinese, "zuzhang")))
                .isNotEmpty().isSubsetOf(members(chinese));
        // a group they may not see is dropped on the page and refused by the API
        assertThat(rows(page("/rules/" + monthly.id() + "/matrix?" + last3Months() + "&group=" + math, "zuzhang")))
                .isEqualTo(rows(leader));
        LocalDate today = LocalDate.now();
        mvc.perform(get("/api/v1/compliance?ruleId=" + monthly.id() + "&from=" + today.minusMonths(1) + "&to=" + today
                        + "&groupId=" + math).with(httpBasic("zuzhang", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
        // a teacher still sees only their own row, whatever the filter
        long me = user("teacher").personId();
        assertThat(rows(page("/rules/" + monthly.id() + "/matrix?" + last3Months() + "&subject=CHINESE&group=" + chinese, "teacher")))
                .isSubsetOf(Set.of(me));
        assertThat(page("/rules/" + monthly.id() + "/matrix", "teacher").select("#m-group option[value!=]").eachAttr("value"))
                .allSatisfy(g -> assertThat(directory.groupsLedBy(me)).contains(Long.parseLong(g)));
    }

    @Test
    void theCountyFiltersItsRuleBySchoolAndGroup() throws Exception {
        Rule county = countyRule();
        long township = directory.institutionOfPerson(user("teacher2").personId()).orElseThrow();
        long townshipChinese = group(township, "TEACHING_RESEARCH", "CHINESE");
        Document all = page("/rules/" + county.id() + "/matrix?" + last3Months(), "county");
        // without a school, the groups of every school, headed by school
        assertThat(all.select("#m-group optgroup").eachAttr("label")).anyMatch(l -> l.endsWith("· 教研组")).hasSizeGreaterThan(1);
        assertThat(all.select(".alert").text()).doesNotContain("只显示与你有关的行");
        Document filtered = page("/rules/" + county.id() + "/matrix?" + last3Months() + "&school=" + township
                + "&group=" + townshipChinese, "county");
        assertThat(rows(filtered)).containsExactly(townshipChinese);
        // a school's manager sees their own school's rows of the county rule, and only its groups
        Document jks = page("/rules/" + county.id() + "/matrix?" + last3Months(), "jks");
        assertThat(jks.select("#m-group option").eachAttr("value")).doesNotContain(String.valueOf(townshipChinese));
        mvc.perform(get("/api/v1/compliance?ruleId=" + county.id() + "&groupId=" + townshipChinese)
                        .with(httpBasic("jks", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
    }
}
