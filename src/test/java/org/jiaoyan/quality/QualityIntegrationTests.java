package org.jiaoyan.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.account.RoleGrant;
import org.jiaoyan.account.UserAccounts;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.People;
import org.jiaoyan.org.PersonData;
import org.jiaoyan.org.Sector;
import org.jiaoyan.org.UnitData;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.DataScope;
import org.jiaoyan.security.Role;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A hospital department's quality records through services and pages: who records and who sees them (another
 * hospital's and a school's users get 404), list filters and paging, the pass/fail form, the recycle bin, and the
 * metrics the rules read.
 */
@JiaoyanIntegrationTest
class QualityIntegrationTests {

    private static final String OTHER_HEAD = "erkezhuren";
    private static final String OTHER_PASSWORD = "Tongren#Erke2026";

    @Autowired UserDetailsService users;
    @Autowired MockMvc mvc;
    @Autowired QcChecks checks;
    @Autowired Trainings trainings;
    @Autowired Drills drills;
    @Autowired QualityDepartments departments;
    @Autowired Metrics metrics;
    @Autowired OrgUnits units;
    @Autowired People people;
    @Autowired UserAccounts accounts;

    private CurrentUser head;
    private long ward;
    private long hospital;
    private List<StaffMember> staff;

    @BeforeEach
    void fixtures() {
        head = TestUsers.load(users, "hushizhang");
        Department d = Access.as(head, () -> departments.managed()).get(0);
        ward = d.id();
        hospital = d.institutionId();
        staff = Access.as(head, () -> departments.staff(ward));
        Access.asSystem(() -> {
            if (jdbcFree(OTHER_HEAD)) {
                long region = units.regions().get(0).id();
                long other = units.create(new UnitData(UnitType.INSTITUTION, region, Sector.HEALTHCARE, "HOSPITAL", null,
                        "示范县妇幼保健院", null, null, null, null, 20));
                long person = people.create(new PersonData(other, "贺兰芝", "F", "13907299001", LocalDate.of(1980, 5, 1),
                        LocalDate.of(2002, 8, 1), "NURSE_SUPERVISOR", false, null, List.of(), List.of(), List.of()));
                long unit = units.create(new UnitData(UnitType.DEPARTMENT, other, Sector.HEALTHCARE, "WARD", null, "儿科", null,
                        null, null, person, 0));
                units.setMembers(unit, List.of(person));
                accounts.create(OTHER_HEAD, OTHER_PASSWORD, person, null,
                        List.of(new RoleGrant(Role.DEPT_HEAD, other), new RoleGrant(Role.TEACHER, null)));
            }
        });
    }

    private boolean jdbcFree(String username) {
        try {
            users.loadUserByUsername(username);
            return false;
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException e) {
            return true;
        }
    }

    /** A staff member of the ward signed in with the self-only scope every staff member has. */
    private CurrentUser staffUser(long personId) {
        return new CurrentUser(0, "p" + personId, "医护" + personId, personId, hospital, Set.of(Role.TEACHER),
                new DataScope(false, Set.of(), Set.of(), Set.of(), personId), "", true, true);
    }

    private long nurse(int index) {
        return staff.stream().filter(s -> s.id() != head.personId()).skip(index).findFirst().orElseThrow().id();
    }

