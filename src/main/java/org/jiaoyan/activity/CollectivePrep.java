package org.jiaoyan.activity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.files.Attachment;
import org.jiaoyan.files.Attachments;
import org.jiaoyan.files.StoredFile;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 集体备课 as a flow on a collective-preparation activity: the organiser splits the unit (分工备课) with due dates;
 * assigned members hand in drafts; participants comment on them (集体研讨); everyone hands in an adapted version and a
 * reflection after class. Each step is its owner's to hand in; the matrix shows everyone's steps and lateness.
 */
@Service
@Transactional
public class CollectivePrep {

    private final JdbcClient jdbc;
    private final Activities activities;
    private final AuditLog audit;
    private final Attachments attachments;

    /** Owner type of a step's file (教案, 反思 …) in the shared {@link Attachments} table; the latest hand-in counts. */
    public static final String STEP_FILES = "activity.prep-step";

    CollectivePrep(JdbcClient jdbc, Activities activities, AuditLog audit, Attachments attachments) {
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.activities = activities;
        this.audit = audit;
    }

    /** A member's part of the unit to prepare (empty part: no draft for them, only adapting and reflecting). */
    public record Assignment(long personId, @Nullable String part) {
    }

    /** Due dates of the three steps as the assignment form proposes them. */
    public record DueDates(LocalDate draft, LocalDate adapt, LocalDate reflect) {
    }

    /** The form's proposal for an activity on the day, as of today (the dates the page shows). */
    @Transactional(readOnly = true)
    public DueDates defaultDueDates(LocalDate activityDay) {
        return defaultDueDates(activityDay, LocalDate.now());
    }

    /**
     * Draft the day before the activity, adapted version three days and reflection ten days after it; none of them
     * before today (an activity held today or entered afterwards) and each no earlier than the step before.
     */
    public static DueDates defaultDueDates(LocalDate activityDay, LocalDate today) {
        LocalDate draft = latest(activityDay.minusDays(1), today);
        LocalDate adapt = latest(activityDay.plusDays(3), draft);
        LocalDate reflect = latest(activityDay.plusDays(10), adapt);
        return new DueDates(draft, adapt, reflect);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Splits the unit: DRAFT steps for the members with a part, ADAPT and REFLECT steps for every participant. Assigning
     * again updates parts and due dates and keeps what was handed in.
     */
    public void assign(long activityId, List<Assignment> parts, LocalDate draftDue, LocalDate adaptDue, LocalDate reflectDue) {
        Activity a = activities.get(activityId);
        if (!activities.canOrganise(a.organiserUnitId())) {
            throw new ForbiddenException();
        }
        if (adaptDue.isBefore(draftDue) || reflectDue.isBefore(adaptDue)) {
            throw new ValidationException("reflectDue", "prep.due.order");
        }
        List<Long> participants = activities.attendance(activityId).stream().map(Attendance::personId).toList();
        for (Assignment p : parts) {
            if (!participants.contains(p.personId())) {
                throw new ValidationException("parts", "prep.notParticipant");
            }
            if (p.part() != null && p.part().length() > 200) {
                throw new ValidationException("parts", "validation.tooLong");
            }
        }
        for (Assignment p : parts) {
            if (p.part() != null && !p.part().isBlank()) {
                upsert(activityId, p.personId(), PrepStep.Kind.DRAFT, p.part().strip(), draftDue);
            } else {
                jdbc.sql("delete from prep_step where activity_id = ? and person_id = ? and step = 'DRAFT' and done_at is null")
                        .params(activityId, p.personId()).update();
            }
        }
        for (long person : participants) {
            upsert(activityId, person, PrepStep.Kind.ADAPT, null, adaptDue);
            upsert(activityId, person, PrepStep.Kind.REFLECT, null, reflectDue);
        }
        audit.success("ASSIGN", "activity", activityId, a.title(), AuditLog.fact("parts", parts.size()));
    }

    private void upsert(long activityId, long personId, PrepStep.Kind kind, @Nullable String part, LocalDate due) {
        int n = jdbc.sql("update prep_step set part = coalesce(?, part), due_date = ? where activity_id = ? and person_id = ? and step = ?")
                .params(part, due, activityId, personId, kind.name()).update();
        if (n == 0) {
            jdbc.sql("insert into prep_step (activity_id, person_id, step, part, due_date) values (?, ?, ?, ?, ?)")
                    .params(activityId, personId, kind.name(), part, due).update();
        }
    }

    @Transactional(readOnly = true)
    public List<PrepStep> steps(long activityId) {
        activities.get(activityId);
        return jdbc.sql("""
                select s.*, pe.name as person_name, f.file_name as att_name, f.content_type as att_type,
                       f.storage_key as att_key
                  from prep_step s join person pe on pe.id = s.person_id"""
                + Attachments.currentFileJoin("f", STEP_FILES, "s.id")
                + " where s.activity_id = ? order by pe.name, case s.step when 'DRAFT' then 1 when 'ADAPT' then 2 else 3 end")
                .param(activityId)
                .query((rs, i) -> new PrepStep(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("person_id"),
                        rs.getString("person_name"), PrepStep.Kind.valueOf(rs.getString("step")), rs.getString("part"),
                        rs.getString("body"), rs.getString("att_name"), rs.getString("att_type"),
                        rs.getString("att_key"), rs.getObject("due_date", LocalDate.class),
                        rs.getObject("done_at", LocalDateTime.class), rs.getInt("version")))
                .list();
    }

    /**
     * The person's parts of 集体备课 whose activity starts between from and to, newest first, at most 500: one grouped
     * query. A person outside the scope is a 404.
     */
    @Transactional(readOnly = true)
    public List<PrepPart> partsOf(long personId, LocalDate from, LocalDate to) {
        activities.requireReadPerson(personId);
        return jdbc.sql("""
                select a.id, a.title, a.starts_at, max(case when s.step = 'DRAFT' then s.part end) as part,
                       sum(case when s.done_at is not null then 1 else 0 end) as done, count(*) as steps
                  from prep_step s join activity a on a.id = s.activity_id
                 where s.person_id = :p and a.deleted_at is null and a.starts_at >= :from and a.starts_at < :to
                 group by a.id, a.title, a.starts_at
                 order by a.starts_at desc, a.id desc limit 500""")
                .param("p", personId).param("from", from.atStartOfDay()).param("to", to.plusDays(1).atStartOfDay())
                .query((rs, i) -> new PrepPart(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDateTime.class),
                        rs.getString(4), rs.getInt(5), rs.getInt(6)))
                .list();
    }

