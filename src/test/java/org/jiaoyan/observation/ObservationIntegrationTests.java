package org.jiaoyan.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.plan.ItemData;
import org.jiaoyan.plan.ItemStatus;
import org.jiaoyan.plan.PlanData;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.plan.Plans;
import org.jiaoyan.plan.RecordKind;
import org.jiaoyan.org.Terms;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Observations through services, pages and API: form versions, who sees what, acknowledgement, plan items, metrics. */
@JiaoyanIntegrationTest
class ObservationIntegrationTests {

    @Autowired UserDetailsService users;
    @Autowired Observations observations;
    @Autowired EvaluationForms forms;
    @Autowired Metrics metrics;
    @Autowired Plans plans;
    @Autowired PlanItems items;
    @Autowired Terms terms;
    @Autowired OrgUnits units;
    @Autowired MockMvc mvc;

    private ObservationFixtures fx;
    private final LocalDate yesterday = LocalDate.now().minusDays(1);

    @BeforeEach
    void fixtures() {
        fx = new ObservationFixtures(users, observations, forms);
    }

    /** A member of zuzhang's 语文教研组 other than the demo teacher and zuzhang. */
    private long groupMember() {
        CurrentUser teacher = fx.user("teacher");
        CurrentUser leader = fx.user("zuzhang");
        return leader.scope().readPersons().stream()
                .filter(id -> !id.equals(teacher.personId()) && !id.equals(leader.personId())).sorted().findFirst().orElseThrow();
    }

    @Test
    void editingAFormThatObservationsUsedMakesANewVersionAndTheOldObservationKeepsItsCriteriaAndTotal() {
        long form = fx.twoCriterionForm("版本测试评价表");
        CurrentUser teacher = fx.user("teacher");
        long id = fx.observe(teacher, groupMember(), form, "《版本测试》", 50, 30.5, yesterday);
        assertThat(Access.as(teacher, () -> observations.get(id)).total()).isEqualByComparingTo("80.5");

        CurrentUser jks = fx.user("jks");
        EvaluationForm before = Access.as(jks, () -> forms.get(form));
        long newVersion = Access.as(jks, () -> forms.update(form, before.version(), "版本测试评价表", Scoring.POINTS, "第二版",
                List.of(new CriterionData("教学目标", "目标明确", null, BigDecimal.valueOf(30), false),
                        new CriterionData("学生活动", "参与度", null, BigDecimal.valueOf(30), false),
                        new CriterionData("教学效果", "目标达成", null, BigDecimal.valueOf(40), false))));
        assertThat(newVersion).isNotEqualTo(before.currentVersionId());
        assertThat(Access.as(jks, () -> forms.get(form)).versionNo()).isEqualTo(2);

        Observation old = Access.as(teacher, () -> observations.get(id));
        FormVersion scoredOn = Access.as(teacher, () -> observations.formOf(old));
        assertThat(scoredOn.versionNo()).isEqualTo(1);
        assertThat(scoredOn.criteria()).extracting(Criterion::name).containsExactly("目标明确", "目标达成");
        assertThat(old.total()).isEqualByComparingTo("80.5");
        assertThat(old.scores().get(scoredOn.criteria().get(1).id())).isEqualByComparingTo("30.5");

        // the new version is unused: saving again changes it in place
        EvaluationForm v2 = Access.as(jks, () -> forms.get(form));
        long same = Access.as(jks, () -> forms.update(form, v2.version(), "版本测试评价表", Scoring.POINTS, null,
                List.of(new CriterionData("教学目标", "目标明确", null, BigDecimal.valueOf(100), false))));
        assertThat(same).isEqualTo(newVersion);
        assertThat(Access.as(jks, () -> forms.versions(form))).hasSize(2);
    }