    @Test
    void theHeadRecordsAQcCheckHerStaffSeeItAndAnotherHospitalOrASchoolGets404() throws Exception {
        long id = Access.as(head, () -> checks.create(new QcCheckData(ward, LocalDate.now(), "手卫生依从性（权限测试）",
                nurse(0), QcResult.NEEDS_FIX, "治疗前未按六步洗手法洗手 2 人次", null)));
        CurrentUser member = staffUser(nurse(1));
        assertThat(Access.as(member, () -> checks.get(id)).item()).isEqualTo("手卫生依从性（权限测试）");
        assertThat(Access.as(member, () -> checks.list(new QualityFilter(ward, null), PageQuery.of(1, 200, null, null))).items())
                .extracting(QcCheck::id).contains(id);
        assertThatThrownBy(() -> Access.as(member, () -> {
            checks.delete(id, 0);
            return null;
        })).isInstanceOf(ForbiddenException.class);

        CurrentUser other = TestUsers.load(users, OTHER_HEAD);
        CurrentUser school = TestUsers.load(users, "jks");
        for (CurrentUser outsider : List.of(other, school, TestUsers.load(users, "teacher"))) {
            assertThatThrownBy(() -> Access.as(outsider, () -> checks.get(id))).isInstanceOf(NotFoundException.class);
            assertThat(Access.as(outsider, () -> checks.list(new QualityFilter(null, null), PageQuery.of(1, 200, null, null))).items())
                    .extracting(QcCheck::id).doesNotContain(id);
            assertThatThrownBy(() -> Access.as(outsider, () -> checks.create(new QcCheckData(ward, LocalDate.now(), "越权",
                    nurse(0), QcResult.PASSED, null, null)))).isInstanceOf(NotFoundException.class);
        }
        mvc.perform(get("/quality/checks/" + id).with(TestUsers.as(users, "hushizhang"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("治疗前未按六步洗手法洗手 2 人次")));
        mvc.perform(get("/quality/checks/" + id).with(TestUsers.as(users, OTHER_HEAD))).andExpect(status().isNotFound());
        mvc.perform(get("/quality/checks/" + id).with(TestUsers.as(users, "jks"))).andExpect(status().isNotFound());
        mvc.perform(post("/quality/checks/" + id + "/delete").param("version", "0").with(TestUsers.as(users, "jks")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/quality/checks/new?unit=" + ward).with(TestUsers.as(users, "jks"))).andExpect(status().isNotFound());
        mvc.perform(get("/quality/checks").with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("权限测试"))));
    }

    @Test
    void badInputIsRejectedAtItsFieldInChinese() throws Exception {
        long outsider = TestUsers.load(users, "jks").personId();
        assertThatThrownBy(() -> Access.as(head, () -> checks.create(new QcCheckData(ward, LocalDate.now().plusDays(1), " ",
                outsider, QcResult.NEEDS_FIX, null, null))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).extracting(FieldProblem::field)
                        .containsExactly("checkedOn", "item", "findings"));
        assertThatThrownBy(() -> Access.as(head, () -> checks.create(new QcCheckData(ward, LocalDate.now(), "查对制度",
                outsider, QcResult.PASSED, null, null))))
                .isInstanceOf(ValidationException.class).hasMessage("quality.person.notOfHospital");
        assertThatThrownBy(() -> Access.as(head, () -> drills.create(new DrillData(ward, LocalDate.now(), "心肺复苏", null, List.of()))))
                .isInstanceOf(ValidationException.class).hasMessage("quality.drill.noParticipants");

        mvc.perform(post("/quality/checks/new").param("unit", String.valueOf(ward)).param("checkedOn", "2026-13-40")
                        .param("item", "病历书写质量").param("checkerId", String.valueOf(nurse(0))).param("result", "PASSED")
                        .with(TestUsers.as(users, "hushizhang")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("日期格式不正确")))
                .andExpect(content().string(Matchers.containsString("value=\"病历书写质量\"")));
        mvc.perform(post("/quality/checks/new").param("unit", String.valueOf(ward)).param("checkedOn", LocalDate.now().toString())
                        .param("item", "病历书写质量").param("checkerId", String.valueOf(nurse(0))).param("result", "NEEDS_FIX")
                        .with(TestUsers.as(users, "hushizhang")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("需整改时请写明存在的问题")));
        mvc.perform(post("/quality/drills/new").param("unit", String.valueOf(ward)).param("heldOn", LocalDate.now().toString())
                        .param("scenario", "心肺复苏").param("outcomes[" + nurse(0) + "]", "")
                        .with(TestUsers.as(users, "hushizhang")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("请至少标记一名参加人员的结果")));
    }

    @Test
    void listsAreFilteredByDepartmentAndMonthAndPagedInSql() {
        YearMonth month = YearMonth.now().minusMonths(15);
        Access.as(head, () -> {
            for (int day = 3; day <= 5; day++) {
                checks.create(new QcCheckData(ward, month.atDay(day), "分页测试" + day, nurse(0), QcResult.PASSED, null, null));
            }
            return null;
        });
        var page1 = Access.as(head, () -> checks.list(new QualityFilter(ward, month), PageQuery.of(1, 2, null, null)));
        assertThat(page1.total()).isEqualTo(3);
        assertThat(page1.items()).extracting(QcCheck::item).containsExactly("分页测试5", "分页测试4");
        var page2 = Access.as(head, () -> checks.list(new QualityFilter(ward, month), PageQuery.of(2, 2, null, null)));
        assertThat(page2.items()).extracting(QcCheck::item).containsExactly("分页测试3");
        assertThat(Access.as(head, () -> checks.list(new QualityFilter(ward, month.minusMonths(1)), PageQuery.of(1, 20, null, null))).total())
                .isZero();
        assertThat(QualityFilter.parseMonth("2026-13")).isNull();
        assertThat(QualityFilter.parseMonth("2026-09")).isEqualTo(YearMonth.of(2026, 9));
    }

    @Test
    void theHeadTicksADrillAndATrainingOnTheFormsAndStaffWhoFailedPassLater() throws Exception {
        LocalDate day = LocalDate.now().minusYears(2).withDayOfMonth(10);
        long a = nurse(0);
        long b = nurse(1);
        mvc.perform(post("/quality/drills/new").param("unit", String.valueOf(ward)).param("heldOn", day.toString())
                        .param("scenario", "肩难产处理（表单测试）").param("outcomes[" + a + "]", "PASS")
                        .param("outcomes[" + b + "]", "FAIL").param("notes[" + b + "]", "体位调整顺序错误")
                        .with(TestUsers.as(users, "hushizhang")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Drill first = Access.as(head, () -> drills.list(new QualityFilter(ward, YearMonth.from(day)), PageQuery.of(1, 20, null, null)))
                .items().stream().filter(x -> x.scenario().equals("肩难产处理（表单测试）")).findFirst().orElseThrow();
        assertThat(first.passedCount()).isEqualTo(1);
        assertThat(first.failedCount()).isEqualTo(1);
        mvc.perform(get("/quality/drills/" + first.id()).with(TestUsers.as(users, "hushizhang"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("体位调整顺序错误")))
                .andExpect(content().string(Matchers.containsString("待补考")));
        mvc.perform(get("/quality/drills/new?retake=" + first.id()).with(TestUsers.as(users, "hushizhang"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("肩难产处理（表单测试）")));

        Access.as(head, () -> drills.create(new DrillData(ward, day.plusDays(7), "肩难产处理（表单测试）", "补考",
                List.of(new DrillOutcome(b, true, null)))));
        DrillResult failed = Access.as(head, () -> drills.get(first.id())).results().stream().filter(r -> r.personId() == b)
                .findFirst().orElseThrow();
        assertThat(failed.passed()).isFalse();
        assertThat(failed.laterPassOn()).isEqualTo(day.plusDays(7));

        mvc.perform(post("/quality/trainings/new").param("unit", String.valueOf(ward)).param("heldOn", day.toString())
                        .param("topic", "产科危急值报告流程（表单测试）").param("presenterId", String.valueOf(a))
                        .param("attendeeIds", String.valueOf(a), String.valueOf(b)).param("_attendeeIds", "on")
                        .with(TestUsers.as(users, "hushizhang")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Training t = Access.as(head, () -> trainings.list(new QualityFilter(ward, YearMonth.from(day)), PageQuery.of(1, 20, null, null)))
                .items().stream().filter(x -> x.topic().equals("产科危急值报告流程（表单测试）")).findFirst().orElseThrow();
        assertThat(Access.as(head, () -> trainings.get(t.id())).attendees()).extracting(StaffMember::id).containsExactlyInAnyOrder(a, b);

        for (String page : List.of("/quality/checks", "/quality/trainings", "/quality/drills", "/quality/drills/new",
                "/quality/trainings/new", "/quality/checks/new", "/quality/recycle-bin")) {
            mvc.perform(get(page).with(TestUsers.as(users, "hushizhang"))).andExpect(status().isOk());
        }
    }

    @Test
    void metricsCountDoneChecksSessionsPresentersAndPassesButNotDeletedRecords() throws Exception {
        // a department of its own so that the demo's records do not count
        long unit = Access.asSystem(() -> units.create(new UnitData(UnitType.DEPARTMENT, hospital, Sector.HEALTHCARE, "WARD",
                null, "产房（指标测试）", null, null, null, null, 9)));
        long a = nurse(2);
        long b = nurse(3);
        long c = nurse(4);
        Access.asSystem(() -> units.setMembers(unit, List.of(a, b, c)));
        LocalDate from = LocalDate.now().minusYears(3).withDayOfMonth(1);
        LocalDate to = from.plusMonths(1).minusDays(1);
        Access.as(head, () -> {
            long deletedCheck = 0;
            for (int i = 0; i < 3; i++) {
                deletedCheck = checks.create(new QcCheckData(unit, from.plusDays(i * 7), "跌倒防范", a, QcResult.PASSED, null, null));
            }
            checks.delete(deletedCheck, 0);
            trainings.create(new TrainingData(unit, from.plusDays(1), "母乳喂养指导", a, List.of(a, b, c), null));
            trainings.create(new TrainingData(unit, from.plusDays(20), "分娩镇痛护理", a, List.of(a, b, c), null));
            long deletedTraining = trainings.create(new TrainingData(unit, from.plusDays(21), "已删除的学习", b, List.of(), null));
            trainings.delete(deletedTraining, 0);
            drills.create(new DrillData(unit, from.plusDays(3), "子痫抢救", null, List.of(new DrillOutcome(a, true, null),
                    new DrillOutcome(b, false, "硫酸镁用量不熟"), new DrillOutcome(c, false, null))));
            drills.create(new DrillData(unit, from.plusDays(17), "子痫抢救", "补考", List.of(new DrillOutcome(b, true, null),
                    new DrillOutcome(c, false, null))));
            long deletedDrill = drills.create(new DrillData(unit, from.plusDays(24), "子痫抢救", null,
                    List.of(new DrillOutcome(c, true, null))));
            drills.delete(deletedDrill, 0);
            return null;
        });
        assertThat(metrics.count("quality.qc-checks", from, to, List.of(unit))).containsEntry(unit, 2L);
        assertThat(metrics.count("quality.training-sessions", from, to, List.of(unit))).containsEntry(unit, 2L);
        assertThat(metrics.count("quality.training-presented", from, to, List.of(a, b))).containsEntry(a, 2L).containsEntry(b, 0L);
        assertThat(metrics.count("quality.drill-passed", from, to, List.of(a, b, c)))
                .isEqualTo(Map.of(a, 1L, b, 1L, c, 0L));
        assertThat(metrics.count("quality.drill-passed", from, from.plusDays(10), List.of(a, b, c)))
                .isEqualTo(Map.of(a, 1L, b, 0L, c, 0L));
        assertThat(metrics.count("quality.qc-checks", to.plusDays(1), to.plusDays(30), List.of(unit))).containsEntry(unit, 0L);
        assertThat(Access.as(head, () -> drills.notYetPassed(unit, from, to))).extracting(StaffMember::id).containsExactly(c);
        assertThat(Access.as(head, () -> trainings.presentedCounts(unit, from, to)))
                .filteredOn(p -> p.person().id() == a).extracting(Trainings.Presented::sessions).containsExactly(2L);

        // the deleted ones wait in the recycle bin of the head only; restoring a drill makes its pass count again
        List<BinRow> bin = Access.as(head, () -> drills.deleted());
        BinRow drillRow = bin.stream().filter(r -> r.unitName().equals("产房（指标测试）")).findFirst().orElseThrow();
        assertThat(Access.as(TestUsers.load(users, OTHER_HEAD), () -> drills.deleted())).extracting(BinRow::id)
                .doesNotContain(drillRow.id());
        mvc.perform(post("/quality/drills/" + drillRow.id() + "/restore").with(TestUsers.as(users, OTHER_HEAD)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/quality/recycle-bin").with(TestUsers.as(users, "hushizhang"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已删除的学习")));
        mvc.perform(post("/quality/drills/" + drillRow.id() + "/restore").with(TestUsers.as(users, "hushizhang")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(metrics.count("quality.drill-passed", from, to, List.of(c))).containsEntry(c, 1L);
    }
}
