package org.jiaoyan.observation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The institution's evaluation forms (评价表 / 观察量表). Department heads of the institution and admins design them;
 * everyone of the institution (and whoever reads it) uses them. Saving a form that observations already used makes a
 * new version; an unused version is changed in place.
 */
@Service
@Transactional
public class EvaluationForms {

    private static final String SELECT = """
            select f.id, f.institution_id, i.name as institution_name, f.name, f.current_version, v.version_no, v.scoring,
                   f.version, f.updated_at,
                   (select count(*) from observation_criterion c where c.form_version_id = v.id) as criteria,
                   (select count(*) from observation o join observation_form_version ov on ov.id = o.form_version_id
                     where ov.form_id = f.id and o.deleted_at is null) as observations
              from observation_form f join observation_form_version v on v.id = f.current_version
              join org_unit i on i.id = f.institution_id""";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    EvaluationForms(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    // ---------------------------------------------------------------- reading

    /** Forms of an institution the user may read (its own school's for a teacher). */
    @Transactional(readOnly = true)
    public List<EvaluationForm> of(long institutionId) {
        requireRead(institutionId);
        return jdbc.sql(SELECT + " where f.institution_id = ? and f.deleted_at is null order by f.id")
                .param(institutionId).query(EvaluationForms::form).list();
    }

    @Transactional(readOnly = true)
    public EvaluationForm get(long id) {
        EvaluationForm f = jdbc.sql(SELECT + " where f.id = ? and f.deleted_at is null").param(id)
                .query(EvaluationForms::form).optional().orElseThrow(NotFoundException::new);
        requireRead(f.institutionId());
        return f;
    }

    /** The form version with its criteria; readable with the form's institution (old observations show it). */
    @Transactional(readOnly = true)
    public FormVersion version(long versionId) {
        FormVersion v = loadVersion(versionId);
        requireRead(v.institutionId());
        return v;
    }

    @Transactional(readOnly = true)
    public FormVersion current(long formId) {
        return version(get(formId).currentVersionId());
    }

    /** Every version of the form, newest first. */
    @Transactional(readOnly = true)
    public List<FormVersion> versions(long formId) {
        get(formId);
        List<Long> ids = jdbc.sql("select id from observation_form_version where form_id = ? order by version_no desc")
                .param(formId).query(Long.class).list();
        return ids.stream().map(this::loadVersion).toList();
    }

    /** Whether the user may design forms of the institution (buttons; the service checks again). */
    public boolean canDesign(long institutionId) {
        return Access.scope().canManageInstitution(institutionId);
    }

    // ---------------------------------------------------------------- changing

    public long create(long institutionId, String name, Scoring scoring, @Nullable String description,
                       List<CriterionData> criteria) {
        requireDesign(institutionId);
        List<CriterionData> rows = check(name, scoring, criteria);
        long id = Inserts.id(jdbc.sql("insert into observation_form (institution_id, name, created_by, updated_by) values (?, ?, ?, ?)")
                .params(institutionId, name.strip(), Access.actor(), Access.actor()));
        long versionId = insertVersion(id, 1, scoring, description, rows);
        jdbc.sql("update observation_form set current_version = ? where id = ?").params(versionId, id).update();
        audit.success("CREATE", "observation_form", id, name.strip(), AuditLog.fact("criteria", rows.size()));
        return id;
    }

    /**
     * Saves the form. When observations were scored on the current version a new version is made (they keep theirs);
     * otherwise the current version is changed in place. Returns the id of the version new observations will use.
     */
    public long update(long id, int version, String name, Scoring scoring, @Nullable String description,
                       List<CriterionData> criteria) {
        EvaluationForm f = get(id);
        requireDesign(f.institutionId());
        List<CriterionData> rows = check(name, scoring, criteria);
        int n = jdbc.sql("update observation_form set name = ?, version = version + 1, updated_at = ?, updated_by = ? where id = ? and version = ? and deleted_at is null")
                .params(name.strip(), LocalDateTime.now(), Access.actor(), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        long used = jdbc.sql("select count(*) from observation where form_version_id = ?").param(f.currentVersionId())
                .query(Long.class).single();
        long versionId;
        if (used > 0) {
            versionId = insertVersion(id, f.versionNo() + 1, scoring, description, rows);
            jdbc.sql("update observation_form set current_version = ? where id = ?").params(versionId, id).update();
            audit.success("UPDATE", "observation_form", id, name.strip(), AuditLog.change("formVersion", f.versionNo(), f.versionNo() + 1));
        } else {
            versionId = f.currentVersionId();
            jdbc.sql("delete from observation_criterion where form_version_id = ?").param(versionId).update();
            jdbc.sql("update observation_form_version set scoring = ?, description = ? where id = ?")
                    .params(scoring.name(), blankToNull(description), versionId).update();
            insertCriteria(versionId, rows);
            audit.success("UPDATE", "observation_form", id, name.strip(), AuditLog.fact("formVersion", f.versionNo()));
        }
        return versionId;
    }

    /** Deleted forms of the schools whose forms the user designs. */
    @Transactional(readOnly = true)
    public List<EvaluationForm> deleted() {
        String scope = Access.scope().all() ? "" : " and f.institution_id in (:manage)";
        return jdbc.sql(SELECT + " where f.deleted_at is not null" + scope + " order by f.deleted_at desc limit 200")
                .param("manage", Access.scope().manageIds()).query(EvaluationForms::form).list();
    }

    /** Brings a deleted form back (its versions and the observations scored on them were never touched). */
    public void restore(long id) {
        EvaluationForm f = deleted().stream().filter(x -> x.id() == id).findFirst().orElseThrow(NotFoundException::new);
        jdbc.sql("update observation_form set deleted_at = null, deleted_by = null, version = version + 1 where id = ?").param(id).update();
        audit.success("RESTORE", "observation_form", id, f.name(), null);
    }

    public void delete(long id, int version) {
        EvaluationForm f = get(id);
        requireDesign(f.institutionId());
        int n = jdbc.sql("update observation_form set deleted_at = ?, deleted_by = ?, version = version + 1 where id = ? and version = ? and deleted_at is null")
                .params(LocalDateTime.now(), Access.actor(), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("DELETE", "observation_form", id, f.name(), null);
    }

    /**
     * Gives an institution without forms the two default forms (课堂评价表, 课堂观察量表); a school starts from them and
     * adapts. Runs for whoever first needs forms there, so it checks only that the institution is the user's.
     */
    public void ensureDefaults(long institutionId) {
        requireRead(institutionId);
        long count = jdbc.sql("select count(*) from observation_form where institution_id = ?").param(institutionId)
                .query(Long.class).single();
        if (count > 0) {
            return;
        }
        for (DefaultForms.Template t : DefaultForms.ALL) {
            long id = Inserts.id(jdbc.sql("insert into observation_form (institution_id, name, created_by, updated_by) values (?, ?, ?, ?)")
                    .params(institutionId, t.name(), Access.actor(), Access.actor()));
            long versionId = insertVersion(id, 1, t.scoring(), t.description(), t.criteria());
            jdbc.sql("update observation_form set current_version = ? where id = ?").params(versionId, id).update();
        }
        audit.success("CREATE", "observation_form", null, "默认评价表", AuditLog.fact("institution", institutionId));
    }

    // ---------------------------------------------------------------- helpers

    FormVersion loadVersion(long versionId) {
        record Head(long formId, String formName, long institutionId, int versionNo, Scoring scoring,
                    @Nullable String description, @Nullable LocalDateTime createdAt, @Nullable String createdBy) {
        }
        Head h = jdbc.sql("""
                select v.form_id, f.name, f.institution_id, v.version_no, v.scoring, v.description, v.created_at, v.created_by
                  from observation_form_version v join observation_form f on f.id = v.form_id where v.id = ?""")
                .param(versionId)
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        Scoring.valueOf(rs.getString(5)), rs.getString(6), rs.getObject(7, LocalDateTime.class), rs.getString(8)))
                .optional().orElseThrow(NotFoundException::new);
        List<Criterion> criteria = jdbc.sql("select * from observation_criterion where form_version_id = ? order by sort_order, id")
                .param(versionId)
                .query((rs, i) -> new Criterion(rs.getLong("id"), rs.getInt("sort_order"), rs.getString("group_name"),
                        rs.getString("name"), rs.getString("descriptor"), rs.getBigDecimal("points"), rs.getBoolean("text_field")))
                .list();
        return new FormVersion(versionId, h.formId(), h.formName(), h.institutionId(), h.versionNo(), h.scoring(),
                h.description(), criteria, h.createdAt(), h.createdBy());
    }

    private long insertVersion(long formId, int no, Scoring scoring, @Nullable String description, List<CriterionData> rows) {
        long versionId = Inserts.id(jdbc.sql("insert into observation_form_version (form_id, version_no, scoring, description, created_by) values (?, ?, ?, ?, ?)")
                .params(formId, no, scoring.name(), blankToNull(description), Access.actor()));
        insertCriteria(versionId, rows);
        return versionId;
    }

    private void insertCriteria(long versionId, List<CriterionData> rows) {
        int order = 0;
        for (CriterionData c : rows) {
            jdbc.sql("insert into observation_criterion (form_version_id, sort_order, group_name, name, descriptor, points, text_field) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(versionId, ++order, c.group() == null || c.group().isBlank() ? "—" : c.group().strip(),
                            Objects.requireNonNull(c.name()).strip(), blankToNull(c.descriptor()),
                            c.textField() ? null : c.points(), c.textField())
                    .update();
        }
    }

    /** Rows without anything typed are dropped; every other row needs a name and (unless a text field) positive points. */
    static List<CriterionData> check(@Nullable String name, @Nullable Scoring scoring, List<CriterionData> criteria) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "validation.required"));
        } else if (name.strip().length() > 100) {
            problems.add(new FieldProblem("name", "validation.tooLong"));
        }
        if (scoring == null) {
            problems.add(new FieldProblem("scoring", "validation.required"));
        }
        List<CriterionData> rows = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            CriterionData c = criteria.get(i);
            if (c.blank()) {
                continue;
            }
            if (c.name() == null || c.name().isBlank()) {
                problems.add(new FieldProblem("criteria[" + i + "].name", "validation.required"));
            } else if (c.name().strip().length() > 300) {
                problems.add(new FieldProblem("criteria[" + i + "].name", "validation.tooLong"));
            }
            if (c.group() != null && c.group().strip().length() > 100) {
                problems.add(new FieldProblem("criteria[" + i + "].group", "validation.tooLong"));
            }
            if (c.descriptor() != null && c.descriptor().strip().length() > 1000) {
                problems.add(new FieldProblem("criteria[" + i + "].descriptor", "validation.tooLong"));
            }
            if (!c.textField() && (c.points() == null || c.points().signum() <= 0 || c.points().compareTo(BigDecimal.valueOf(1000)) >= 0)) {
                problems.add(new FieldProblem("criteria[" + i + "].points", "observation.form.pointsRequired"));
            }
            rows.add(c);
        }
        if (rows.stream().noneMatch(c -> !c.textField())) {
            problems.add(new FieldProblem(null, "observation.form.noCriteria"));
        }
        if (problems.isEmpty() && scoring == Scoring.WEIGHTS) {
            BigDecimal weights = rows.stream().filter(c -> !c.textField()).map(CriterionData::points)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (weights.compareTo(BigDecimal.valueOf(100)) != 0) {
                problems.add(new FieldProblem(null, "observation.form.weightsSum", weights.stripTrailingZeros().toPlainString()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return rows;
    }

    private void requireRead(long institutionId) {
        CurrentUser u = Access.user();
        if (!u.scope().canReadInstitution(institutionId) && !Objects.equals(u.institutionId(), institutionId)) {
            throw new NotFoundException();
        }
    }

    private void requireDesign(long institutionId) {
        requireRead(institutionId);
        if (!canDesign(institutionId)) {
            throw new ForbiddenException();
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static EvaluationForm form(ResultSet rs, int i) throws SQLException {
        return new EvaluationForm(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("institution_name"),
                rs.getString("name"), rs.getLong("current_version"), rs.getInt("version_no"),
                Scoring.valueOf(rs.getString("scoring")), rs.getInt("criteria"), rs.getLong("observations"),
                rs.getInt("version"), rs.getObject("updated_at", LocalDateTime.class));
    }
}
