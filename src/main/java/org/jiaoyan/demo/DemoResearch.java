package org.jiaoyan.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.time.YearMonth;
import org.jiaoyan.org.Terms;
import org.jiaoyan.research.Decision;
import org.jiaoyan.research.MaterialCalendar.MonthState;
import org.jiaoyan.research.ProjectWork;
import org.jiaoyan.research.ProjectData;
import org.jiaoyan.research.ProjectLevel;
import org.jiaoyan.research.ProjectStage;
import org.jiaoyan.research.ProjectStages;
import org.jiaoyan.research.ProjectStages.DecisionData;
import org.jiaoyan.research.Projects;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.word.OfficialDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Research projects at 实验小学 telling a story on first start: a county project (第七届县级课题) with two first-level
 * sub-projects in 中期, and a handful of personal projects of the county round in different stages — a draft whose
 * member has no task, one waiting for 立项, one approved, one late for 开题, one not approved. The demo teacher leads
 * one personal project and is a member of the county project.
 */
@Component
class DemoResearch {

    private final Projects projects;
    private final ProjectStages stages;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final ProjectWork work;
    private final Terms terms;

    DemoResearch(Projects projects, ProjectStages stages, UserDetailsService users, JdbcClient jdbc, ProjectWork work,
                 Terms terms) {
        this.projects = projects;
        this.work = work;
        this.terms = terms;
        this.stages = stages;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** The projects; returns the ids of the county project and its sub-projects (for the monthly material). */
    List<Long> create(long schoolId, long countyOfficeId, long teacher, List<Long> staff) {
        CurrentUser jks = user("jks");
        CurrentUser county = user("county");
        LocalDate today = LocalDate.now();
        LocalDate yearStart = LocalDate.of(today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1, 9, 1);
        long round = as(county, () -> projects.createRound(countyOfficeId, "第七届县级课题", ProjectLevel.COUNTY, yearStart.minusMonths(3)));
        long personalRound = as(county, () -> projects.createRound(countyOfficeId, "第七届县级个人课题", ProjectLevel.PERSONAL,
                yearStart.plusMonths(4)));

        // the county project and its two sub-projects, approved before the school year and now in 中期
        long main = as(jks, () -> projects.create(new ProjectData(schoolId, round, null, ProjectLevel.COUNTY, false,
                "基于大单元教学的小学语文阅读能力培养研究", staff.get(3), "语文", yearStart.minusMonths(2), yearStart.plusYears(2).minusDays(1),
                "以统编教材单元为单位整合阅读教学，探索单元整体设计、学习任务群与阅读评价的校本路径。")));
        as(jks, () -> {
            projects.setMembers(main, List.of(staff.get(4), staff.get(5), teacher, staff.get(7)));
            return null;
        });
        long subA = as(jks, () -> projects.create(new ProjectData(schoolId, round, main, ProjectLevel.COUNTY, false,
                "低年级绘本阅读与识字教学融合研究", staff.get(4), "语文", yearStart.minusMonths(2), yearStart.plusYears(2).minusDays(1), null)));
        long subB = as(jks, () -> projects.create(new ProjectData(schoolId, round, main, ProjectLevel.COUNTY, false,
                "高年级整本书阅读任务单设计研究", staff.get(5), "语文", yearStart.minusMonths(2), yearStart.plusYears(2).minusDays(1), null)));
        as(jks, () -> {
            projects.setMembers(subA, List.of(staff.get(8), staff.get(9)));
            projects.setMembers(subB, List.of(staff.get(10), staff.get(11)));
            return null;
        });
        for (long id : List.of(main, subA, subB)) {
            tasks(jks, id, yearStart);
            document(jks, id, "课题申报书");
            as(jks, () -> {
                stages.submit(id, projects.get(id).version());
                return null;
            });
            as(county, () -> {
                stages.decide(id, projects.get(id).version(), new DecisionData(Decision.PASS, "选题切合学校实际，同意立项。",
                        "XJ7-" + String.format("%03d", id), "示范县教研室〔" + yearStart.getYear() + "〕12号"));
                return null;
            });
            document(jks, id, "开题报告");
            as(jks, () -> {
                stages.submit(id, projects.get(id).version());
                return null;
            });
            if (id != subB) {
                as(county, () -> {
                    stages.decide(id, projects.get(id).version(), new DecisionData(id == main ? Decision.PASS : Decision.PASS_REVISED,
                            id == main ? null : "请将研究目标细化到年级。", null, null));
                    return null;
                });
            }
        }
        // applied in spring, approved last summer, opened in October: the dates the records would have had
        for (long id : List.of(main, subA, subB)) {
            backdate(id, ProjectStage.APPLICATION, yearStart.minusMonths(4), yearStart.minusMonths(2));
            backdate(id, ProjectStage.OPENING, yearStart.plusMonths(1), id == subB ? null : yearStart.plusMonths(1).plusDays(9));
            for (var t : as(jks, () -> projects.tasks(id))) {
                if (t.dueDate().isBefore(today)) {
                    as(jks, () -> {
                        projects.setTaskDone(id, t.id(), t.version(), t.dueDate().minusDays(3));
                        return null;
                    });
                }
            }
        }
        jdbc.sql("update research_project set approved_on = ? where id in (?, ?, ?)")
                .params(yearStart.minusMonths(2), main, subA, subB).update();
        jdbc.sql("update research_stage set due_date = ? where project_id in (?, ?) and stage = 'MIDTERM'")
                .params(today.plusMonths(1), main, subA).update();

        // personal projects of the county round
        long draft = personal(personalRound, schoolId, staff.get(12), "小学数学错题资源的收集与利用研究", "数学");
        as(jks, () -> projects.addTask(draft, staff.get(12), "收集三年级错题样本", today.plusMonths(1)));
        long waiting = personal(personalRound, schoolId, teacher, "课堂提问有效性的行动研究", "语文");
        tasks(jks, waiting, yearStart);
        document(jks, waiting, "个人课题申报表");
        as(jks, () -> {
            stages.submit(waiting, projects.get(waiting).version());
            return null;
        });
        long approved = personal(personalRound, schoolId, staff.get(13), "英语绘本分级阅读的实践研究", "英语");
        long late = personal(personalRound, schoolId, staff.get(14), "体育大课间活动设计研究", "体育");
        long rejected = personal(personalRound, schoolId, staff.get(15), "提高学生综合素质的研究", "综合");
        for (long id : List.of(approved, late, rejected)) {
            tasks(jks, id, yearStart);
            document(jks, id, "个人课题申报表");
            as(jks, () -> {
                stages.submit(id, projects.get(id).version());
                return null;
            });
            DecisionData d = id == rejected
                    ? new DecisionData(Decision.FAIL, "选题过大，研究对象与方法不明确。", null, null)
                    : new DecisionData(Decision.PASS, null, "XJGR7-" + String.format("%03d", id), "示范县教研室〔" + today.getYear() + "〕21号");
            as(county, () -> {
                stages.decide(id, projects.get(id).version(), d);
                return null;
            });
        }
        as(jks, () -> {
            stages.setDue(late, ProjectStage.OPENING, today.minusDays(10));
            return null;
        });
        warmMiddle(jks, main, subA, subB, teacher, YearMonth.from(yearStart), today);
        return List.of(main, subA, subB);
    }

    /**
     * The middle of the year: monthly material (the county project on time every month, one sub-project late in one
     * month and missing the last, the other missing one month), weekly plans, a study session, a paper and an
     * inspection with an open follow-up.
     */
    private void warmMiddle(CurrentUser jks, long main, long subA, long subB, long teacher, YearMonth yearStart, LocalDate today) {
        as(jks, () -> {
            for (long id : List.of(main, subA, subB)) {
                for (ProjectWork.MaterialMonth m : work.materialMonths(id, yearStart, today)) {
                    if (m.due() == null || !m.due().isBefore(today) || m.state() == MonthState.FREE) {
                        continue;
                    }
                    int index = (int) java.time.temporal.ChronoUnit.MONTHS.between(yearStart, m.month());
                    boolean missing = (id == subA && index == 2) || (id == subB && index == 1);
                    if (missing) {
                        continue;
                    }
                    LocalDate filed = id == subA && index == 1 ? m.due().plusDays(6) : m.due().minusDays(1);
                    String title = m.month().getMonthValue() + "月过程性资料";
                    work.fileMaterial(id, m.month().atDay(1), title, "课例、活动记录与学生作品", filed,
                            List.of(new ProjectWork.Upload(title + ".docx", docx(title, "本月研究活动记录与反思。"))));
                }
            }
            LocalDate monday = today.with(java.time.DayOfWeek.MONDAY);
            String[] plans = {"组内研读单元整体教学文献，每人撰写读书摘记", "第三单元课例第一次试教与观课议课",
                    "整理学生阅读任务单，分析完成情况", "课例第二次试教，形成教学设计修改稿"};
            for (int i = 0; i < plans.length; i++) {
                work.saveWeek(main, monday.plusWeeks(i - 2), plans[i], null, i < 2, null);
            }
            work.addStudy(main, today.minusDays(12), "《义务教育语文课程标准（2022年版）》学习任务群解读", "课程标准第三部分",
                    "明确发展型学习任务群的目标与内容，结合本单元设计阅读任务。", "课题组全体成员");
            terms.current().ifPresent(t -> work.addPaper(main, teacher, t.id(), "大单元视角下的阅读任务单设计",
                    t.startDate().plusDays(40).isAfter(today) ? today : t.startDate().plusDays(40), "校刊《桃花源》", null));
            work.inspect(main, today.minusDays(20), "过程资料齐全；课例研究记录较简略，缺少学生前测数据。",
                    "补充两个班的阅读前测数据", today.plusDays(7));
            return null;
        });
    }

    private static java.io.InputStream docx(String title, String body) {
        OfficialDocument doc = new OfficialDocument();
        doc.title(title);
        doc.paragraph(OfficialDocument.Block.BODY, body);
        return new ByteArrayInputStream(doc.bytes());
    }

    /** Moves a stage's submission and decision (and their history lines) to the days they would have happened. */
    private void backdate(long projectId, ProjectStage stage, LocalDate submitted, @org.jspecify.annotations.Nullable LocalDate decided) {
        jdbc.sql("update research_stage set submitted_on = ?, decided_on = ? where project_id = ? and stage = ?")
                .params(submitted, decided, projectId, stage.name()).update();
        jdbc.sql("update research_stage_event set happened_at = ? where project_id = ? and stage = ? and action = 'SUBMIT'")
                .params(submitted.atTime(9, 30), projectId, stage.name()).update();
        if (decided != null) {
            jdbc.sql("update research_stage_event set happened_at = ? where project_id = ? and stage = ? and action = 'DECIDE'")
                    .params(decided.atTime(15, 0), projectId, stage.name()).update();
        }
    }

    private long personal(long round, long schoolId, long lead, String title, String discipline) {
        LocalDate today = LocalDate.now();
        return as(user("jks"), () -> projects.create(new ProjectData(schoolId, round, null, ProjectLevel.PERSONAL, false, title,
                lead, discipline, today.withDayOfMonth(1), today.plusYears(1), null)));
    }

    private void tasks(CurrentUser office, long projectId, LocalDate yearStart) {
        String[] work = {"文献综述与理论学习", "课例研究与课堂观察", "学生问卷与访谈", "案例撰写与资料整理", "阶段小结与论文"};
        as(office, () -> {
            var members = projects.members(projectId);
            for (int i = 0; i < members.size(); i++) {
                projects.addTask(projectId, members.get(i).personId(), work[i % work.length], yearStart.plusMonths(2 + i));
            }
            return null;
        });
    }

    private void document(CurrentUser office, long projectId, String kind) {
        as(office, () -> {
            var p = projects.get(projectId);
            OfficialDocument doc = new OfficialDocument();
            doc.title(kind);
            doc.paragraph(OfficialDocument.Block.SUBTITLE, "《" + p.title() + "》");
            doc.paragraph(OfficialDocument.Block.BODY, "主持人：" + p.leadName() + "　学校：" + p.institutionName());
            doc.paragraph(OfficialDocument.Block.BODY, p.summary() == null ? "（正文略）" : p.summary());
            try {
                return stages.addDocument(projectId, p.stage(), kind + ".docx", new ByteArrayInputStream(doc.bytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private CurrentUser user(String name) {
        return (CurrentUser) users.loadUserByUsername(name);
    }

    private static <T> T as(CurrentUser user, Supplier<T> work) {
        return Access.as(user, work);
    }
}
