package org.jiaoyan.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.Terms;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.plan.ItemData;
import org.jiaoyan.plan.ItemStatus;
import org.jiaoyan.plan.PlanData;
import org.jiaoyan.plan.PlanItem;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.plan.PlanTemplate;
import org.jiaoyan.plan.Plans;
import org.jiaoyan.plan.RecordKind;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Activities: organisers, QR sign-in rules, reflections, plan items fulfilled, metrics, other schools kept out. */
@JiaoyanIntegrationTest
class ActivityIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Activities activities;
    @Autowired OrgDirectory directory;
    @Autowired OrgUnits units;
    @Autowired Plans plans;
    @Autowired PlanItems items;
    @Autowired Terms terms;
    @Autowired Metrics metrics;
    @Autowired JdbcClient jdbc;
    @Autowired CollectivePrep prep;
    @Autowired org.jiaoyan.observation.Observations observations;
    @Autowired org.jiaoyan.observation.EvaluationForms forms;

    private CurrentUser user(String name) {
        return TestUsers.load(users, name);
    }

    /** The group zuzhang leads (语文教研组 of the experimental school). */
    private long chineseGroup() {
        return directory.groupsLedBy(user("zuzhang").personId()).get(0);
    }

    private long researchType() {
        return Access.as(user("jks"), () -> activities.types()).stream().filter(t -> t.name().equals("教研活动")).findFirst()
                .orElseThrow().id();
    }

    private long groupActivity(String title, LocalDateTime start) {
        return Access.as(user("zuzhang"), () -> activities.create(new ActivityData(chineseGroup(), researchType(), title, start,
                start.plusHours(1), "三楼会议室", false, null)));
    }

    /** Photos and files live in the shared attachment table: uploaded on the page, listed, served, not to another school. */
    @Test
    void filesGoToTheSharedAttachmentTableAndOpenOnlyInScope() throws Exception {
        long id = groupActivity("附件检查活动", LocalDateTime.now().plusHours(2));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/activities/" + id + "/files")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "签到表.txt", "text/plain",
                                "签到：张三、李四".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(TestUsers.as(users, "zuzhang"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
        List<Activities.ActivityFile> files = Access.as(user("zuzhang"), () -> activities.files(id));
        assertThat(files).extracting(Activities.ActivityFile::fileName).containsExactly("签到表.txt");
        long fileId = files.get(0).id();
        assertThat(jdbc.sql("select owner_type from attachment where id = ? and owner_id = ?").params(fileId, id)
                .query(String.class).single()).isEqualTo(Activities.FILES);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/activities/" + id + "/files/" + fileId)
                        .with(TestUsers.as(users, "zuzhang")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .bytes("签到：张三、李四".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/activities/" + id + "/files/" + fileId)
                        .with(TestUsers.as(users, "teacher2")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
    }

    @Test
    void groupLeaderOrganisesForTheGroupOnlyAndMembersAreParticipants() {
        long id = groupActivity("单元整体教学研讨", LocalDateTime.now().plusHours(1));
        List<Attendance> attendance = Access.as(user("zuzhang"), () -> activities.attendance(id));
        List<Long> members = directory.membersOf(List.of(chineseGroup()));
        assertThat(attendance).extracting(Attendance::personId).containsAll(members);
        long otherGroup = Access.as(user("jks"), () -> units.unitsOf(user("jks").institutionId(), UnitType.GROUP, false)).stream()
                .filter(u -> u.id() != chineseGroup()).findFirst().orElseThrow().id();
        assertThatThrownBy(() -> Access.as(user("zuzhang"), () -> activities.create(new ActivityData(otherGroup, researchType(),
                "不是我的组", LocalDateTime.now(), LocalDateTime.now().plusHours(1), null, false, null))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Access.as(user("zuzhang"), () -> activities.create(new ActivityData(chineseGroup(), researchType(),
                " ", LocalDateTime.now(), LocalDateTime.now().minusHours(1), null, false, null))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).extracting(p -> p.field())
                        .containsExactlyInAnyOrder("title", "endTime"));
    }

    @Test
    void qrSignInWorksOnceForStaffOfTheSchoolAndRefusesExpiredCodesAndOtherSchools() throws Exception {
        long id = groupActivity("扫码签到的活动", LocalDateTime.now().minusMinutes(5));
        Activity opened = Access.as(user("zuzhang"), () -> activities.openSignin(id));
        String token = opened.signinToken();
        assertThat(token).isNotBlank();

        Access.as(user("teacher"), () -> activities.signIn(token));
        Access.as(user("teacher"), () -> activities.signIn(token));
        // the organiser's screen shows the code and, refreshed by htmx, who has signed in
        String teacherName = Access.asSystem(() -> jdbc.sql("select name from person where id = ?").param(user("teacher").personId())
                .query(String.class).single());
        mvc.perform(get("/activities/" + id + "/sign-in").with(TestUsers.as(users, "zuzhang")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString(teacherName)));
        mvc.perform(get("/activities/" + id + "/sign-in").header("HX-Request", "true").with(TestUsers.as(users, "zuzhang")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(teacherName)))
                .andExpect(content().string(containsString("已签到")));
        long teacherId = user("teacher").personId();
        assertThat(jdbc.sql("select count(*) from activity_signin where activity_id = ? and person_id = ?").params(id, teacherId)
                .query(Long.class).single()).isEqualTo(1);
        Attendance mine = Access.as(user("zuzhang"), () -> activities.attendance(id)).stream()
                .filter(x -> x.personId() == teacherId).findFirst().orElseThrow();
        assertThat(mine.state(opened, LocalDateTime.now())).isEqualTo(Attendance.State.SIGNED);

        assertThatThrownBy(() -> Access.as(user("teacher2"), () -> activities.signIn(token)))
                .isInstanceOf(ValidationException.class).hasMessage("activity.signin.otherSchool");
        mvc.perform(get("/activities/scan/" + token).with(TestUsers.as(users, "teacher2")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("您不是本活动所在单位的人员，不能签到")));

        jdbc.sql("update activity set signin_expires_at = ? where id = ?").params(LocalDateTime.now().minusMinutes(1), id).update();
        mvc.perform(get("/activities/scan/" + token).with(TestUsers.as(users, "principal")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("签到二维码已过期")));
        mvc.perform(get("/activities/scan/nonsense").with(TestUsers.as(users, "teacher")))
                .andExpect(content().string(containsString("签到二维码无效")));
        // a phone that is not signed in goes to the login page first (and back here after it)
        mvc.perform(get("/activities/scan/" + token).accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void lateAndAbsentAreTellingApart() {
        LocalDateTime start = LocalDateTime.now().minusHours(3);
        long id = groupActivity("已结束的活动", start);
        Activity a = Access.as(user("zuzhang"), () -> activities.get(id));
        Attendance late = new Attendance(1, "甲", start.plusMinutes(Activity.LATE_AFTER_MINUTES + 1), "QR");
        Attendance onTime = new Attendance(2, "乙", start.plusMinutes(2), "QR");
        Attendance missing = new Attendance(3, "丙", null, null);
        assertThat(late.state(a, LocalDateTime.now())).isEqualTo(Attendance.State.LATE);
        assertThat(onTime.state(a, LocalDateTime.now())).isEqualTo(Attendance.State.SIGNED);
        assertThat(missing.state(a, LocalDateTime.now())).isEqualTo(Attendance.State.ABSENT);
        assertThat(missing.state(a, start.plusMinutes(30))).isEqualTo(Attendance.State.WAITING);
    }

    @Test
    void anotherSchoolCannotSeeTheActivityAndTeachersCannotChangeIt() throws Exception {
        long id = groupActivity("本校活动", LocalDateTime.now());
        assertThatThrownBy(() -> Access.as(user("teacher2"), () -> activities.get(id))).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/activities/" + id).with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound());
        mvc.perform(get("/activities/" + id).with(TestUsers.as(users, "teacher"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("本校活动")));
        int version = Access.as(user("zuzhang"), () -> activities.get(id)).version();
        mvc.perform(post("/activities/" + id + "/text/record").with(TestUsers.as(users, "teacher")).with(csrf())
                .param("version", String.valueOf(version)).param("text", "篡改")).andExpect(status().isForbidden());
        mvc.perform(post("/activities/" + id + "/sign-in").with(TestUsers.as(users, "teacher2")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(Access.as(user("teacher2"), () -> activities.list(new ActivityFilter(null, null, null, null, "本校活动"),
                new org.jiaoyan.shared.PageQuery(1, 20, null, false))).total()).isZero();
        byte[] xlsx = mvc.perform(get("/activities/export.xlsx").param("q", "本校活动").with(TestUsers.as(users, "principal")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("本校活动"); // below title and header
        }
        byte[] none = mvc.perform(get("/activities/export.xlsx").param("q", "本校活动").with(TestUsers.as(users, "teacher2")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(none))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(1); // title and header only
        }
    }

    @Test
    void participantsWriteTheirOwnReflectionAndOthersCannot() {
        long id = groupActivity("写体会的活动", LocalDateTime.now().minusHours(2));
        Access.as(user("zuzhang"), () -> {
            activities.saveReflection(id, "收获很多");
            activities.saveReflection(id, "收获很多，准备在本班试用");
            return null;
        });
        assertThat(Access.as(user("jks"), () -> activities.reflections(id))).extracting(Activities.Reflection::body)
                .containsExactly("收获很多，准备在本班试用");
        boolean teacherInGroup = directory.membersOf(List.of(chineseGroup())).contains(user("teacher").personId());
        if (!teacherInGroup) {
            assertThatThrownBy(() -> Access.as(user("teacher"), () -> {
                activities.saveReflection(id, "我没参加");
                return null;
            })).isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    void anActivityForAPlanItemFulfilsItAndCountsForTheGroup() {
        CurrentUser jks = user("jks");
        long office = Access.as(jks, () -> units.unitsOf(jks.institutionId(), UnitType.DEPARTMENT, false)).stream()
                .filter(u -> u.name().equals("教科室")).findFirst().orElseThrow().id();
        long term = Access.asSystem(() -> terms.current().orElseThrow()).id();
        long planId = Access.as(jks, () -> plans.create(new PlanData(office, term, "活动完成计划", null, 3)));
        long itemId = Access.as(jks, () -> items.create(planId, new ItemData("队伍建设", "青年教师汇报课（活动）", "每月", null,
                "语文教研组", null, RecordKind.ACTIVITY), null));
        Access.as(jks, () -> {
            plans.submit(planId, plans.get(planId).version());
            return null;
        });
        Access.as(user("principal"), () -> {
            plans.approve(planId, plans.get(planId).version(), null);
            plans.publish(planId, plans.get(planId).version());
            return null;
        });
        LocalDateTime start = LocalDateTime.now().minusDays(1);
        long id = Access.as(user("zuzhang"), () -> activities.create(new ActivityData(chineseGroup(), researchType(),
                "青年教师汇报课", start, start.plusHours(1), null, false, itemId)));
        PlanItem item = Access.as(jks, () -> items.get(itemId));
        assertThat(item.recordCount()).isEqualTo(1);
        assertThat(Access.as(jks, () -> items.records(itemId))).extracting(PlanItems.LinkedRecord::recordId).containsExactly(id);
        assertThat(item.status(item.periodEnd().plusDays(1))).isEqualTo(ItemStatus.DONE);

        long sessions = metrics.count("activity.group-sessions", start.toLocalDate(), start.toLocalDate(), List.of(chineseGroup()))
                .get(chineseGroup());
        assertThat(sessions).isGreaterThanOrEqualTo(1);
        Access.as(user("zuzhang"), () -> {
            activities.delete(id, activities.get(id).version());
            return null;
        });
        assertThat(Access.as(jks, () -> items.get(itemId)).recordCount()).isZero();
        // from the recycle bin it comes back, and fulfils the item again; another school cannot see the bin's entry
        assertThat(Access.as(user("zuzhang"), () -> activities.deleted())).extracting(ActivityRow::id).contains(id);
        assertThat(Access.as(user("teacher2"), () -> activities.deleted())).extracting(ActivityRow::id).doesNotContain(id);
        assertThatThrownBy(() -> Access.as(user("teacher2"), () -> {
            activities.restore(id);
            return null;
        })).isInstanceOf(NotFoundException.class);
        Access.as(user("zuzhang"), () -> {
            activities.restore(id);
            return null;
        });
        assertThat(Access.as(jks, () -> items.get(itemId)).recordCount()).isEqualTo(1);
    }

    @Test
    void apiListsAndCreatesWithinScope() throws Exception {
        long id = groupActivity("接口里的活动", LocalDateTime.now().minusDays(2));
        mvc.perform(get("/api/v1/activities").param("q", "接口里的活动")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("jks", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/activities/" + id)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("zuzhang", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.attendance[0].state").value("ABSENT"));
        mvc.perform(get("/api/v1/activities/" + id)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("teacher2", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
        String body = """
                {"organiserUnitId": %d, "typeId": %d, "title": "接口新建", "startsAt": "2026-12-02T15:30:00",
                 "endsAt": "2026-12-02T15:00:00"}""".formatted(chineseGroup(), researchType());
        mvc.perform(post("/api/v1/activities").contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("zuzhang", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail").value(containsString("结束时间应晚于开始时间")));
    }

    @Test
    void collectivePreparationRunsFromSplitToReflectionAndShowsWhoIsLate() throws Exception {
        long prepType = Access.as(user("zuzhang"), () -> activities.types()).stream().filter(ActivityType::collectivePrep)
                .findFirst().orElseThrow().id();
        LocalDateTime start = LocalDateTime.now().minusDays(2);
        long id = Access.as(user("zuzhang"), () -> activities.create(new ActivityData(chineseGroup(), prepType,
                "第三单元集体备课", start, start.plusHours(2), null, false, null)));
        long leader = user("zuzhang").personId();
        long other = Access.as(user("zuzhang"), () -> activities.attendance(id)).stream().map(Attendance::personId)
                .filter(p -> p != leader).findFirst().orElseThrow();
        LocalDate today = LocalDate.now();
        assertThatThrownBy(() -> Access.as(user("zuzhang"), () -> {
            prep.assign(id, List.of(), today, today.minusDays(1), today);
            return null;
        })).isInstanceOf(ValidationException.class).hasMessage("prep.due.order");
        Access.as(user("zuzhang"), () -> {
            prep.assign(id, List.of(new CollectivePrep.Assignment(leader, "第1课时《观潮》"),
                    new CollectivePrep.Assignment(other, "第2课时《走月亮》")), today.minusDays(3), today.plusDays(2), today.plusDays(9));
            return null;
        });
        PrepStep myDraft = Access.as(user("zuzhang"), () -> prep.steps(id)).stream()
                .filter(st -> st.personId() == leader && st.kind() == PrepStep.Kind.DRAFT).findFirst().orElseThrow();
        Access.as(user("zuzhang"), () -> {
            prep.handIn(myDraft.id(), myDraft.version(), "教学目标：……", null);
            prep.comment(myDraft.id(), "导入环节可以更短");
            return null;
        });
        List<PrepStep> steps = Access.as(user("zuzhang"), () -> prep.steps(id));
        assertThat(steps.stream().filter(st -> st.personId() == leader && st.kind() == PrepStep.Kind.DRAFT).findFirst().orElseThrow()
                .state(today)).isEqualTo(PrepStep.State.DONE_LATE);
        assertThat(steps.stream().filter(st -> st.personId() == other && st.kind() == PrepStep.Kind.DRAFT).findFirst().orElseThrow()
                .state(today)).isEqualTo(PrepStep.State.LATE);
        assertThat(steps.stream().filter(st -> st.kind() == PrepStep.Kind.REFLECT)).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(st -> st.state(today) == PrepStep.State.PENDING);
        assertThat(Access.as(user("zuzhang"), () -> prep.comments(id)).get(myDraft.id())).extracting(CollectivePrep.Comment::body)
                .containsExactly("导入环节可以更短");
        PrepStep othersDraft = steps.stream().filter(st -> st.personId() == other && st.kind() == PrepStep.Kind.DRAFT).findFirst().orElseThrow();
        assertThatThrownBy(() -> Access.as(user("zuzhang"), () -> {
            prep.handIn(othersDraft.id(), othersDraft.version(), "替别人交", null);
            return null;
        })).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Access.as(user("teacher2"), () -> prep.steps(id))).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/activities/" + id).with(TestUsers.as(users, "zuzhang"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("逾期完成")))
                .andExpect(content().string(containsString("第2课时《走月亮》")))
                .andExpect(content().string(containsString("导入环节可以更短")));
    }

    @Test
    void aSchoolAddsItsOwnActivityTypeWhichOtherSchoolsDoNotSee() {
        long school = user("jks").institutionId();
        long typeId = Access.as(user("jks"), () -> activities.addType(school, "青蓝工程汇报课"));
        assertThat(Access.as(user("zuzhang"), () -> activities.types())).extracting(ActivityType::name).contains("青蓝工程汇报课");
        assertThat(Access.as(user("teacher2"), () -> activities.types())).extracting(ActivityType::name).doesNotContain("青蓝工程汇报课");
        assertThatThrownBy(() -> Access.as(user("jks"), () -> activities.addType(school, "教研活动")))
                .isInstanceOf(ValidationException.class).hasMessage("activity.type.duplicate");
        assertThatThrownBy(() -> Access.as(user("teacher2"), () -> activities.addType(school, "外校加的")))
                .isInstanceOf(NotFoundException.class);
        Access.as(user("jks"), () -> {
            activities.removeType(typeId);
            return null;
        });
        assertThat(Access.as(user("zuzhang"), () -> activities.types())).extracting(ActivityType::name).doesNotContain("青蓝工程汇报课");
    }

    @Test
    void observationsOfAnOpenLessonShowOnTheActivityPage() throws Exception {
        long id = groupActivity("语文公开课观摩", LocalDateTime.now().minusHours(2));
        var fx = new org.jiaoyan.observation.ObservationFixtures(users, observations, forms);
        long form = fx.twoCriterionForm("活动听课表");
        long teacher = directory.membersOf(List.of(chineseGroup())).stream().filter(p -> p != user("zuzhang").personId())
                .findFirst().orElseThrow();
        Access.as(user("zuzhang"), () -> {
            var v = forms.current(form);
            return observations.create(new org.jiaoyan.observation.ObservationData(teacher, LocalDate.now(), "四(1)班", "CHINESE",
                    "《观潮》", org.jiaoyan.observation.LessonType.OPEN, form,
                    java.util.Map.of(v.criteria().get(0).id(), java.math.BigDecimal.valueOf(55), v.criteria().get(1).id(),
                            java.math.BigDecimal.valueOf(35)), java.util.Map.of(), "朗读指导到位", null, id, null));
        });
        mvc.perform(get("/activities/" + id).with(TestUsers.as(users, "zuzhang"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("本次活动的听课评课")))
                .andExpect(content().string(containsString("《观潮》")));
    }

    @Test
    void theDashboardShowsMyComingActivities() throws Exception {
        groupActivity("明天的教研活动", LocalDateTime.now().plusDays(1).withHour(15).withMinute(30));
        mvc.perform(get("/").with(TestUsers.as(users, "zuzhang"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("近期活动")))
                .andExpect(content().string(containsString("明天的教研活动")));
        mvc.perform(get("/").with(TestUsers.as(users, "teacher2"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("明天的教研活动"))));
    }

    /** /activities/new?unitId= (the 新建活动 link of a project's 课题组) chooses that unit only for whoever organises for it. */
    @Test
    void theNewActivityFormPreselectsAUnitTheUserOrganisesForAndIgnoresAnyOther() throws Exception {
        List<org.jiaoyan.org.OrgUnit> mine = Access.as(user("jks"), () -> activities.organiserUnits());
        org.junit.jupiter.api.Assumptions.assumeTrue(mine.size() > 1, "jks organises for more than one unit");
        long first = mine.get(0).id();
        long wanted = mine.get(mine.size() - 1).id();
        String selected = "value=\"" + wanted + "\" selected=\"selected\"";
        mvc.perform(get("/activities/new").with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + first + "\" selected=\"selected\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(selected))));
        mvc.perform(get("/activities/new").param("unitId", String.valueOf(wanted)).with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(selected)));
        // not a number, or another school's unit: ignored, the form as without it
        mvc.perform(get("/activities/new").param("unitId", "abc").with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + first + "\" selected=\"selected\"")));
        mvc.perform(get("/activities/new").param("unitId", String.valueOf(wanted)).with(TestUsers.as(users, "teacher2")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(containsString("value=\"" + wanted + "\""))));
    }
}
