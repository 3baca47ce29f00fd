package org.jiaoyan.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.files.Attachment;
import org.jiaoyan.files.Attachments;
import org.jiaoyan.files.StoredFile;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jiaoyan.shared.SqlFilter;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 质控检查 (每周质控一到两项): the department's managers record which item was checked, by whom, 合格 or 需整改 with the
 * findings and the rectification, optionally with a photo of the check sheet. Deleting moves a check to the recycle bin.
 */
@Service
@Transactional
public class QcChecks implements QualityRecords<QcCheck, QcCheckData> {

    /** Items departments check most often; the form offers them, any other text is accepted. */
    public static final List<String> COMMON_ITEMS = List.of("病历书写质量", "手卫生依从性", "危急值报告", "交接班制度",
            "查对制度", "急救药品与设备", "院感防控", "压疮防护", "跌倒防范", "用药安全", "护理文书书写", "母婴同室安全");

    /** Owner type of a check's file (检查表照片 …) in the shared {@link Attachments} table; the latest upload counts. */
    public static final String FILE = "quality.check";

    private static final String SELECT = """
            select q.*, coalesce(u.short_name, u.name) as unit_name, p.name as checker_name,
                   f.file_name as att_name, f.content_type as att_type, f.storage_key as att_key
              from quality_check q join org_unit u on u.id = q.unit_id join person p on p.id = q.checker_id"""
            + Attachments.currentFileJoin("f", FILE, "q.id");

    private final JdbcClient jdbc;
    private final QualityScope scope;
    private final AuditLog audit;
    private final Attachments attachments;

