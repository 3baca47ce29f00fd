package org.jiaoyan.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Sector;
import org.jiaoyan.org.Terms;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.quality.Department;
import org.jiaoyan.quality.Drill;
import org.jiaoyan.quality.Drills;
import org.jiaoyan.quality.QcChecks;
import org.jiaoyan.quality.QualityDepartments;
import org.jiaoyan.quality.QualityFilter;
import org.jiaoyan.quality.StaffMember;
import org.jiaoyan.quality.Trainings;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.Role;
import org.jiaoyan.shared.PageQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The demo county includes 县人民医院 with its 妇产科, the 护士长's login, the department's plan and its records. */
@JiaoyanIntegrationTest
class DemoHospitalIntegrationTests {

    @Autowired UserDetailsService users;
    @Autowired OrgUnits units;
    @Autowired QualityDepartments departments;
    @Autowired QcChecks checks;
    @Autowired Trainings trainings;
    @Autowired Drills drills;
    @Autowired Metrics metrics;
    @Autowired Terms terms;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void theDemoHospitalHasItsWardHeadPlanAndRecordsOfTheTermSoFar() throws Exception {
        CurrentUser head = TestUsers.load(users, DemoHospital.HEAD_LOGIN);
        assertThat(head.roles()).contains(Role.DEPT_HEAD);
        OrgUnit hospital = Access.asSystem(() -> units.institutions()).stream()
                .filter(u -> u.name().equals(DemoHospital.HOSPITAL)).findFirst().orElseThrow();
        assertThat(hospital.sector()).isEqualTo(Sector.HEALTHCARE);
        assertThat(head.institutionId()).isEqualTo(hospital.id());
        assertThat(head.scope().canManageInstitution(hospital.id())).isTrue();

        Department ward = Access.as(head, () -> departments.managed()).stream()
                .filter(d -> d.name().equals(DemoHospital.WARD)).findFirst().orElseThrow();
        OrgUnit wardUnit = Access.as(head, () -> units.get(ward.id()));
        assertThat(wardUnit.type()).isEqualTo(UnitType.DEPARTMENT);
        assertThat(wardUnit.leaderId()).isEqualTo(head.personId());
        List<StaffMember> staff = Access.as(head, () -> departments.staff(ward.id()));
        assertThat(staff).hasSize(12);

        // the plan from the hospital template, published, for the term the records are of
        LocalDate today = LocalDate.now();
        SchoolTerm term = terms.all().stream().filter(t -> !t.startDate().isAfter(today))
                .max(Comparator.comparing(SchoolTerm::startDate)).orElseThrow();
        assertThat(jdbc.sql("select status from plan where unit_id = ? and term_id = ? and deleted_at is null")
                .params(ward.id(), term.id()).query(String.class).list()).containsExactly("PUBLISHED");
        assertThat(jdbc.sql("select count(*) from plan_item i join plan p on p.id = i.plan_id where p.unit_id = ? and i.category = '质量控制'")
                .param(ward.id()).query(Long.class).single()).isGreaterThan(10);

        QualityFilter all = new QualityFilter(ward.id(), null);
        assertThat(Access.as(head, () -> checks.list(all, PageQuery.of(1, 20, null, null))).total()).isPositive();
        assertThat(Access.as(head, () -> trainings.list(all, PageQuery.of(1, 20, null, null))).total()).isPositive();
        // other tests add records of their own, years back: the demo's are those of this term
        List<Drill> drillList = Access.as(head, () -> drills.list(all, PageQuery.of(1, 200, null, null))).items().stream()
                .filter(d -> term.contains(d.heldOn())).toList();
        assertThat(drillList).extracting(Drill::scenario).containsExactlyInAnyOrder("产后出血抢救", "新生儿窒息复苏");
        assertThat(drillList).allSatisfy(d -> assertThat(d.passedCount()).isGreaterThan(d.failedCount()));

        // 人人过关 not yet reached by two staff; everyone else passed at least one drill this term
        List<StaffMember> pending = Access.as(head, () -> drills.notYetPassed(ward.id(), term.startDate(), term.endDate()));
        assertThat(pending).extracting(StaffMember::name).containsExactlyInAnyOrder("郑晓雪", "何佳怡");
        Map<Long, Long> passed = metrics.count("quality.drill-passed", term.startDate(), term.endDate(),
                staff.stream().map(StaffMember::id).toList());
        assertThat(passed.values().stream().filter(n -> n == 0).count()).isEqualTo(2);
        assertThat(metrics.count("quality.qc-checks", term.startDate(), term.endDate(), List.of(ward.id())).get(ward.id()))
                .isPositive();

        mvc.perform(get("/quality/drills?unit=" + ward.id()).with(TestUsers.as(users, DemoHospital.HEAD_LOGIN))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("何佳怡")))
                .andExpect(content().string(Matchers.containsString("质控与演练")));
        // a school's staff do not see the hospital's menu entry
        mvc.perform(get("/").with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("/quality"))));
    }
}
