package org.jiaoyan.research;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.files.Attachment;
import org.jiaoyan.files.Attachments;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.Text;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a project: 申报 → 立项 → 开题 → 中期检查 → 结题 → 成果推广. The lead (or the school's office) files the
 * current stage's document(s) and submits; the organiser decides 通过 / 修改后通过 / 不通过 with comments. Passing
 * 申报 is 立项 (with its number and letter, the 课题组 is made and the later stages get due dates); a failed 申报
 * closes the project (不予立项); any other failed stage is filed again. Every step is in the history.
 */
@Service
@Transactional
public class ProjectStages {

    /** Owner type of stage documents in {@link Attachments} (owner id: the project, category: the stage). */
    public static final String DOCUMENTS = "research.stage";

    private final JdbcClient jdbc;
    private final Projects projects;
    private final Attachments attachments;
    private final BoxItems box;
    private final AuditLog audit;

    ProjectStages(JdbcClient jdbc, Projects projects, Attachments attachments, BoxItems box, AuditLog audit) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.attachments = attachments;
        this.box = box;
        this.audit = audit;
    }

    /** The five stages of a project in order; a stage not yet touched has id 0. */
    @Transactional(readOnly = true)
    public List<StageRecord> stages(long projectId) {
        projects.get(projectId);
        return stagesOf(projectId);
    }

    List<StageRecord> stagesOf(long projectId) {
        Map<ProjectStage, StageRecord> rows = jdbc.sql("select * from research_stage where project_id = ?").param(projectId)
                .query(ProjectStages::row).list().stream().collect(Collectors.toMap(StageRecord::stage, Function.identity()));
        return ProjectStage.STAGES.stream().map(s -> rows.getOrDefault(s,
                new StageRecord(0, projectId, s, null, null, null, null, null, null, 0))).toList();
    }

    /** The history, newest first. */
    @Transactional(readOnly = true)
    public List<StageEvent> history(long projectId) {
        projects.get(projectId);
        return jdbc.sql("select * from research_stage_event where project_id = ? order by happened_at desc, id desc")
                .param(projectId).query((rs, i) -> new StageEvent(ProjectStage.valueOf(rs.getString("stage")),
                        rs.getString("action"), rs.getString("decision") == null ? null : Decision.valueOf(rs.getString("decision")),
                        rs.getString("comment"), rs.getString("actor"), rs.getTimestamp("happened_at").toLocalDateTime())).list();
    }

    /** The documents filed for each stage (stage → files, oldest first). */
    @Transactional(readOnly = true)
    public Map<ProjectStage, List<Attachment>> documents(long projectId) {
        projects.get(projectId);
        Map<ProjectStage, List<Attachment>> out = new java.util.EnumMap<>(ProjectStage.class);
        for (Attachment a : attachments.of(DOCUMENTS, projectId)) {
            out.computeIfAbsent(ProjectStage.valueOf(a.category()), k -> new ArrayList<>()).add(a);
        }
        return out;
    }

    /** One stage document of the project, for reading (404 when it belongs to another project). */
    @Transactional(readOnly = true)
    public Attachment document(long projectId, long attachmentId) {
        projects.get(projectId);
        return attachments.get(attachmentId, DOCUMENTS, projectId);
    }

    /** Serves a stage document of the project after the read check (PDF inline, the rest as a download). */
    @Transactional(readOnly = true)
    public org.springframework.http.ResponseEntity<org.springframework.core.io.InputStreamResource> download(
            long projectId, long attachmentId) throws IOException {
        return attachments.download(document(projectId, attachmentId));
    }

    /** Files a document for a stage that is open (not passed); it also lands in the archive box under 文本资料. */
    public Attachment addDocument(long projectId, ProjectStage stage, String fileName, InputStream in) throws IOException {
        Project p = projects.editable(projectId);
        StageRecord s = stageOf(projectId, stage);
        if (!stage.isStage() || (s.decision() != null && s.decision().passes())) {
            throw new ValidationException("file", "research.stage.closed");
        }
        Attachment a = attachments.upload(p.institutionId(), DOCUMENTS, projectId, stage.name(), fileName, in);
        box.file(projectId, BoxItems.TEXT, a, a.fileName(), "STAGE", projectId, LocalDate.now());
        audit.success("CREATE", "research_stage_document", projectId, stage + " " + a.fileName(), null);
        return a;
    }

    /** Removes a document of a stage not yet submitted. */
    public void deleteDocument(long projectId, long attachmentId) {
        projects.editable(projectId);
        Attachment a = attachments.get(attachmentId, DOCUMENTS, projectId);
        StageRecord s = stageOf(projectId, ProjectStage.valueOf(a.category()));
        if (s.waiting() || (s.decision() != null && s.decision().passes())) {
            throw new ValidationException("file", "research.stage.submitted");
        }
        attachments.delete(attachmentId);
        jdbc.sql("update research_box_item set deleted_at = current_timestamp where attachment_id = ?").param(attachmentId).update();
    }

    /** Sets the due date of a stage (the school's office or the organiser). */
    public void setDue(long projectId, ProjectStage stage, @Nullable LocalDate due) {
        Project p = projects.get(projectId);
        if (!projects.officeOf(p) && !projects.canDecide(p)) {
            throw new ForbiddenException();
        }
        if (!stage.isStage()) {
            throw new ValidationException("stage", "research.stage.closed");
        }
        ensure(projectId, stage);
        jdbc.sql("update research_stage set due_date = ?, version = version + 1 where project_id = ? and stage = ?")
                .params(due, projectId, stage.name()).update();
        event(projectId, stage, "DUE", null, due == null ? null : due.toString());
    }

    /**
     * Submits the project's current stage for decision: it needs a document, and 申报 needs every member to carry a
     * research task (杜绝只挂名不研究): the refusal names who has none.
     */
    public void submit(long projectId, int version) {
        Project p = projects.editable(projectId);
        if (p.version() != version) {
            throw new StaleEditException();
        }
        ProjectStage stage = p.stage();
        StageRecord s = stageOf(projectId, stage);
        if (s.waiting()) {
            throw new ValidationException(null, "research.stage.alreadySubmitted");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (attachments.of(DOCUMENTS, projectId).stream().noneMatch(a -> stage.name().equals(a.category()))) {
            problems.add(new FieldProblem("file", "research.stage.documentMissing"));
        }
        if (stage == ProjectStage.APPLICATION) {
            List<ProjectMember> idle = projects.membersWithoutTask(projectId);
            if (!idle.isEmpty()) {
                problems.add(new FieldProblem("members", "research.members.withoutTask",
                        idle.stream().map(ProjectMember::name).collect(Collectors.joining("、"))));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        ensure(projectId, stage);
        jdbc.sql("""
                update research_stage set submitted_on = ?, decision = null, decided_on = null, decided_by = null,
                       comment = null, version = version + 1 where project_id = ? and stage = ?""")
                .params(LocalDate.now(), projectId, stage.name()).update();
        bump(projectId);
        event(projectId, stage, "SUBMIT", null, null);
        audit.success("SUBMIT", "research_project", projectId, stage.name(), null);
    }

    /** What the organiser decides on a submitted stage; 立项 needs the number (编号), the letter (文件) is optional. */
    public record DecisionData(Decision decision, @Nullable String comment, @Nullable String projectNo,
                               @Nullable String approvalLetter) {
    }

    public void decide(long projectId, int version, DecisionData d) {
        Project p = projects.get(projectId);
        if (!projects.canDecide(p)) {
            throw new ForbiddenException();
        }
        if (p.version() != version) {
            throw new StaleEditException();
        }
        ProjectStage stage = p.stage();
        StageRecord s = stageOf(projectId, stage);
        if (!s.waiting()) {
            throw new ValidationException(null, "research.stage.notSubmitted");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String comment = Text.clean(d.comment());
        if (d.decision() != Decision.PASS && comment == null) {
            problems.add(new FieldProblem("comment", "research.decision.commentRequired"));
        }
        String no = Text.clean(d.projectNo());
        if (stage == ProjectStage.APPLICATION && d.decision().passes()) {
            if (no == null) {
                problems.add(new FieldProblem("projectNo", "research.approval.numberRequired"));
            } else if (jdbc.sql("""
                    select count(*) from research_project where project_no = ? and organizer_id = ? and id <> ?
                       and deleted_at is null""").params(no, p.organizerId(), projectId).query(Long.class).single() > 0) {
                problems.add(new FieldProblem("projectNo", "research.approval.numberTaken", no));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        LocalDate today = LocalDate.now();
        jdbc.sql("""
                update research_stage set decision = ?, decided_on = ?, decided_by = ?, comment = ?, version = version + 1
                 where project_id = ? and stage = ?""")
                .params(d.decision().name(), today, Access.actor(), comment, projectId, stage.name()).update();
        event(projectId, stage, "DECIDE", d.decision(), comment);
        if (d.decision().passes()) {
            ProjectStage next = stage.next();
            jdbc.sql("update research_project set stage = ?, updated_at = ?, updated_by = ? where id = ?")
                    .params(next.name(), LocalDateTime.now(), Access.actor(), projectId).update();
            if (stage == ProjectStage.APPLICATION) {
                jdbc.sql("update research_project set project_no = ?, approval_letter = ?, approved_on = ? where id = ?")
                        .params(no, Text.clean(d.approvalLetter()), today, projectId).update();
                defaultDueDates(p, today);
                projects.syncGroup(projects.find(projectId));
            }
            if (next == ProjectStage.CLOSED) {
                projects.retireGroup(projects.find(projectId));
            }
        } else if (stage == ProjectStage.APPLICATION) {
            jdbc.sql("update research_project set stage = 'REJECTED', updated_at = ?, updated_by = ? where id = ?")
                    .params(LocalDateTime.now(), Access.actor(), projectId).update();
        }
        bump(projectId);
        audit.success("DECIDE", "research_project", projectId, stage + " " + d.decision(), comment);
    }

    /** After 立项: 开题 within a month, 中期 halfway, 结题 at the end date, 成果推广 three months later (unless set). */
    private void defaultDueDates(Project p, LocalDate approved) {
        LocalDate end = p.endDate() != null && p.endDate().isAfter(approved.plusMonths(2)) ? p.endDate() : approved.plusYears(1);
        LocalDate mid = approved.plusDays(java.time.temporal.ChronoUnit.DAYS.between(approved, end) / 2);
        dueIfUnset(p.id(), ProjectStage.OPENING, approved.plusMonths(1));
        dueIfUnset(p.id(), ProjectStage.MIDTERM, mid);
        dueIfUnset(p.id(), ProjectStage.CONCLUSION, end);
        dueIfUnset(p.id(), ProjectStage.DISSEMINATION, end.plusMonths(3));
    }

    private void dueIfUnset(long projectId, ProjectStage stage, LocalDate due) {
        ensure(projectId, stage);
        jdbc.sql("update research_stage set due_date = ? where project_id = ? and stage = ? and due_date is null")
                .params(due, projectId, stage.name()).update();
    }

    private StageRecord stageOf(long projectId, ProjectStage stage) {
        return stagesOf(projectId).stream().filter(s -> s.stage() == stage).findFirst()
                .orElse(new StageRecord(0, projectId, stage, null, null, null, null, null, null, 0));
    }

    private void ensure(long projectId, ProjectStage stage) {
        jdbc.sql("""
                insert into research_stage (project_id, stage)
                select ?, ? where not exists (select 1 from research_stage where project_id = ? and stage = ?)""")
                .params(projectId, stage.name(), projectId, stage.name()).update();
    }

    private void bump(long projectId) {
        jdbc.sql("update research_project set version = version + 1 where id = ?").param(projectId).update();
    }

    private void event(long projectId, ProjectStage stage, String action, @Nullable Decision decision, @Nullable String comment) {
        jdbc.sql("""
                insert into research_stage_event (project_id, stage, action, decision, comment, actor)
                values (?, ?, ?, ?, ?, ?)""")
                .params(projectId, stage.name(), action, decision == null ? null : decision.name(), comment, Access.actor())
                .update();
    }

    static StageRecord row(ResultSet rs, int i) throws SQLException {
        return new StageRecord(rs.getLong("id"), rs.getLong("project_id"), ProjectStage.valueOf(rs.getString("stage")),
                rs.getObject("due_date", LocalDate.class), rs.getObject("submitted_on", LocalDate.class),
                rs.getString("decision") == null ? null : Decision.valueOf(rs.getString("decision")),
                rs.getObject("decided_on", LocalDate.class), rs.getString("decided_by"), rs.getString("comment"),
                rs.getInt("version"));
    }
}