    @Test
    void scoresOutsideTheCriterionsRangeAreRejectedAtTheirRow() {
        long form = fx.twoCriterionForm("范围测试评价表");
        long first = Access.as(fx.user("jks"), () -> forms.current(form).criteria().get(0).id());
        assertThatThrownBy(() -> fx.observe(fx.user("teacher"), groupMember(), form, "《超分》", 61, 10, yesterday))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .extracting(ValidationException.FieldProblem::field).containsExactly("scores[" + first + "]"));
    }

    @Test
    void observerAndObservedTeacherAndGroupLeaderAndCountySeeItButAnotherSchoolAndAnUnrelatedColleagueDoNot() throws Exception {
        long form = fx.twoCriterionForm("权限测试评价表");
        CurrentUser teacher = fx.user("teacher");
        long observed = groupMember();
        long id = fx.observe(teacher, observed, form, "《权限测试》", 40, 30, yesterday);
        long school = teacher.institutionId();

        assertThat(Access.as(teacher, () -> observations.get(id)).topic()).isEqualTo("《权限测试》");
        assertThat(Access.as(ObservationFixtures.person(observed, school), () -> observations.get(id)).observerId())
                .isEqualTo(teacher.personId());
        assertThat(Access.as(fx.user("zuzhang"), () -> observations.get(id)).id()).isEqualTo(id);
        assertThat(Access.as(fx.user("county"), () -> observations.get(id)).id()).isEqualTo(id);
        assertThat(Access.as(fx.user("principal"), () -> observations.list(
                new ObservationFilter(null, null, null, null, null, null, "权限测试"), new PageQuery(1, 20, null, false))).total())
                .isEqualTo(1);

        long unrelated = Access.as(teacher, () -> observations.colleagues()).stream().map(Observations.Colleague::id)
                .filter(p -> p != observed && !fx.user("zuzhang").scope().readPersons().contains(p)).findFirst().orElseThrow();
        assertThatThrownBy(() -> Access.as(ObservationFixtures.person(unrelated, school), () -> observations.get(id)))
                .isInstanceOf(NotFoundException.class);
        CurrentUser other = fx.user("teacher2");
        assertThatThrownBy(() -> Access.as(other, () -> observations.get(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Access.as(other, () -> {
            observations.acknowledge(id, 0, "x");
            return null;
        })).isInstanceOf(NotFoundException.class);
        assertThat(Access.as(other, () -> observations.list(new ObservationFilter(null, null, null, null, null, null, "权限测试"),
                new PageQuery(1, 20, null, false))).total()).isZero();
        assertThatThrownBy(() -> Access.as(other, () -> forms.get(form))).isInstanceOf(NotFoundException.class);
        // another school's teacher cannot be observed, nor another school's form used
        assertThatThrownBy(() -> Access.as(other, () -> observations.create(new ObservationData(observed, yesterday, null, null,
                "《越界》", LessonType.OPEN, form, Map.of(), Map.of(), null, null, null, null))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .extracting(ValidationException.FieldProblem::field).contains("teacherId", "formId"));

        mvc.perform(get("/observations/" + id).with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/observations/" + id).with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/forms/" + form).with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound());
        mvc.perform(get("/observations/" + id).with(TestUsers.as(users, "teacher"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("《权限测试》")));
        mvc.perform(get("/api/v1/observations/" + id).with(TestUsers.as(users, "zuzhang"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.observation.total").value(70.0))
                .andExpect(jsonPath("$.form.criteria.length()").value(2));
    }

    @Test
    void theObservedTeacherAcknowledgesWithAReplyAndTheObserverCanNoLongerChangeIt() {
        long form = fx.twoCriterionForm("确认测试评价表");
        CurrentUser teacher = fx.user("teacher");
        long observed = groupMember();
        long id = fx.observe(teacher, observed, form, "《确认测试》", 40, 30, yesterday);
        CurrentUser observedUser = ObservationFixtures.person(observed, teacher.institutionId());
        assertThat(Access.as(observedUser, () -> observations.rights(observations.get(id))).acknowledge()).isTrue();
        assertThatThrownBy(() -> Access.as(teacher, () -> {
            observations.acknowledge(id, observations.get(id).version(), null);
            return null;
        })).isInstanceOf(ForbiddenException.class);

        Access.as(observedUser, () -> {
            observations.acknowledge(id, observations.get(id).version(), "谢谢，下次注意小组合作。");
            return null;
        });
        Observation o = Access.as(teacher, () -> observations.get(id));
        assertThat(o.acknowledged()).isTrue();
        assertThat(o.reply()).isEqualTo("谢谢，下次注意小组合作。");
        assertThat(Access.as(teacher, () -> observations.rights(o)).edit()).isFalse();
        assertThatThrownBy(() -> Access.as(teacher, () -> {
            observations.update(id, o.version(), new ObservationData(observed, yesterday, null, null, "改", LessonType.OPEN,
                    null, o.scores(), Map.of(), null, null, null, null));
            return null;
        })).isInstanceOf(ValidationException.class).hasMessage("observation.locked");
    }

    @Test
    void anObservationMadeForAPlanItemLinksToItAndTheItemIsDone() {
        CurrentUser jks = fx.user("jks");
        var term = Access.asSystem(() -> terms.current().orElseThrow());
        long office = Access.as(jks, () -> units.unitsOf(jks.institutionId(), UnitType.DEPARTMENT, false).stream()
                .filter(u -> u.name().equals("教科室")).findFirst().orElseThrow().id());
        long plan = Access.as(jks, () -> plans.create(new PlanData(office, term.id(), "听课计划", null, 3)));
        long item = Access.as(jks, () -> items.create(plan, new ItemData("队伍建设", "青年教师过关课听课", "第1周", null,
                "教科室", null, RecordKind.OBSERVATION), null));
        Access.as(jks, () -> {
            plans.submit(plan, plans.get(plan).version());
            return null;
        });
        Access.as(fx.user("principal"), () -> {
            plans.approve(plan, plans.get(plan).version(), null);
            return null;
        });
        Access.as(jks, () -> {
            plans.publish(plan, plans.get(plan).version());
            return null;
        });
        long form = fx.twoCriterionForm("计划测试评价表");
        long id = Access.as(jks, () -> {
            FormVersion v = forms.current(form);
            return observations.create(new ObservationData(groupMember(), yesterday, null, null, "《过关课》",
                    LessonType.QUALIFYING, form, Map.of(v.criteria().get(0).id(), BigDecimal.TEN, v.criteria().get(1).id(),
                    BigDecimal.TEN), Map.of(), null, null, null, item));
        });
        assertThat(Access.as(jks, () -> items.records(item))).extracting(PlanItems.LinkedRecord::recordId).containsExactly(id);
        assertThat(Access.as(jks, () -> items.get(item)).status(LocalDate.now())).isEqualTo(ItemStatus.DONE);
        // a teacher who is not an owner of the item may not claim it
        assertThatThrownBy(() -> Access.as(fx.user("teacher"), () -> {
            FormVersion v = forms.current(form);
            return observations.create(new ObservationData(groupMember(), yesterday, null, null, "《冒领》",
                    LessonType.QUALIFYING, form, Map.of(v.criteria().get(0).id(), BigDecimal.TEN, v.criteria().get(1).id(),
                    BigDecimal.TEN), Map.of(), null, null, null, item));
        })).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void metricsCountObservationsByObserverAndOfTeacherInThePeriod() {
        long form = fx.twoCriterionForm("统计测试评价表");
        CurrentUser teacher = fx.user("teacher");
        long observed = groupMember();
        LocalDate from = LocalDate.now().minusDays(20);
        LocalDate to = LocalDate.now();
        Map<Long, Long> beforeBy = metrics.count("observation.by-observer", from, to, List.of(teacher.personId()));
        Map<Long, Long> beforeOf = metrics.count("observation.of-teacher", from, to, List.of(observed));
        fx.observe(teacher, observed, form, "《统计一》", 1, 1, LocalDate.now().minusDays(3));
        fx.observe(teacher, observed, form, "《统计二》", 1, 1, LocalDate.now().minusDays(2));
        fx.observe(teacher, observed, form, "《统计三：期外》", 1, 1, LocalDate.now().minusDays(40));
        assertThat(metrics.count("observation.by-observer", from, to, List.of(teacher.personId())).get(teacher.personId()))
                .isEqualTo(beforeBy.get(teacher.personId()) + 2);
        assertThat(metrics.count("observation.of-teacher", from, to, List.of(observed)).get(observed))
                .isEqualTo(beforeOf.get(observed) + 2);
    }

    @Test
    void aTeachersLogListsTheLessonsTheyObservedInTheTermAndExportsAsWordAndExcel() throws Exception {
        long form = fx.twoCriterionForm("记录本测试评价表");
        CurrentUser teacher = fx.user("teacher");
        fx.observe(teacher, groupMember(), form, "《记录本》", 50, 30, yesterday);
        var term = Access.asSystem(() -> terms.current().orElseThrow());
        mvc.perform(get("/observations/log").with(TestUsers.as(users, "teacher"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("《记录本》")));
        byte[] docx = mvc.perform(get("/observations/log.docx?term=" + term.id()).with(TestUsers.as(users, "teacher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
            String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
            assertThat(text).contains("听课记录", "《记录本》", "导入自然");
            // like a 听课记录本 page: each criterion with its points and the score given, the notes and the total
            var rowsText = doc.getTables().stream().filter(t -> t.getText().contains("评价内容"))
                    .flatMap(t -> t.getRows().stream()).map(r -> r.getTableCells().stream()
                            .map(org.apache.poi.xwpf.usermodel.XWPFTableCell::getText).toList()).toList();
            assertThat(rowsText).contains(List.of("评价项目", "评价内容", "分值", "得分"),
                    List.of("教学目标", "目标明确", "60", "50"), List.of("教学效果", "目标达成", "40", "30"),
                    List.of("合　　计", "", "100", "80"));
            assertThat(rowsText.get(0)).hasSize(4);
            assertThat(text).contains("听 课 人", "建　　议", "多给学生时间", "总　　分");
        }
        mvc.perform(get("/observations/log.xlsx").with(TestUsers.as(users, "teacher"))).andExpect(status().isOk());
        mvc.perform(get("/observations/log?teacher=" + teacher.personId()).with(TestUsers.as(users, "teacher2")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/observations/export.xlsx?q=记录本").with(TestUsers.as(users, "jks"))).andExpect(status().isOk());
    }

    @Test
    void aDeletedObservationWaitsInTheRecycleBinOfItsObserverAndComesBack() {
        long form = fx.twoCriterionForm("回收站测试表");
        CurrentUser observer = fx.user("zuzhang");
        long id = fx.observe(observer, groupMember(), form, "《回收站里的课》", 50, 30, yesterday);
        Access.as(observer, () -> {
            observations.delete(id, observations.get(id).version());
            return null;
        });
        assertThatThrownBy(() -> Access.as(observer, () -> observations.get(id))).isInstanceOf(NotFoundException.class);
        assertThat(Access.as(observer, () -> observations.deleted())).extracting(ObservationRow::id).contains(id);
        assertThat(Access.as(fx.user("jks"), () -> observations.deleted())).extracting(ObservationRow::id).contains(id);
        assertThat(Access.as(fx.user("teacher2"), () -> observations.deleted())).extracting(ObservationRow::id).doesNotContain(id);
        assertThatThrownBy(() -> Access.as(fx.user("teacher2"), () -> {
            observations.restore(id);
            return null;
        })).isInstanceOf(NotFoundException.class);
        Access.as(observer, () -> {
            observations.restore(id);
            return null;
        });
        assertThat(Access.as(observer, () -> observations.get(id)).topic()).isEqualTo("《回收站里的课》");
    }
}
