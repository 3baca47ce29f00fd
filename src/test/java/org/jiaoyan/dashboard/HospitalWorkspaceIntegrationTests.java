package org.jiaoyan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.quality.Drills;
import org.jiaoyan.quality.StaffMember;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A hospital user gets a hospital's product (menu, words and 工作台 of 质控与演练), a teacher the school's as before, and
 * the school pages a hospital user can still type in show nothing of the schools.
 */
@JiaoyanIntegrationTest
class HospitalWorkspaceIntegrationTests {

    /** The teacher's menu as it was before menus depended on the kind of institution. */
    private static final List<String> TEACHER_MENU = List.of("工作台", "学期计划", "我的任务", "工作制度", "教研活动", "听课记录",
            "评价表", "青蓝工程", "月查考核", "课题研究", "学期考核", "教师", "组织机构", "学年学期", "我的考核", "通知", "通知设置", "我的成长档案",
            "个人中心", "接口文档");

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired Drills drills;
    @Autowired Terms terms;

    private Document page(String url, String user) throws Exception {
        String html = mvc.perform(get(url).with(TestUsers.as(users, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    private static List<String> menu(Document page) {
        return page.select("nav.app-menu a.nav-link").eachText();
    }

    private static List<String> menuLinks(Document page) {
        return page.select("nav.app-menu a.nav-link").eachAttr("href");
    }

    @Test
    void theHeadNurseSeesTheHospitalMenuWithItsOwnWordsAndNoSchoolModules() throws Exception {
        Document home = page("/", "hushizhang");
        assertThat(menu(home)).contains("工作台", "工作计划", "我的任务", "工作制度", "质控与演练", "医护人员", "科室")
                .doesNotContain("教研活动", "听课记录", "评价表", "青蓝工程", "月查考核", "课题研究", "学年学期", "教师", "组织机构", "学期计划");
        assertThat(menuLinks(home)).doesNotContain("/activities", "/observations", "/forms", "/mentoring", "/terms")
                .contains("/quality", "/people", "/units", "/plans", "/rules");
        assertThat(home.select(".app-menu-heading").eachText()).doesNotContain("教研记录").contains("科室质控");
        assertThat(home.selectFirst(".navbar-brand").text()).isEqualTo("科室质量管理平台");
        // any page of the app has the same menu
        assertThat(menu(page("/quality/checks", "hushizhang"))).isEqualTo(menu(home));
        // the staff list speaks of 医护人员 and their hospital, without teachers' subjects
        Document people = page("/people", "hushizhang");
        assertThat(people.selectFirst("h1").text()).isEqualTo("医护人员");
        assertThat(people.select("#people-table th").eachText()).contains("医院").doesNotContain("学校", "任教学科");
        assertThat(page("/people", "jks").select("#people-table th").eachText()).contains("学校", "任教学科");
    }

    @Test
    void theHeadNursesDashboardShowsHerDepartmentsQualityRecordsAndNoSchoolCards() throws Exception {
        CurrentUser head = TestUsers.load(users, "hushizhang");
        long ward = jdbc.sql("select id from org_unit where leader_id = ? and type = 'DEPARTMENT'").param(head.personId())
                .query(Long.class).single();
        LocalDate from = LocalDate.now().withDayOfMonth(1);
        LocalDate to = LocalDate.now().withDayOfMonth(LocalDate.now().lengthOfMonth());
        long checks = jdbc.sql("select count(*) from quality_check where unit_id = ? and deleted_at is null and checked_on between ? and ?")
                .params(ward, from, to).query(Long.class).single();
        long sessions = jdbc.sql("select count(*) from quality_training where unit_id = ? and deleted_at is null and held_on between ? and ?")
                .params(ward, from, to).query(Long.class).single();

        Document home = page("/", "hushizhang");
        Element card = home.getElementById("quality-" + ward);
        assertThat(card).isNotNull();
        assertThat(card.selectFirst("h2").text()).contains("妇产科").contains("质控与演练");
        assertThat(card.selectFirst(".quality-checks .stat-value").text()).isEqualTo(checks + " 项");
        assertThat(card.selectFirst(".quality-checks").attr("href"))
                .isEqualTo("/quality/checks?unit=" + ward + "&month=" + java.time.YearMonth.now());
        assertThat(card.selectFirst(".quality-trainings .stat-value").text()).isEqualTo(sessions + " 次");
        // the demo leaves staff without a passed drill this term, named on the card
        SchoolTerm term = Access.asSystem(() -> terms.current(LocalDate.now())).orElseThrow();
        List<String> notPassed = Access.as(head, () -> drills.notYetPassed(ward, term.startDate(), term.endDate()))
                .stream().map(StaffMember::name).toList();
        Element drillCard = card.selectFirst(".quality-drills");
        assertThat(drillCard).isNotNull();
        assertThat(drillCard.selectFirst(".stat-value").text()).isEqualTo(notPassed.size() + " 人");
        assertThat(notPassed).isNotEmpty().allMatch(name -> drillCard.text().contains(name));

        // hospital figures in hospital words; no school cards
        assertThat(home.select("#dashboard-stats .text-muted").eachText())
                .contains("在职医护人员", "40 岁以下青年医护人员", "科室").doesNotContain("学校", "教研组 / 备课组");
        long departments = jdbc.sql("select count(*) from org_unit where institution_id = ? and type = 'DEPARTMENT' and deleted_at is null")
                .param(head.institutionId()).query(Long.class).single();
        assertThat(home.getElementById("stat-departments").text()).isEqualTo(String.valueOf(departments));
        assertThat(home.getElementById("dashboard-activities")).isNull();
        assertThat(home.getElementById("dashboard-observations")).isNull();
        assertThat(home.select("#main a[href^=/observations], #main a[href^=/activities]")).isEmpty();
    }

    @Test
    void aTeachersMenuAndDashboardAreTheSchoolsAsBefore() throws Exception {
        Document home = page("/", "teacher");
        assertThat(menu(home)).isEqualTo(TEACHER_MENU);
        assertThat(home.selectFirst(".navbar-brand").text()).isEqualTo("教科研工作平台");
        assertThat(home.select(".dashboard-quality")).isEmpty();
        assertThat(home.getElementById("dashboard-observations")).isNotNull();
        assertThat(home.getElementById("dashboard-activities")).isNotNull();
        // a principal's figures keep the school words
        assertThat(page("/", "principal").select("#dashboard-stats .text-muted").eachText())
                .contains("学校", "教研组 / 备课组").doesNotContain("科室");
    }

    @Test
    void schoolPagesTypedInByAHospitalUserShowNothingOfTheSchools() throws Exception {
        long activity = jdbc.sql("select min(a.id) from activity a join org_unit i on i.id = a.institution_id where i.sector = 'EDUCATION'")
                .query(Long.class).single();
        String title = jdbc.sql("select title from activity where id = ?").param(activity).query(String.class).single();
        long observation = jdbc.sql("select min(o.id) from observation o join org_unit i on i.id = o.institution_id where i.sector = 'EDUCATION'")
                .query(Long.class).single();
        mvc.perform(get("/activities/" + activity).with(TestUsers.as(users, "hushizhang"))).andExpect(status().isNotFound());
        mvc.perform(get("/observations/" + observation).with(TestUsers.as(users, "hushizhang"))).andExpect(status().isNotFound());
        assertThat(page("/activities", "hushizhang").select("#activities-table td").eachText()).doesNotContain(title);
        // the records are there: the county researcher reads them
        mvc.perform(get("/activities/" + activity).with(TestUsers.as(users, "county"))).andExpect(status().isOk());
    }
}