    QcChecks(JdbcClient jdbc, QualityScope scope, AuditLog audit, Attachments attachments) {
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    @Override
    public PageResult<QcCheck> list(QualityFilter f, PageQuery requested) {
        SqlFilter w = scope.scoped(new SqlFilter().where("q.deleted_at is null"), "q");
        w.whenSet(f.unitId(), "q.unit_id = :unit", "unit");
        w.whenSet(f.from(), "q.checked_on >= :from", "from");
        w.whenSet(f.to(), "q.checked_on <= :to", "to");
        long total = w.bind(jdbc.sql("select count(*) from quality_check q" + w.sql())).query(Long.class).single();
        PageQuery q = requested.within(total);
        List<QcCheck> rows = w.bind(jdbc.sql(SELECT + w.sql() + " order by q.checked_on desc, q.id desc limit :limit offset :offset"))
                .param("limit", q.size()).param("offset", q.offset()).query(QcChecks::row).list();
        return new PageResult<>(rows, total, q.page(), q.size());
    }

    @Transactional(readOnly = true)
    @Override
    public QcCheck get(long id) {
        QcCheck c = jdbc.sql(SELECT + " where q.id = ? and q.deleted_at is null").param(id).query(QcChecks::row)
                .optional().orElseThrow(NotFoundException::new);
        scope.requireRead(c.institutionId(), c.unitId());
        return c;
    }

    @Transactional(readOnly = true)
    @Override
    public boolean canManage(QcCheck c) {
        return scope.canManage(c.institutionId(), c.unitId());
    }

    @Override
    public long create(QcCheckData d) {
        Department dept = scope.requireManage(d.unitId());
        checked(dept, d);
        long id = Inserts.id(jdbc.sql("""
                insert into quality_check (institution_id, unit_id, checked_on, item, checker_id, result, findings,
                                           rectification, created_by, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(dept.institutionId(), dept.id(), d.checkedOn(), Texts.clean(d.item()), d.checkerId(),
                        d.result().name(), Texts.clean(d.findings()), Texts.clean(d.rectification()), Access.actor(),
                        Access.actor()));
        audit.success("CREATE", "quality_check", id, dept.name() + " " + Texts.clean(d.item()), null);
        return id;
    }

    /** Changes a check; its department stays. */
    @Override
    public void update(long id, int version, QcCheckData d) {
        QcCheck before = get(id);
        Department dept = scope.requireManage(before.unitId());
        checked(dept, d);
        int n = jdbc.sql("""
                update quality_check set checked_on = ?, item = ?, checker_id = ?, result = ?, findings = ?, rectification = ?,
                       version = version + 1, updated_at = ?, updated_by = ?
                 where id = ? and version = ? and deleted_at is null""")
                .params(d.checkedOn(), Texts.clean(d.item()), d.checkerId(), d.result().name(), Texts.clean(d.findings()),
                        Texts.clean(d.rectification()), LocalDateTime.now(), Access.actor(), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("UPDATE", "quality_check", id, dept.name() + " " + Texts.clean(d.item()),
                AuditLog.diff(java.util.Map.of("result", before.result().name()), java.util.Map.of("result", d.result().name())));
    }

    /** Attaches (or replaces) the check's file; a replaced file goes to the recycle bin of attachments. */
    public void attach(long id, StoredFile file) {
        QcCheck c = get(id);
        scope.requireManage(c.unitId());
        attachments.replace(c.institutionId(), FILE, id, null, file);
        jdbc.sql("update quality_check set version = version + 1, updated_at = ?, updated_by = ? where id = ?")
                .params(LocalDateTime.now(), Access.actor(), id).update();
        audit.success("UPLOAD", "quality_check", id, c.item(), AuditLog.fact("file", file.originalName()));
    }

    /** The check's file, to serve it (404 when the check is out of reach, deleted, or has no file). */
    @Transactional(readOnly = true)
    public Attachment file(long id) {
        get(id);
        return attachments.current(FILE, id);
    }

    @Override
    public void delete(long id, int version) {
        QcCheck c = get(id);
        scope.requireManage(c.unitId());
        int n = jdbc.sql("update quality_check set deleted_at = ?, deleted_by = ?, version = version + 1 where id = ? and version = ? and deleted_at is null")
                .params(LocalDateTime.now(), Access.actor(), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("DELETE", "quality_check", id, c.unitName() + " " + c.item(), null);
    }

    /** Deleted checks of the departments the user manages, newest deletion first. */
    @Transactional(readOnly = true)
    public List<BinRow> deleted() {
        SqlFilter w = scope.managedOnly(new SqlFilter().where("q.deleted_at is not null"), "q");
        return w.bind(jdbc.sql("""
                select q.id, q.item, coalesce(u.short_name, u.name), q.checked_on, q.deleted_at
                  from quality_check q join org_unit u on u.id = q.unit_id""" + w.sql() + " order by q.deleted_at desc limit 200"))
                .query((rs, i) -> new BinRow("checks", rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDateTime.class))).list();
    }

    @Override
    public void restore(long id) {
        BinRow r = deleted().stream().filter(x -> x.id() == id).findFirst().orElseThrow(NotFoundException::new);
        jdbc.sql("update quality_check set deleted_at = null, deleted_by = null, version = version + 1 where id = ?").param(id).update();
        audit.success("RESTORE", "quality_check", id, r.unitName() + " " + r.title(), null);
    }

    private void checked(Department dept, QcCheckData d) {
        List<FieldProblem> problems = new ArrayList<>();
        Texts.pastDate(problems, "checkedOn", d.checkedOn());
        Texts.required(problems, "item", d.item(), 100);
        if (d.checkerId() == null) {
            problems.add(new FieldProblem("checkerId", "validation.required"));
        }
        if (d.result() == null) {
            problems.add(new FieldProblem("result", "validation.required"));
        } else if (d.result() == QcResult.NEEDS_FIX && Texts.clean(d.findings()) == null) {
            problems.add(new FieldProblem("findings", "quality.check.findingsNeeded"));
        }
        Texts.optional(problems, "findings", d.findings(), 2000);
        Texts.optional(problems, "rectification", d.rectification(), 2000);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        scope.requireOfInstitution(dept.institutionId(), List.of(d.checkerId()), "checkerId");
    }

    static QcCheck row(ResultSet rs, int i) throws SQLException {
        return new QcCheck(rs.getLong("id"), rs.getLong("institution_id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                rs.getObject("checked_on", LocalDate.class), rs.getString("item"), rs.getLong("checker_id"),
                rs.getString("checker_name"), QcResult.valueOf(rs.getString("result")), rs.getString("findings"),
                rs.getString("rectification"), rs.getString("att_name"), rs.getString("att_type"),
                rs.getString("att_key"), rs.getInt("version"));
    }
}
