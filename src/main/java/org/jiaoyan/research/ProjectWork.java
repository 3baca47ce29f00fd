package org.jiaoyan.research;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiaoyan.activity.Activities;
import org.jiaoyan.activity.ActivityFilter;
import org.jiaoyan.activity.ActivityRow;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.files.Attachment;
import org.jiaoyan.files.Attachments;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.research.MaterialCalendar.MonthState;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.Text;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 过程管理, the warm middle of a project between 开题 and 结题: the weekly research plan, the monthly process material
 * (due in the month's first teaching week), the theory-study log, each member's paper per term, the office's stage
 * inspections, and the activities of the project's 课题组. Members read; the lead and the school's 教科室 write
 * (a member files their own paper); only the office inspects. Every check goes through {@link Projects}.
 */
@Service
@Transactional
public class ProjectWork {

    public static final String MATERIAL_OWNER = "research.material";
    public static final String PAPER_OWNER = "research.paper";

    private final JdbcClient jdbc;
    private final Projects projects;
    private final Attachments attachments;
    private final BoxItems box;
    private final Terms terms;
    private final Activities activities;
    private final AuditLog audit;

    ProjectWork(JdbcClient jdbc, Projects projects, Attachments attachments, BoxItems box, Terms terms,
                Activities activities, AuditLog audit) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.attachments = attachments;
        this.box = box;
        this.terms = terms;
        this.activities = activities;
        this.audit = audit;
    }

    // ---------------------------------------------------------------- weekly plan

    /** One week of the plan: the Monday, and what is planned (null when nothing yet). */
    public record Week(LocalDate weekStart, @Nullable WeekPlan plan) {
    }

    /** 周研究计划: what the week is for, who does it, whether it is done. */
    public record WeekPlan(long id, LocalDate weekStart, String content, @Nullable Long personId,
                           @Nullable String personName, boolean done, int version) {
    }

    /**
     * The weeks (Mondays) of the project between its start and end, or of the term holding {@code within} when given
     * (clipped to the project's dates), each with its plan.
     */
    @Transactional(readOnly = true)
    public List<Week> weeks(long projectId, @Nullable SchoolTerm within) {
        Project p = projects.get(projectId);
        LocalDate from = p.startDate();
        LocalDate to = p.endDate();
        if (within != null) {
            from = from == null || from.isBefore(within.startDate()) ? within.startDate() : from;
            to = to == null || to.isAfter(within.endDate()) ? within.endDate() : to;
        }
        Map<LocalDate, WeekPlan> plans = new HashMap<>();
        jdbc.sql("""
                select w.*, pe.name as person_name from research_week_plan w left join person pe on pe.id = w.person_id
                 where w.project_id = ? and w.deleted_at is null order by w.week_start""").param(projectId).query(ProjectWork::weekPlan).list()
                .forEach(w -> plans.put(w.weekStart(), w));
        List<Week> out = new ArrayList<>();
        if (from == null || to == null || to.isBefore(from)) {
            plans.values().stream().sorted(java.util.Comparator.comparing(WeekPlan::weekStart))
                    .forEach(w -> out.add(new Week(w.weekStart(), w)));
            return out;
        }
        for (LocalDate m = monday(from); !m.isAfter(to); m = m.plusWeeks(1)) {
            out.add(new Week(m, plans.get(m)));
        }
        return out;
    }

    /** One week's plan, if written. */
    @Transactional(readOnly = true)
    public Optional<WeekPlan> week(long projectId, LocalDate weekStart) {
        projects.get(projectId);
        return jdbc.sql("""
                select w.*, pe.name as person_name from research_week_plan w left join person pe on pe.id = w.person_id
                 where w.project_id = ? and w.week_start = ? and w.deleted_at is null""").params(projectId, weekStart)
                .query(ProjectWork::weekPlan).optional();
    }

    /**
     * Writes a week's plan (the lead or the office). version null: a new week's plan (refused as stale when someone
     * wrote it meanwhile); otherwise the version that was read.
     */
    public void saveWeek(long projectId, @Nullable LocalDate weekStart, @Nullable String content, @Nullable Long personId,
                         boolean done, @Nullable Integer version) {
        Project p = projects.editable(projectId);
        List<FieldProblem> problems = new ArrayList<>();
        if (weekStart == null) {
            problems.add(new FieldProblem("weekStart", "validation.required"));
        } else if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            problems.add(new FieldProblem("weekStart", "researchwork.week.notMonday"));
        } else if ((p.startDate() != null && weekStart.plusDays(6).isBefore(p.startDate()))
                || (p.endDate() != null && weekStart.isAfter(p.endDate()))) {
            problems.add(new FieldProblem("weekStart", "researchwork.week.outside"));
        }
        String c = Text.clean(content);
        if (c == null) {
            problems.add(new FieldProblem("content", "validation.required"));
        } else if (c.length() > 1000) {
            problems.add(new FieldProblem("content", "researchwork.tooLong", 1000));
        }
        if (personId != null && !isMember(projectId, personId)) {
            problems.add(new FieldProblem("personId", "researchwork.notMember"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Boolean deleted = jdbc.sql("select deleted_at is not null from research_week_plan where project_id = ? and week_start = ?")
                .params(projectId, weekStart).query(Boolean.class).optional().orElse(null);
        if (version == null) {
            if (Boolean.FALSE.equals(deleted)) {
                throw new StaleEditException();
            }
            if (deleted == null) {
                jdbc.sql("""
                        insert into research_week_plan (project_id, week_start, content, person_id, done, updated_by)
                        values (?, ?, ?, ?, ?, ?)""").params(projectId, weekStart, c, personId, done, Access.actor()).update();
            } else {
                // the week's line was deleted: planning the week again takes its row back (one row per week)
                jdbc.sql("""
                        update research_week_plan set content = ?, person_id = ?, done = ?, updated_at = ?, updated_by = ?,
                               deleted_at = null, deleted_by = null, version = version + 1
                         where project_id = ? and week_start = ? and deleted_at is not null""")
                        .params(c, personId, done, LocalDateTime.now(), Access.actor(), projectId, weekStart).update();
            }
        } else {
            int n = jdbc.sql("""
                    update research_week_plan set content = ?, person_id = ?, done = ?, updated_at = ?, updated_by = ?,
                           version = version + 1
                     where project_id = ? and week_start = ? and version = ? and deleted_at is null""")
                    .params(c, personId, done, LocalDateTime.now(), Access.actor(), projectId, weekStart, version).update();
            if (n == 0) {
                throw new StaleEditException();
            }
        }
        audit.success("UPDATE", "research_week_plan", projectId, weekStart + " " + c, null);
    }

    /**
     * Deletes a line of the weekly plan (the lead or the office), softly: the week shows as not planned again. A
     * version someone changed meanwhile is refused; another project's line answers 404.
     */
    public void deleteWeek(long projectId, long planId, int version) {
        projects.editable(projectId);
        WeekPlan w = jdbc.sql("""
                select w.*, null as person_name from research_week_plan w
                 where w.id = ? and w.project_id = ? and w.deleted_at is null""").params(planId, projectId)
                .query(ProjectWork::weekPlan).optional().orElseThrow(NotFoundException::new);
        int n = jdbc.sql("""
                update research_week_plan set deleted_at = ?, deleted_by = ?, version = version + 1
                 where id = ? and version = ? and deleted_at is null""")
                .params(LocalDateTime.now(), Access.actor(), planId, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("DELETE", "research_week_plan", planId, w.weekStart() + " " + w.content(), null);
    }

    // ---------------------------------------------------------------- monthly material

    /** 过程性资料 of a month, with its files; onTime by the month's first teaching week. */
    public record Material(long id, long projectId, LocalDate month, String title, @Nullable String note, LocalDate filedOn,
                           @Nullable String filedBy, boolean onTime, List<Attachment> files) {
    }

    /** A month of the project with its state and what was filed for it. */
    public record MaterialMonth(YearMonth month, MonthState state, @Nullable LocalDate due, List<Material> filed) {
    }

    /** A file to attach: its name and content. */
    public record Upload(String name, InputStream content) {
    }

    /** The project's material, newest month first. */
    @Transactional(readOnly = true)
    public List<Material> materials(long projectId) {
        projects.get(projectId);
        List<Material> rows = jdbc.sql("""
                select * from research_material where project_id = ? and deleted_at is null order by for_month desc, filed_on, id""")
                .param(projectId).query((rs, i) -> new Material(rs.getLong("id"), rs.getLong("project_id"),
                        rs.getObject("for_month", LocalDate.class), rs.getString("title"), rs.getString("note"),
                        rs.getObject("filed_on", LocalDate.class), rs.getString("filed_by"), false, List.of())).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Attachment>> files = attachments.of(MATERIAL_OWNER, rows.stream().map(Material::id).toList());
        YearMonth first = rows.stream().map(m -> YearMonth.from(m.month())).min(YearMonth::compareTo).orElseThrow();
        YearMonth last = rows.stream().map(m -> YearMonth.from(m.month())).max(YearMonth::compareTo).orElseThrow();
        MaterialCalendar cal = MaterialCalendar.of(terms.all(), first, last);
        return rows.stream().map(m -> new Material(m.id(), m.projectId(), m.month(), m.title(), m.note(), m.filedOn(),
                m.filedBy(), cal.onTime(YearMonth.from(m.month()), m.filedOn()), files.getOrDefault(m.id(), List.of())))
                .toList();
    }

    /** The months of a school year (September–August, the first month given) with their state, for the project. */
    @Transactional(readOnly = true)
    public List<MaterialMonth> materialMonths(long projectId, YearMonth yearStart, LocalDate today) {
        Project p = projects.get(projectId);
        YearMonth end = yearStart.plusMonths(11);
        MaterialCalendar cal = MaterialCalendar.of(terms.all(), yearStart, end);
        Map<YearMonth, List<Material>> byMonth = new HashMap<>();
        for (Material m : materials(projectId)) {
            byMonth.computeIfAbsent(YearMonth.from(m.month()), k -> new ArrayList<>()).add(m);
        }
        List<MaterialMonth> out = new ArrayList<>();
        for (YearMonth ym : MaterialCalendar.months(yearStart, end)) {
            List<Material> filed = byMonth.getOrDefault(ym, List.of());
            LocalDate earliest = filed.stream().map(Material::filedOn).min(LocalDate::compareTo).orElse(null);
            MonthState state = covers(p, ym) ? cal.state(ym, earliest, today) : MonthState.NONE;
            if (state == MonthState.NONE && earliest != null) {
                state = cal.state(ym, earliest, today);
            }
            var first = cal.firstWeek(ym);
            out.add(new MaterialMonth(ym, state, first == null ? null : first.to(), filed));
        }
        return out;
    }

    /**
     * Files material for a month (the lead or the office): filed today, or on the day the office gives (entering a
     * paper filing late). Each file goes into the archive box under 研究过程材料.
     */
    public long fileMaterial(long projectId, @Nullable LocalDate month, @Nullable String title, @Nullable String note,
                             @Nullable LocalDate filedOn, List<Upload> files) {
        Project p = projects.editable(projectId);
        LocalDate today = LocalDate.now();
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate day = filedOn == null ? today : filedOn;
        if (filedOn != null && !filedOn.equals(today) && !projects.officeOf(p)) {
            problems.add(new FieldProblem("filedOn", "researchwork.material.filedOnOffice"));
        } else if (day.isAfter(today)) {
            problems.add(new FieldProblem("filedOn", "researchwork.future"));
        }
        if (month == null) {
            problems.add(new FieldProblem("month", "validation.required"));
        } else if (!covers(p, YearMonth.from(month))) {
            problems.add(new FieldProblem("month", "researchwork.month.outside"));
        }
        String t = Text.clean(title);
        if (t == null) {
            problems.add(new FieldProblem("title", "validation.required"));
        } else if (t.length() > 200) {
            problems.add(new FieldProblem("title", "researchwork.tooLong", 200));
        }
        String n = Text.clean(note);
        if (n != null && n.length() > 2000) {
            problems.add(new FieldProblem("note", "researchwork.tooLong", 2000));
        }
        if (files.isEmpty()) {
            problems.add(new FieldProblem("files", "researchwork.material.noFile"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        LocalDate first = YearMonth.from(month).atDay(1);
        long id = Inserts.id(jdbc.sql("""
                insert into research_material (project_id, for_month, title, note, filed_on, filed_by) values (?, ?, ?, ?, ?, ?)""")
                .params(projectId, first, t, n, day, Access.actor()));
        for (Upload f : files) {
            Attachment a = upload(p.institutionId(), MATERIAL_OWNER, id, f);
            box.file(projectId, BoxItems.PROCESS, a, t, "MATERIAL", id, day);
        }
        audit.success("CREATE", "research_material", id, t, null);
        return id;
    }

    /** Moves a filing to the recycle bin, its files out of the archive box with it. */
    public void deleteMaterial(long projectId, long materialId) {
        projects.editable(projectId);
        int n = jdbc.sql("""
                update research_material set deleted_at = current_timestamp, deleted_by = ?
                 where id = ? and project_id = ? and deleted_at is null""").params(Access.actor(), materialId, projectId).update();
        if (n == 0) {
            throw new NotFoundException();
        }
        box.removeSource(projectId, "MATERIAL", materialId);
        audit.success("DELETE", "research_material", materialId, "material " + materialId, null);
    }

    // ---------------------------------------------------------------- study log

    /** 理论学习记载. */
    public record Study(long id, LocalDate studiedOn, String topic, @Nullable String reading, @Nullable String notes,
                        @Nullable String attendees) {
    }

    @Transactional(readOnly = true)
    public List<Study> studies(long projectId) {
        projects.get(projectId);
        return jdbc.sql("""
                select * from research_study where project_id = ? and deleted_at is null order by studied_on desc, id desc""")
                .param(projectId).query((rs, i) -> new Study(rs.getLong("id"), rs.getObject("studied_on", LocalDate.class),
                        rs.getString("topic"), rs.getString("reading"), rs.getString("notes"), rs.getString("attendees")))
                .list();
    }

    public long addStudy(long projectId, @Nullable LocalDate studiedOn, @Nullable String topic, @Nullable String reading,
                         @Nullable String notes, @Nullable String attendees) {
        projects.editable(projectId);
        List<FieldProblem> problems = new ArrayList<>();
        if (studiedOn == null) {
            problems.add(new FieldProblem("studiedOn", "validation.required"));
        } else if (studiedOn.isAfter(LocalDate.now())) {
            problems.add(new FieldProblem("studiedOn", "researchwork.future"));
        }
        String t = Text.clean(topic);
        if (t == null) {
            problems.add(new FieldProblem("topic", "validation.required"));
        }
        length(problems, "topic", t, 200);
        length(problems, "reading", reading, 300);
        length(problems, "notes", notes, 4000);
        length(problems, "attendees", attendees, 1000);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = Inserts.id(jdbc.sql("""
                insert into research_study (project_id, studied_on, topic, reading, notes, attendees, created_by)
                values (?, ?, ?, ?, ?, ?, ?)""").params(projectId, studiedOn, t, Text.clean(reading), Text.clean(notes),
                Text.clean(attendees), Access.actor()));
        audit.success("CREATE", "research_study", id, t, null);
        return id;
    }

    public void deleteStudy(long projectId, long studyId) {
        projects.editable(projectId);
        int n = jdbc.sql("update research_study set deleted_at = current_timestamp where id = ? and project_id = ? and deleted_at is null")
                .params(studyId, projectId).update();
        if (n == 0) {
            throw new NotFoundException();
        }
        audit.success("DELETE", "research_study", studyId, "study " + studyId, null);
    }

    // ---------------------------------------------------------------- papers

    /** A member's project paper (课题论文) of a term, with its file if one was filed. */
    public record Paper(long id, long personId, String personName, long termId, String termLabel, String title,
                        LocalDate writtenOn, @Nullable String publishedIn, @Nullable Attachment file) {
    }

    /** The project's papers, by term (newest first) then member. */
    @Transactional(readOnly = true)
    public List<Paper> papers(long projectId) {
        projects.get(projectId);
        Map<Long, SchoolTerm> byId = new HashMap<>();
        terms.all().forEach(t -> byId.put(t.id(), t));
        List<Paper> rows = jdbc.sql("""
                select r.*, pe.name as person_name from research_paper r join person pe on pe.id = r.person_id
                 join school_term st on st.id = r.term_id
                 where r.project_id = ? and r.deleted_at is null order by st.start_date desc, pe.name, r.written_on""")
                .param(projectId).query((rs, i) -> new Paper(rs.getLong("id"), rs.getLong("person_id"),
                        rs.getString("person_name"), rs.getLong("term_id"), "", rs.getString("title"),
                        rs.getObject("written_on", LocalDate.class), rs.getString("published_in"), null)).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Attachment>> files = attachments.of(PAPER_OWNER, rows.stream().map(Paper::id).toList());
        return rows.stream().map(r -> new Paper(r.id(), r.personId(), r.personName(), r.termId(),
                byId.containsKey(r.termId()) ? byId.get(r.termId()).label() : "", r.title(), r.writtenOn(),
                r.publishedIn(), files.getOrDefault(r.id(), List.of()).stream().findFirst().orElse(null))).toList();
    }

    /** Whether the user may file a paper for the person: themselves as a member, or anyone as the lead or office. */
    @Transactional(readOnly = true)
    public boolean canFilePaper(Project p, long personId) {
        if (projects.canEdit(p)) {
            return true;
        }
        CurrentUser u = Access.user();
        return p.stage() != ProjectStage.CLOSED && p.stage() != ProjectStage.REJECTED
                && u.personId() != null && u.personId() == personId && isMember(p.id(), personId);
    }

    /** Files a member's paper for a term; written_on must fall in the term. */
    public long addPaper(long projectId, @Nullable Long personId, @Nullable Long termId, @Nullable String title,
                         @Nullable LocalDate writtenOn, @Nullable String publishedIn, @Nullable Upload file) {
        Project p = projects.get(projectId);
        CurrentUser u = Access.user();
        long person = personId == null ? (u.personId() == null ? -1 : u.personId()) : personId;
        if (!canFilePaper(p, person)) {
            if (!projects.canEdit(p) && !isMember(projectId, u.personId() == null ? -1 : u.personId())) {
                throw new ForbiddenException();
            }
            throw new ValidationException("personId", "researchwork.paper.ownOnly");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (!isMember(projectId, person)) {
            problems.add(new FieldProblem("personId", "researchwork.notMember"));
        }
        SchoolTerm term = termId == null ? null : terms.all().stream().filter(t -> t.id() == termId).findFirst().orElse(null);
        if (term == null) {
            problems.add(new FieldProblem("termId", "validation.required"));
        }
        String t = Text.clean(title);
        if (t == null) {
            problems.add(new FieldProblem("title", "validation.required"));
        }
        length(problems, "title", t, 200);
        length(problems, "publishedIn", publishedIn, 200);
        if (writtenOn == null) {
            problems.add(new FieldProblem("writtenOn", "validation.required"));
        } else if (term != null && !term.contains(writtenOn)) {
            problems.add(new FieldProblem("writtenOn", "researchwork.paper.outsideTerm", term.label()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = Inserts.id(jdbc.sql("""
                insert into research_paper (project_id, person_id, term_id, title, written_on, published_in, created_by)
                values (?, ?, ?, ?, ?, ?, ?)""").params(projectId, person, termId, t, writtenOn, Text.clean(publishedIn),
                Access.actor()));
        if (file != null) {
            Attachment a = upload(p.institutionId(), PAPER_OWNER, id, file);
            box.file(projectId, BoxItems.TEACHER, a, t, "PAPER", id, writtenOn);
        }
        audit.success("CREATE", "research_paper", id, t, null);
        return id;
    }

    /** Removes a paper (its author, the lead or the office), its file out of the archive box. */
    public void deletePaper(long projectId, long paperId) {
        Project p = projects.get(projectId);
        Long person = jdbc.sql("select person_id from research_paper where id = ? and project_id = ? and deleted_at is null")
                .params(paperId, projectId).query(Long.class).optional().orElseThrow(NotFoundException::new);
        if (!canFilePaper(p, person)) {
            throw new ForbiddenException();
        }
        jdbc.sql("update research_paper set deleted_at = current_timestamp where id = ?").param(paperId).update();
        box.removeSource(projectId, "PAPER", paperId);
        audit.success("DELETE", "research_paper", paperId, "paper " + paperId, null);
    }

    // ---------------------------------------------------------------- inspections

    /** 阶段推进检查 by the school's office: findings, a follow-up due by a date, its resolution. */
    public record Inspection(long id, LocalDate inspectedOn, @Nullable String inspector, String findings,
                             @Nullable String followUp, @Nullable LocalDate followUpDue, @Nullable LocalDate resolvedOn,
                             @Nullable String resolution, int version) {

        /** A follow-up past its due date and not resolved. */
        public boolean late(LocalDate today) {
            return followUpDue != null && resolvedOn == null && today.isAfter(followUpDue);
        }

        public boolean open() {
            return followUp != null && resolvedOn == null;
        }
    }

    @Transactional(readOnly = true)
    public List<Inspection> inspections(long projectId) {
        projects.get(projectId);
        return jdbc.sql("select * from research_inspection where project_id = ? and deleted_at is null order by inspected_on desc, id desc")
                .param(projectId).query((rs, i) -> new Inspection(rs.getLong("id"), rs.getObject("inspected_on", LocalDate.class),
                        rs.getString("inspector"), rs.getString("findings"), rs.getString("follow_up"),
                        rs.getObject("follow_up_due", LocalDate.class), rs.getObject("resolved_on", LocalDate.class),
                        rs.getString("resolution"), rs.getInt("version"))).list();
    }

    /** Whether the user inspects the project: the school's office only. */
    @Transactional(readOnly = true)
    public boolean canInspect(Project p) {
        return projects.officeOf(p);
    }

    public long inspect(long projectId, @Nullable LocalDate inspectedOn, @Nullable String findings,
                        @Nullable String followUp, @Nullable LocalDate followUpDue) {
        Project p = office(projectId);
        List<FieldProblem> problems = new ArrayList<>();
        if (inspectedOn == null) {
            problems.add(new FieldProblem("inspectedOn", "validation.required"));
        } else if (inspectedOn.isAfter(LocalDate.now())) {
            problems.add(new FieldProblem("inspectedOn", "researchwork.future"));
        }
        String f = Text.clean(findings);
        if (f == null) {
            problems.add(new FieldProblem("findings", "validation.required"));
        }
        length(problems, "findings", f, 4000);
        String fu = Text.clean(followUp);
        length(problems, "followUp", fu, 2000);
        if (fu != null && followUpDue == null) {
            problems.add(new FieldProblem("followUpDue", "researchwork.inspection.dueRequired"));
        } else if (followUpDue != null && inspectedOn != null && followUpDue.isBefore(inspectedOn)) {
            problems.add(new FieldProblem("followUpDue", "researchwork.inspection.dueBefore"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = Inserts.id(jdbc.sql("""
                insert into research_inspection (project_id, inspected_on, inspector, findings, follow_up, follow_up_due)
                values (?, ?, ?, ?, ?, ?)""").params(p.id(), inspectedOn, Access.user().displayName(), f, fu,
                fu == null ? null : followUpDue));
        audit.success("CREATE", "research_inspection", id, f, null);
        return id;
    }

    /** Records the follow-up as resolved. */
    public void resolve(long projectId, long inspectionId, int version, @Nullable LocalDate resolvedOn,
                        @Nullable String resolution) {
        office(projectId);
        List<FieldProblem> problems = new ArrayList<>();
        if (resolvedOn == null) {
            problems.add(new FieldProblem("resolvedOn", "validation.required"));
        } else if (resolvedOn.isAfter(LocalDate.now())) {
            problems.add(new FieldProblem("resolvedOn", "researchwork.future"));
        }
        String r = Text.clean(resolution);
        if (r == null) {
            problems.add(new FieldProblem("resolution", "validation.required"));
        }
        length(problems, "resolution", r, 2000);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        jdbc.sql("select id from research_inspection where id = ? and project_id = ? and deleted_at is null")
                .params(inspectionId, projectId).query(Long.class).optional().orElseThrow(NotFoundException::new);
        int n = jdbc.sql("""
                update research_inspection set resolved_on = ?, resolution = ?, version = version + 1
                 where id = ? and version = ?""").params(resolvedOn, r, inspectionId, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("UPDATE", "research_inspection", inspectionId, r, null);
    }

    public void deleteInspection(long projectId, long inspectionId) {
        office(projectId);
        int n = jdbc.sql("update research_inspection set deleted_at = current_timestamp where id = ? and project_id = ? and deleted_at is null")
                .params(inspectionId, projectId).update();
        if (n == 0) {
            throw new NotFoundException();
        }
        audit.success("DELETE", "research_inspection", inspectionId, "inspection " + inspectionId, null);
    }

    private Project office(long projectId) {
        Project p = projects.get(projectId);
        if (!projects.officeOf(p)) {
            throw new ForbiddenException();
        }
        return p;
    }

    // ---------------------------------------------------------------- activities and files

    /** The latest activities of the project's 课题组 (none for a personal project or before 立项), through activity. */
    @Transactional(readOnly = true)
    public List<ActivityRow> activities(long projectId, int limit) {
        Project p = projects.get(projectId);
        if (p.groupId() == null) {
            return List.of();
        }
        return activities.list(new ActivityFilter(null, p.groupId(), p.startDate(), null, null), PageQuery.of(1, limit, null, null))
                .items();
    }

    /** A file of the project's material or papers, after the read check (404 for any other attachment). */
    @Transactional(readOnly = true)
    public Attachment file(long projectId, long attachmentId) {
        projects.get(projectId);
        Attachment a = attachments.get(attachmentId);
        String table = switch (a.ownerType()) {
            case MATERIAL_OWNER -> "research_material";
            case PAPER_OWNER -> "research_paper";
            default -> throw new NotFoundException();
        };
        long n = jdbc.sql("select count(*) from " + table + " where id = ? and project_id = ? and deleted_at is null")
                .params(a.ownerId(), projectId).query(Long.class).single();
        if (n == 0) {
            throw new NotFoundException();
        }
        return a;
    }

    /** The terms, newest first (papers are filed per term). */
    @Transactional(readOnly = true)
    public List<SchoolTerm> terms() {
        return terms.all();
    }

    // ---------------------------------------------------------------- helpers

    /** Whether the project's dates cover the month (open ends cover everything). */
    static boolean covers(Project p, YearMonth ym) {
        return (p.startDate() == null || !p.startDate().isAfter(ym.atEndOfMonth()))
                && (p.endDate() == null || !p.endDate().isBefore(ym.atDay(1)));
    }

    private boolean isMember(long projectId, long personId) {
        return jdbc.sql("select count(*) from research_member where project_id = ? and person_id = ?")
                .params(projectId, personId).query(Long.class).single() > 0;
    }

    private Attachment upload(long institutionId, String owner, long ownerId, Upload f) {
        try {
            return attachments.upload(institutionId, owner, ownerId, null, f.name(), f.content());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void length(List<FieldProblem> problems, String field, @Nullable String value, int max) {
        if (value != null && value.strip().length() > max) {
            problems.add(new FieldProblem(field, "researchwork.tooLong", max));
        }
    }

    private static LocalDate monday(LocalDate d) {
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static WeekPlan weekPlan(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new WeekPlan(rs.getLong("id"), rs.getObject("week_start", LocalDate.class), rs.getString("content"),
                rs.getObject("person_id", Long.class), rs.getString("person_name"), rs.getBoolean("done"), rs.getInt("version"));
    }
}
