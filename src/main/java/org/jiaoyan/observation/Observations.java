package org.jiaoyan.observation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.DataScope;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jiaoyan.shared.SqlFilter;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Observed lessons. The observer records (and may correct until acknowledged); the observed teacher sees and
 * acknowledges with an optional reply; group leaders see their members', heads, principals and county researchers
 * their institutions'. Anything else is a 404. An observation made for a plan item is linked to it.
 */
@Service
@Transactional
public class Observations {

    static final String ROW_SELECT = """
            select o.id, o.observed_on, o.observer_id, ob.name as observer_name, o.teacher_id, t.name as teacher_name,
                   i.name as institution_name, o.class_name, o.subject_code, o.topic, o.lesson_type, o.total,
                   f.name as form_name, o.strengths, o.suggestions, o.acknowledged_at
              from observation o join person ob on ob.id = o.observer_id join person t on t.id = o.teacher_id
              join org_unit i on i.id = o.institution_id
              left join observation_form_version v on v.id = o.form_version_id
              left join observation_form f on f.id = v.form_id""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final EvaluationForms forms;
    private final PlanItems planItems;

    Observations(JdbcClient jdbc, AuditLog audit, EvaluationForms forms, PlanItems planItems) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.forms = forms;
        this.planItems = planItems;
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public PageResult<ObservationRow> list(ObservationFilter f, PageQuery requested) {
        SqlFilter w = where(f);
        long total = w.bind(jdbc.sql("select count(*) from observation o join person ob on ob.id = o.observer_id"
                + " join person t on t.id = o.teacher_id" + w.sql())).query(Long.class).single();
        PageQuery q = requested.within(total);
        String order = switch (q.sort() == null ? "" : q.sort()) {
            case "topic" -> "o.topic";
            case "teacher" -> "t.name";
            case "observer" -> "ob.name";
            case "school" -> "institution_name";
            case "total" -> "o.total";
            default -> "o.observed_on";
        } + (q.desc() || q.sort() == null ? " desc" : "") + ", o.id desc";
        List<ObservationRow> rows = w.bind(jdbc.sql(ROW_SELECT + w.sql() + " order by " + order
                        + " limit :limit offset :offset"))
                .param("limit", q.size()).param("offset", q.offset()).query(Observations::row).list();
        return new PageResult<>(rows, total, q.page(), q.size());
    }

    /** Observations of an activity's lessons (an open lesson observed by the group) that the user may see. */
    @Transactional(readOnly = true)
    public List<ObservationRow> ofActivity(long activityId) {
        SqlFilter w = where(ObservationFilter.none()).where("o.activity_id = :activity", "activity", activityId);
        return w.bind(jdbc.sql(ROW_SELECT + w.sql() + " order by o.observed_on, o.id limit 200")).query(Observations::row).list();
    }

    /** Every row of the filter (at most 10,000), for the .xlsx export. */
    @Transactional(readOnly = true)
    public List<ObservationRow> export(ObservationFilter f) {
        SqlFilter w = where(f);
        return w.bind(jdbc.sql(ROW_SELECT + w.sql() + " order by o.observed_on, o.id limit 10000"))
                .query(Observations::row).list();
    }

    private SqlFilter where(ObservationFilter f) {
        CurrentUser u = Access.user();
        DataScope scope = u.scope();
        long me = u.personId() == null ? DataScope.NONE : u.personId();
        SqlFilter w = new SqlFilter().where("o.deleted_at is null");
        if (!scope.all()) {
            w.where("(o.observer_id = :me or o.teacher_id = :me or o.teacher_id in (:persons) or o.institution_id in (:insts))",
                    "me", me, "persons", scope.personIds(), "insts", scope.institutionIds());
        }
        if (f.whose() == ObservationFilter.Whose.MINE) {
            w.where("o.observer_id = :self", "self", me);
        } else if (f.whose() == ObservationFilter.Whose.OF_ME) {
            w.where("o.teacher_id = :self", "self", me);
        }
        w.whenSet(f.from(), "o.observed_on >= :from", "from");
        w.whenSet(f.to(), "o.observed_on <= :to", "to");
        w.whenSet(f.observerId(), "o.observer_id = :observer", "observer");
        w.whenSet(f.teacherId(), "o.teacher_id = :teacher", "teacher");
        w.whenSet(f.institutionId(), "o.institution_id = :school", "school");
        w.whenSet(f.lessonType() == null ? null : f.lessonType().name(), "o.lesson_type = :type", "type");
        w.contains(f.text(), "(lower(o.topic) like :text or lower(t.name) like :text or lower(ob.name) like :text)", "text");
        return w;
    }

    @Transactional(readOnly = true)
    public Observation get(long id) {
        Observation o = jdbc.sql("""
                select o.*, ob.name as observer_name, t.name as teacher_name
                  from observation o join person ob on ob.id = o.observer_id join person t on t.id = o.teacher_id
                 where o.id = ? and o.deleted_at is null""").param(id)
                .query(Observations::detail).optional().orElseThrow(NotFoundException::new);
        if (!canRead(o)) {
            throw new NotFoundException();
        }
        Map<Long, BigDecimal> scores = new LinkedHashMap<>();
        Map<Long, String> texts = new LinkedHashMap<>();
        jdbc.sql("select criterion_id, score, text_value from observation_score where observation_id = ?").param(id)
                .query(rs -> {
                    if (rs.getBigDecimal(2) != null) {
                        scores.put(rs.getLong(1), rs.getBigDecimal(2));
                    }
                    if (rs.getString(3) != null) {
                        texts.put(rs.getLong(1), rs.getString(3));
                    }
                });
        return new Observation(o.id(), o.institutionId(), o.observerId(), o.observerName(), o.teacherId(), o.teacherName(),
                o.observedOn(), o.className(), o.subjectCode(), o.topic(), o.lessonType(), o.formVersionId(), o.total(),
                o.strengths(), o.suggestions(), o.activityId(), o.planItemId(), o.acknowledgedAt(), o.reply(),
                scores, texts, o.version(), o.createdAt());
    }

    /** The form version the observation was scored on (old observations keep theirs). */
    @Transactional(readOnly = true)
    public @Nullable FormVersion formOf(Observation o) {
        return o.formVersionId() == null ? null : forms.loadVersion(o.formVersionId());
    }

    /** What the user may do with the observation, for buttons (each action checks again). */
    public ObservationRights rights(Observation o) {
        Long me = Access.user().personId();
        boolean observer = Objects.equals(me, o.observerId());
        return new ObservationRights(observer && !o.acknowledged(), Objects.equals(me, o.teacherId()),
                observer || Access.scope().canManageInstitution(o.institutionId()));
    }

    /** A teacher's 听课记录: the lessons the teacher observed between from and to, oldest first. */
    @Transactional(readOnly = true)
    public List<ObservationRow> log(long teacherId, LocalDate from, LocalDate to) {
        Colleague t = person(teacherId);
        CurrentUser u = Access.user();
        if (!u.scope().canReadPerson(teacherId, t.institutionId())) {
            throw new NotFoundException();
        }
        return jdbc.sql(ROW_SELECT + " where o.deleted_at is null and o.observer_id = ? and o.observed_on between ? and ?"
                        + " order by o.observed_on, o.id")
                .params(teacherId, from, to).query(Observations::row).list();
    }

    /**
     * A teacher's lessons observed and observed by them between from and to, newest first, at most 2,000: their growth
     * profile. Whoever may read the teacher sees both sides, as with the 听课记录.
     */
    @Transactional(readOnly = true)
    public List<ObservationRow> ofPerson(long personId, LocalDate from, LocalDate to) {
        Colleague t = person(personId);
        if (!Access.scope().canReadPerson(personId, t.institutionId())) {
            throw new NotFoundException();
        }
        return jdbc.sql(ROW_SELECT + " where o.deleted_at is null and (o.observer_id = :p or o.teacher_id = :p)"
                        + " and o.observed_on between :from and :to order by o.observed_on desc, o.id desc limit 2000")
                .param("p", personId).param("from", from).param("to", to).query(Observations::row).list();
    }

    /** One criterion of a lesson's score sheet as the 听课记录本 prints it: points (max) and the score given, or the text. */
    public record ScoreLine(String group, String name, @Nullable BigDecimal points, boolean textField,
                            @Nullable BigDecimal score, @Nullable String text) {
    }

    /**
     * The score sheets of observations the caller has read (from {@link #log}): per observation its form's criteria in
     * order with the score or text given. One query.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<ScoreLine>> scoreSheets(List<ObservationRow> rows) {
        Map<Long, List<ScoreLine>> out = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select o.id, c.group_name, c.name, c.points, c.text_field, s.score, s.text_value
                  from observation o join observation_criterion c on c.form_version_id = o.form_version_id
                  left join observation_score s on s.observation_id = o.id and s.criterion_id = c.id
                 where o.id in (:ids) and o.deleted_at is null
                 order by o.id, c.sort_order, c.id""")
                .param("ids", rows.stream().map(ObservationRow::id).toList())
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ScoreLine(rs.getString(2),
                            rs.getString(3), rs.getBigDecimal(4), rs.getBoolean(5), rs.getBigDecimal(6), rs.getString(7)));
                });
        return out;
    }

    /** Name and institution of a person the user may read (the log's heading). */
    @Transactional(readOnly = true)
    public Colleague colleague(long personId) {
        Colleague c = person(personId);
        if (!Access.scope().canReadPerson(personId, c.institutionId())) {
            throw new NotFoundException();
        }
        return c;
    }

    /** Teachers the user may observe: the active staff of their own institution except themselves. */
    @Transactional(readOnly = true)
    public List<Colleague> colleagues() {
        CurrentUser u = Access.user();
        if (u.institutionId() == null) {
            return List.of();
        }
        return jdbc.sql("""
                select p.id, p.institution_id, p.name, i.name from person p join org_unit i on i.id = p.institution_id
                 where p.institution_id = ? and p.deleted_at is null and p.status = 'ACTIVE' and p.id <> ? order by p.name, p.id""")
                .params(u.institutionId(), u.personId() == null ? DataScope.NONE : u.personId())
                .query((rs, i) -> new Colleague(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).list();
    }

    /** Forms the user can score on: their institution's (the defaults are made on first use). */
    public List<EvaluationForm> usableForms() {
        CurrentUser u = Access.user();
        if (u.institutionId() == null) {
            return List.of();
        }
        forms.ensureDefaults(u.institutionId());
        return forms.of(u.institutionId());
    }

    /** A person as the observation pages need them. */
    public record Colleague(long id, long institutionId, String name, String institutionName) {
    }

    // ---------------------------------------------------------------- changing

    public long create(ObservationData d) {
        CurrentUser u = Access.user();
        if (u.personId() == null) {
            throw new ForbiddenException();
        }
        List<FieldProblem> problems = new ArrayList<>();
        Colleague teacher = null;
        if (d.teacherId() == null) {
            problems.add(new FieldProblem("teacherId", "validation.required"));
        } else {
            teacher = jdbc.sql("select p.id, p.institution_id, p.name, i.name from person p join org_unit i on i.id = p.institution_id where p.id = ? and p.deleted_at is null")
                    .param(d.teacherId()).query((rs, i) -> new Colleague(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                    .optional().orElse(null);
            if (teacher == null || !(Objects.equals(teacher.institutionId(), u.institutionId())
                    || u.scope().canReadInstitution(teacher.institutionId()))) {
                problems.add(new FieldProblem("teacherId", "observation.teacher.notYours"));
                teacher = null;
            } else if (teacher.id() == u.personId()) {
                problems.add(new FieldProblem("teacherId", "observation.teacher.self"));
            }
        }
        FormVersion form = null;
        if (d.formId() != null) {
            EvaluationForm f = jdbc.sql("select institution_id from observation_form where id = ? and deleted_at is null")
                    .param(d.formId()).query(Long.class).optional()
                    .filter(inst -> Objects.equals(inst, u.institutionId()) || u.scope().canReadInstitution(inst))
                    .map(inst -> forms.get(d.formId())).orElse(null);
            if (f == null) {
                problems.add(new FieldProblem("formId", "observation.form.notYours"));
            } else {
                form = forms.loadVersion(f.currentVersionId());
            }
        }
        checkFields(d, form, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Colleague t = Objects.requireNonNull(teacher);
        BigDecimal total = form == null ? null : form.scoring().total(form.criteria(), d.scores());
        long id = Inserts.id(jdbc.sql("""
                insert into observation (institution_id, observer_id, teacher_id, observed_on, class_name, subject_code, topic,
                       lesson_type, form_version_id, total, strengths, suggestions, activity_id, plan_item_id, created_by, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.institutionId(), u.personId(), t.id(), d.observedOn(), clean(d.className()), clean(d.subjectCode()),
                        Objects.requireNonNull(d.topic()).strip(), Objects.requireNonNull(d.lessonType()).name(),
                        form == null ? null : form.id(), total, clean(d.strengths()), clean(d.suggestions()),
                        d.activityId(), d.planItemId(), Access.actor(), Access.actor()));
        insertScores(id, form, d);
        audit.success("CREATE", "observation", id, Observation.label(t.name(), d.topic()), total == null ? null : AuditLog.fact("totalScore", total));
        if (d.planItemId() != null) {
            planItems.linkRecord(d.planItemId(), "observation", id, Observation.label(t.name(), d.topic()), d.observedOn());
        }
        return id;
    }

    /** The observer corrects the record (until it is acknowledged); it stays on the form version it was scored on. */
    public void update(long id, int version, ObservationData d) {
        Observation o = get(id);
        requireObserver(o);
        if (o.acknowledged()) {
            throw new ValidationException(null, "observation.locked");
        }
        FormVersion form = formOf(o);
        List<FieldProblem> problems = new ArrayList<>();
        checkFields(d, form, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        BigDecimal total = form == null ? null : form.scoring().total(form.criteria(), d.scores());
        int n = jdbc.sql("""
                update observation set observed_on = ?, class_name = ?, subject_code = ?, topic = ?, lesson_type = ?, total = ?,
                       strengths = ?, suggestions = ?, version = version + 1, updated_at = ?, updated_by = ?
                 where id = ? and version = ? and deleted_at is null and acknowledged_at is null""")
                .params(d.observedOn(), clean(d.className()), clean(d.subjectCode()), Objects.requireNonNull(d.topic()).strip(),
                        Objects.requireNonNull(d.lessonType()).name(), total, clean(d.strengths()), clean(d.suggestions()),
                        LocalDateTime.now(), Access.actor(), id, version)
                .update();
        if (n == 0) {
            throw new StaleEditException();
        }
        jdbc.sql("delete from observation_score where observation_id = ?").param(id).update();
        insertScores(id, form, d);
        audit.success("UPDATE", "observation", id, o.label(), total == null ? null : AuditLog.change("totalScore", o.total(), total));
    }

    /** The observed teacher has read the record; the reply is optional and may be changed later. */
    public void acknowledge(long id, int version, @Nullable String reply) {
        Observation o = get(id);
        if (!Objects.equals(Access.user().personId(), o.teacherId())) {
            throw new ForbiddenException();
        }
        if (reply != null && reply.strip().length() > 2000) {
            throw new ValidationException("reply", "validation.tooLong");
        }
        int n = jdbc.sql("""
                update observation set acknowledged_at = coalesce(acknowledged_at, ?), reply = ?, version = version + 1
                 where id = ? and version = ? and deleted_at is null""")
                .params(LocalDateTime.now(), clean(reply), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("ACKNOWLEDGE", "observation", id, o.label(), clean(reply) == null ? null : AuditLog.fact("reply", clean(reply)));
    }

    /** Deleted observations the user may bring back: their own, and those of the schools they manage. */
    @Transactional(readOnly = true)
    public List<ObservationRow> deleted() {
        CurrentUser u = Access.user();
        SqlFilter w = new SqlFilter().where("o.deleted_at is not null");
        if (!u.scope().all()) {
            w.where("(o.observer_id = :me or o.institution_id in (:manage))",
                    "me", u.personId() == null ? DataScope.NONE : u.personId(), "manage", u.scope().manageIds());
        }
        return w.bind(jdbc.sql(ROW_SELECT + w.sql() + " order by o.deleted_at desc limit 200")).query(Observations::row).list();
    }

    /** Brings a deleted observation back (the observer, or whoever manages the school). */
    public void restore(long id) {
        ObservationRow row = deleted().stream().filter(r -> r.id() == id).findFirst().orElseThrow(NotFoundException::new);
        jdbc.sql("update observation set deleted_at = null, deleted_by = null, version = version + 1 where id = ?").param(id).update();
        audit.success("RESTORE", "observation", id, row.topic(), null);
    }

    public void delete(long id, int version) {
        Observation o = get(id);
        if (!rights(o).delete()) {
            throw new ForbiddenException();
        }
        int n = jdbc.sql("update observation set deleted_at = ?, deleted_by = ?, version = version + 1 where id = ? and version = ? and deleted_at is null")
                .params(LocalDateTime.now(), Access.actor(), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("DELETE", "observation", id, o.label(), null);
    }

    // ---------------------------------------------------------------- helpers

    private void checkFields(ObservationData d, @Nullable FormVersion form, List<FieldProblem> problems) {
        if (d.observedOn() == null) {
            problems.add(new FieldProblem("observedOn", "validation.required"));
        } else if (d.observedOn().isAfter(LocalDate.now())) {
            problems.add(new FieldProblem("observedOn", "observation.date.future"));
        }
        if (d.topic() == null || d.topic().isBlank()) {
            problems.add(new FieldProblem("topic", "validation.required"));
        } else if (d.topic().strip().length() > 200) {
            problems.add(new FieldProblem("topic", "validation.tooLong"));
        }
        if (d.lessonType() == null) {
            problems.add(new FieldProblem("lessonType", "validation.required"));
        }
        tooLong(d.className(), 50, "className", problems);
        tooLong(d.strengths(), 4000, "strengths", problems);
        tooLong(d.suggestions(), 4000, "suggestions", problems);
        if (form == null) {
            return;
        }
        for (Criterion c : form.criteria()) {
            if (c.textField()) {
                tooLong(d.texts().get(c.id()), 2000, "texts[" + c.id() + "]", problems);
                continue;
            }
            BigDecimal s = d.scores().get(c.id());
            BigDecimal max = form.scoring().max(c);
            if (s == null) {
                problems.add(new FieldProblem("scores[" + c.id() + "]", "observation.score.required"));
            } else if (s.signum() < 0 || s.compareTo(max) > 0
                    || (form.scoring() == Scoring.WEIGHTS && (s.stripTrailingZeros().scale() > 0 || s.signum() == 0))) {
                problems.add(new FieldProblem("scores[" + c.id() + "]",
                        form.scoring() == Scoring.WEIGHTS ? "observation.rating.range" : "observation.score.range",
                        max.stripTrailingZeros().toPlainString()));
            }
        }
    }

    private void insertScores(long id, @Nullable FormVersion form, ObservationData d) {
        if (form == null) {
            return;
        }
        for (Criterion c : form.criteria()) {
            BigDecimal score = c.textField() ? null : d.scores().get(c.id());
            String text = c.textField() ? clean(d.texts().get(c.id())) : null;
            if (score != null || text != null) {
                jdbc.sql("insert into observation_score (observation_id, criterion_id, score, text_value) values (?, ?, ?, ?)")
                        .params(id, c.id(), score, text).update();
            }
        }
    }

    private static void tooLong(@Nullable String s, int max, String field, List<FieldProblem> problems) {
        if (s != null && s.strip().length() > max) {
            problems.add(new FieldProblem(field, "validation.tooLong"));
        }
    }

    private boolean canRead(Observation o) {
        CurrentUser u = Access.user();
        DataScope s = u.scope();
        return s.all() || Objects.equals(u.personId(), o.observerId()) || Objects.equals(u.personId(), o.teacherId())
                || s.readPersons().contains(o.teacherId()) || s.canReadInstitution(o.institutionId());
    }

    private static void requireObserver(Observation o) {
        if (!Objects.equals(Access.user().personId(), o.observerId())) {
            throw new ForbiddenException();
        }
    }

    private Colleague person(long id) {
        return jdbc.sql("select p.id, p.institution_id, p.name, i.name from person p join org_unit i on i.id = p.institution_id where p.id = ? and p.deleted_at is null")
                .param(id).query((rs, i) -> new Colleague(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional().orElseThrow(NotFoundException::new);
    }

    private static @Nullable String clean(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static ObservationRow row(ResultSet rs, int i) throws SQLException {
        return new ObservationRow(rs.getLong("id"), rs.getObject("observed_on", LocalDate.class), rs.getLong("observer_id"),
                rs.getString("observer_name"), rs.getLong("teacher_id"), rs.getString("teacher_name"),
                rs.getString("institution_name"), rs.getString("class_name"), rs.getString("subject_code"),
                rs.getString("topic"), LessonType.valueOf(rs.getString("lesson_type")), rs.getBigDecimal("total"),
                rs.getString("form_name"), rs.getString("strengths"), rs.getString("suggestions"),
                rs.getObject("acknowledged_at", LocalDateTime.class));
    }

    private static Observation detail(ResultSet rs, int i) throws SQLException {
        return new Observation(rs.getLong("id"), rs.getLong("institution_id"), rs.getLong("observer_id"),
                rs.getString("observer_name"), rs.getLong("teacher_id"), rs.getString("teacher_name"),
                rs.getObject("observed_on", LocalDate.class), rs.getString("class_name"), rs.getString("subject_code"),
                rs.getString("topic"), LessonType.valueOf(rs.getString("lesson_type")),
                rs.getObject("form_version_id", Long.class), rs.getBigDecimal("total"), rs.getString("strengths"),
                rs.getString("suggestions"), rs.getObject("activity_id", Long.class), rs.getObject("plan_item_id", Long.class),
                rs.getObject("acknowledged_at", LocalDateTime.class), rs.getString("reply"), new HashMap<>(), new HashMap<>(),
                rs.getInt("version"), rs.getObject("created_at", LocalDateTime.class));
    }
}