    /** The owner hands in the step (text and/or a file); handing in again replaces it and keeps the first time. */
    public void handIn(long stepId, int version, @Nullable String body, @Nullable StoredFile file) {
        PrepStep s = step(stepId);
        if (!java.util.Objects.equals(Access.user().personId(), s.personId())) {
            throw new ForbiddenException();
        }
        if ((body == null || body.isBlank()) && file == null && s.storageKey() == null) {
            throw new ValidationException("body", "validation.required");
        }
        if (body != null && body.length() > 8000) {
            throw new ValidationException("body", "validation.tooLong");
        }
        int n = jdbc.sql("""
                update prep_step set body = ?, done_at = coalesce(done_at, ?), version = version + 1
                 where id = ? and version = ?""")
                .params(body == null || body.isBlank() ? null : body.strip(), LocalDateTime.now(), stepId, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        if (file != null) {
            attachments.replace(activities.get(s.activityId()).institutionId(), STEP_FILES, stepId, null, file);
        }
    }

    /** 集体研讨: a participant comments on a draft. */
    public void comment(long stepId, String body) {
        PrepStep s = step(stepId);
        if (s.kind() != PrepStep.Kind.DRAFT) {
            throw new NotFoundException();
        }
        Long me = Access.user().personId();
        if (me == null || !activities.isParticipant(s.activityId())) {
            throw new ForbiddenException();
        }
        if (body == null || body.isBlank()) {
            throw new ValidationException("body", "validation.required");
        }
        if (body.length() > 2000) {
            throw new ValidationException("body", "validation.tooLong");
        }
        jdbc.sql("insert into prep_comment (step_id, person_id, body) values (?, ?, ?)").params(stepId, me, body.strip()).update();
    }

    /** Comments on the drafts of an activity, per draft step, oldest first. */
    @Transactional(readOnly = true)
    public Map<Long, List<Comment>> comments(long activityId) {
        activities.get(activityId);
        Map<Long, List<Comment>> out = new HashMap<>();
        jdbc.sql("""
                select c.step_id, pe.name, c.body, c.created_at from prep_comment c join prep_step s on s.id = c.step_id
                  join person pe on pe.id = c.person_id where s.activity_id = ? order by c.created_at, c.id""")
                .param(activityId)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Comment(rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDateTime.class)));
                });
        return out;
    }

    /** A comment on a draft. */
    public record Comment(String name, String body, LocalDateTime at) {
    }

    /** The file of a step the user may read, to serve it (404 when it has none). */
    @Transactional(readOnly = true)
    public Attachment file(long stepId) {
        step(stepId);
        return attachments.current(STEP_FILES, stepId);
    }

    /** A step the user may read (through its activity). */
    @Transactional(readOnly = true)
    public PrepStep step(long stepId) {
        long activityId = jdbc.sql("select activity_id from prep_step where id = ?").param(stepId).query(Long.class).optional()
                .orElseThrow(NotFoundException::new);
        return steps(activityId).stream().filter(s -> s.id() == stepId).findFirst().orElseThrow(NotFoundException::new);
    }
}
