package org.jiaoyan.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jiaoyan.shared.SqlFilter;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Semester plans: list and read within the data scope, create (blank or from a template), edit sections with
 * optimistic locking, the workflow 草稿 → 提交 → 审核通过 → 发布, revisions with a reason after publishing, copy forward
 * to the next term, recycle bin.
 */
@Service
@Transactional
public class Plans {

    static final String SELECT = """
            select p.*, i.name as institution_name, coalesce(u.short_name, u.name) as unit_name
              from plan p join org_unit i on i.id = p.institution_id join org_unit u on u.id = p.unit_id""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final OrgUnits units;
    private final Terms terms;
    private final HtmlSanitiser html;
    private final PlanItems items;
    private final PlanTemplates templates;
    private final PlanHistory log;

    Plans(JdbcClient jdbc, AuditLog audit, OrgUnits units, Terms terms, HtmlSanitiser html, PlanItems items,
          PlanTemplates templates, PlanHistory log) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.units = units;
        this.terms = terms;
        this.html = html;
        this.items = items;
        this.templates = templates;
        this.log = log;
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public PageResult<PlanRow> list(PlanFilter f, PageQuery requested) {
        SqlFilter w = scoped(f);
        long total = w.bind(jdbc.sql("select count(*) from plan p" + w.sql())).query(Long.class).single();
        PageQuery q = requested.within(total);
        String order = switch (q.sort() == null ? "" : q.sort()) {
            case "title" -> "p.title";
            case "status" -> "p.status";
            case "unit" -> "unit_name";
            case "school" -> "institution_name";
            default -> "p.updated_at";
        } + (q.desc() || q.sort() == null ? " desc" : "") + ", p.id desc";
        List<PlanRow> rows = w.bind(jdbc.sql("""
                select p.id, p.title, i.name as institution_name, coalesce(u.short_name, u.name) as unit_name, p.term_id,
                       p.status, p.revision, p.updated_at,
                       (select count(*) from plan_item it where it.plan_id = p.id and it.deleted_at is null) as items,
                       (select count(*) from plan_item it where it.plan_id = p.id and it.deleted_at is null
                           and (""" + PlanItems.STATUS_SQL + ") = 'DONE') as done," + """
                       (select count(*) from plan_item it where it.plan_id = p.id and it.deleted_at is null
                           and (""" + PlanItems.STATUS_SQL + ") = 'OVERDUE') as overdue " + """
                  from plan p join org_unit i on i.id = p.institution_id join org_unit u on u.id = p.unit_id""" + w.sql()
                + " order by " + order + " limit :limit offset :offset"))
                .param("today", LocalDate.now()).param("limit", q.size()).param("offset", q.offset())
                .query((rs, n) -> new PlanRow(rs.getLong("id"), rs.getString("title"), rs.getString("institution_name"),
                        rs.getString("unit_name"), rs.getLong("term_id"), PlanStatus.valueOf(rs.getString("status")),
                        rs.getInt("revision"), rs.getObject("updated_at", LocalDateTime.class), rs.getInt("items"),
                        rs.getInt("done"), rs.getInt("overdue")))
                .list();
        return new PageResult<>(rows, total, q.page(), q.size());
    }

    /**
     * Submitted plans waiting for the current user's review (校长 of the school, 教研员 of the office, admin everywhere):
     * the 工作台's 待审核 count, which links to the plan list filtered the same way.
     */
    @Transactional(readOnly = true)
    public long awaitingReview() {
        var u = Access.user();
        SqlFilter w = new SqlFilter().where("p.deleted_at is null").where("p.status = 'SUBMITTED'");
        if (!u.isAdmin()) {
            if (u.institutionId() == null || !(u.has(org.jiaoyan.security.Role.PRINCIPAL)
                    || u.has(org.jiaoyan.security.Role.COUNTY_RESEARCHER))) {
                return 0;
            }
            w.where("p.institution_id = :inst", "inst", u.institutionId());
        }
        return w.bind(jdbc.sql("select count(*) from plan p" + w.sql())).query(Long.class).single();
    }

    /**
     * Progress of the published plans of a term per school: [done items, all items not cancelled], for the schools
     * asked that the user reads. One grouped query.
     */
    @Transactional(readOnly = true)
    public Map<Long, long[]> progressBySchool(long termId, java.util.Collection<Long> institutionIds) {
        var scope = Access.scope();
        List<Long> readable = institutionIds.stream().filter(scope::canReadInstitution).toList();
        Map<Long, long[]> out = new java.util.HashMap<>();
        if (readable.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select p.institution_id,
                       sum(case when (""" + PlanItems.STATUS_SQL + """
                           ) = 'DONE' then 1 else 0 end),
                       sum(case when it.state = 'CANCELLED' then 0 else 1 end)
                  from plan p join plan_item it on it.plan_id = p.id and it.deleted_at is null
                 where p.deleted_at is null and p.status = 'PUBLISHED' and p.term_id = :term and p.institution_id in (:ids)
                 group by p.institution_id""")
                .param("today", LocalDate.now()).param("term", termId).param("ids", readable)
                .query(rs -> {
                    out.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return out;
    }

    private SqlFilter scoped(PlanFilter f) {
        SqlFilter w = new SqlFilter().where("p.deleted_at is null");
        if (!Access.scope().all()) {
            w.where("(p.institution_id in (:full) or (p.status = 'PUBLISHED' and p.institution_id in (:published)))",
                    "full", PlanPolicy.fullInstitutions(), "published", PlanPolicy.publishedInstitutions());
        }
        w.whenSet(f.termId(), "p.term_id = :term", "term");
        w.whenSet(f.institutionId(), "p.institution_id = :inst", "inst");
        w.whenSet(f.status() == null ? null : f.status().name(), "p.status = :status", "status");
        w.contains(f.text(), "lower(p.title) like :text", "text");
        return w;
    }

    @Transactional(readOnly = true)
    public Plan get(long id) {
        return load(jdbc, id);
    }

    /** The plan if the current user may read it, else 404 (shared with PlanItems). */
    static Plan load(JdbcClient jdbc, long id) {
        Plan p = jdbc.sql(SELECT + " where p.id = ? and p.deleted_at is null").param(id).query(Plans::row).optional()
                .orElseThrow(NotFoundException::new);
        PlanPolicy.requireRead(p.institutionId(), p.status());
        return p;
    }

    /**
     * Plans the person wrote (created under one of their user names), newest term first, at most 500: their 成长档案.
     * A person outside the scope is a 404; the plans are listed whatever their status, as the author's own work.
     */
    @Transactional(readOnly = true)
    public List<AuthoredPlan> authoredBy(long personId, java.util.Collection<String> usernames, LocalDate from, LocalDate to) {
        Long institution = jdbc.sql("select institution_id from person where id = ?").param(personId).query(Long.class)
                .optional().orElseThrow(NotFoundException::new);
        if (!Access.scope().canReadPerson(personId, institution)) {
            throw new NotFoundException();
        }
        if (usernames.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select p.id, p.title, coalesce(u.short_name, u.name), t.school_year, t.semester, t.start_date, p.status
                  from plan p join org_unit u on u.id = p.unit_id join school_term t on t.id = p.term_id
                 where p.deleted_at is null and p.created_by in (:names) and t.start_date between :from and :to
                 order by t.start_date desc, p.id desc limit 500""")
                .param("names", usernames).param("from", from).param("to", to)
                .query((rs, i) -> new AuthoredPlan(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getObject(6, LocalDate.class), PlanStatus.valueOf(rs.getString(7))))
                .list();
    }

    /** What the current user may do with the plan, for buttons (the service checks again on each action). */
    @Transactional(readOnly = true)
    public PlanRights rights(Plan p) {
        boolean edit = PlanPolicy.canEdit(p.institutionId());
        boolean approve = PlanPolicy.canApprove(p.institutionId());
        return new PlanRights(edit && p.editable(), edit && p.status() == PlanStatus.DRAFT,
                approve && p.status() == PlanStatus.SUBMITTED,
                (edit || approve) && p.status() == PlanStatus.APPROVED, edit, edit || approve);
    }

    @Transactional(readOnly = true)
    public List<PlanSection> sections(long planId) {
        get(planId);
        return jdbc.sql("select * from plan_section where plan_id = ? order by sort_order, id").param(planId)
                .query(Plans::section).list();
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(long planId) {
        get(planId);
        return jdbc.sql("select * from plan_history where plan_id = ? order by created_at desc, id desc").param(planId)
                .query((rs, i) -> new HistoryEntry(rs.getString("action"), rs.getInt("revision"), rs.getString("reason"),
                        rs.getString("changes"), rs.getObject("created_at", LocalDateTime.class), rs.getString("created_by")))
                .list();
    }

    /** Offices the user may write plans for: managed institutions and their departments (and a researcher's 教研室). */
    @Transactional(readOnly = true)
    public List<OrgUnit> offices() {
        List<OrgUnit> out = new ArrayList<>();
        for (OrgUnit inst : units.institutions()) {
            if (PlanPolicy.canEdit(inst.id())) {
                out.add(inst);
                out.addAll(units.unitsOf(inst.id(), UnitType.DEPARTMENT, false));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- changing

    public long create(PlanData d) {
        OrgUnit office = units.get(d.unitId());
        long institutionId = office.type() == UnitType.INSTITUTION ? office.id() : requireInstitution(office);
        if (!PlanPolicy.canEdit(institutionId)) {
            throw new ValidationException("unitId", "plan.unit.notYours");
        }
        SchoolTerm term = terms.get(d.termId());
        String title = checkTitle(d.title());
        long id = Inserts.id(jdbc.sql("""
                insert into plan (institution_id, unit_id, term_id, title, remind_days, created_by, updated_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(institutionId, office.id(), term.id(), title, remindDays(d.remindDays()), Access.actor(), Access.actor()));
        log.record(id, "CREATE", 0, null, null);
        if (d.template() != null) {
            PlanTemplates.Content content = templates.content(d.template(), term, institutionId, office.id());
            for (var s : content.sections()) {
                addSection(id, s.title(), s.html());
            }
            items.createAll(id, institutionId, term, content.items());
        }
        audit.success("CREATE", "plan", id, title, d.template() == null ? null : "template: " + d.template());
        return id;
    }

    /** A new draft from parsed text (import confirmed in the preview): sections and items in one transaction. */
    public long createFromImport(PlanData d, List<PlanTemplates.SectionText> sections, List<ItemData> rows) {
        long id = create(new PlanData(d.unitId(), d.termId(), d.title(), null, d.remindDays()));
        Plan p = get(id);
        for (var s : sections) {
            addSection(id, s.title(), s.html());
        }
        items.createAll(id, p.institutionId(), terms.get(p.termId()), rows);
        log.record(id, "IMPORT", 0, null, rows.size() + " items");
        return id;
    }

    public void updateHeader(long id, int version, String title, int remindDays, @Nullable String reason) {
        Plan p = get(id);
        requireChangeable(p);
        String reasonText = revisionReason(p, reason);
        String clean = checkTitle(title);
        int n = jdbc.sql("""
                update plan set title = ?, remind_days = ?, version = version + 1, updated_at = ?, updated_by = ?
                 where id = ? and version = ? and deleted_at is null""")
                .params(clean, remindDays(remindDays), LocalDateTime.now(), Access.actor(), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        String changes = AuditLog.diff(Map.of("标题", p.title(), "提前提醒天数", p.remindDays()),
                Map.of("标题", clean, "提前提醒天数", remindDays(remindDays)));
        log.revised(p, reasonText, changes);
        audit.success("UPDATE", "plan", id, clean, changes);
    }

    /** Saves a section's text (autosave in drafts; with a reason after publishing). Returns the new version. */
    public int saveSection(long planId, long sectionId, int version, String title, @Nullable String body,
                           @Nullable String reason) {
        Plan p = get(planId);
        requireChangeable(p);
        String reasonText = revisionReason(p, reason);
        PlanSection before = section(planId, sectionId);
        String clean = html.clean(body);
        String cleanTitle = title == null || title.isBlank() ? before.title() : title.strip();
        if (cleanTitle.length() > 200) {
            throw new ValidationException("title", "validation.tooLong");
        }
        int n = jdbc.sql("""
                update plan_section set title = ?, body_html = ?, version = version + 1, updated_at = ?, updated_by = ?
                 where id = ? and plan_id = ? and version = ?""")
                .params(cleanTitle, clean, LocalDateTime.now(), Access.actor(), sectionId, planId, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        log.touch(planId);
        log.revised(p, reasonText, "修改章节：" + cleanTitle);
        return version + 1;
    }

    public long addSection(long planId, String title) {
        Plan p = get(planId);
        requireChangeable(p);
        if (p.published()) {
            throw new ValidationException("reason", "plan.revision.reasonRequired");
        }
        long id = addSection(planId, checkSectionTitle(title), "");
        log.touch(planId);
        return id;
    }

    public void deleteSection(long planId, long sectionId, int version) {
        Plan p = get(planId);
        requireChangeable(p);
        if (p.published()) {
            throw new ValidationException("reason", "plan.revision.reasonRequired");
        }
        PlanSection s = section(planId, sectionId);
        int n = jdbc.sql("delete from plan_section where id = ? and plan_id = ? and version = ?")
                .params(sectionId, planId, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        log.touch(planId);
        audit.success("DELETE", "plan_section", sectionId, s.title(), s.bodyHtml());
    }

    private long addSection(long planId, String title, String body) {
        int next = jdbc.sql("select coalesce(max(sort_order), 0) + 1 from plan_section where plan_id = ?").param(planId)
                .query(Integer.class).single();
        return Inserts.id(jdbc.sql("insert into plan_section (plan_id, sort_order, title, body_html, updated_by) values (?, ?, ?, ?, ?)")
                .params(planId, next, title, html.clean(body), Access.actor()));
    }

    public void submit(long id, int version) {
        Plan p = get(id);
        PlanPolicy.requireEdit(p.institutionId(), p.status());
        move(p, version, PlanStatus.DRAFT, PlanStatus.SUBMITTED, "submitted", null);
        log.record(id, "SUBMIT", p.revision(), null, null);
    }

    public void approve(long id, int version, @Nullable String note) {
        Plan p = get(id);
        PlanPolicy.requireApprove(p.institutionId(), p.status());
        move(p, version, PlanStatus.SUBMITTED, PlanStatus.APPROVED, "approved", note);
        log.record(id, "APPROVE", p.revision(), note, null);
    }

    /** Sends a submitted plan back to draft with the reviewer's note (required). */
    public void reject(long id, int version, @Nullable String note) {
        Plan p = get(id);
        PlanPolicy.requireApprove(p.institutionId(), p.status());
        if (note == null || note.isBlank()) {
            throw new ValidationException("note", "plan.reject.noteRequired");
        }
        move(p, version, PlanStatus.SUBMITTED, PlanStatus.DRAFT, null, note);
        log.record(id, "REJECT", p.revision(), note, null);
    }

    public void publish(long id, int version) {
        Plan p = get(id);
        if (!PlanPolicy.canEdit(p.institutionId()) && !PlanPolicy.canApprove(p.institutionId())) {
            throw new org.jiaoyan.shared.ForbiddenException();
        }
        move(p, version, PlanStatus.APPROVED, PlanStatus.PUBLISHED, "published", null);
        log.record(id, "PUBLISH", p.revision(), null, null);
        items.announce(p);
    }

    private void move(Plan p, int version, PlanStatus from, PlanStatus to, @Nullable String stamp, @Nullable String note) {
        if (p.status() != from) {
            throw new ValidationException(null, "plan.workflow.wrongState");
        }
        if (p.version() != version) {
            throw new StaleEditException();
        }
        String set = stamp == null ? "" : ", " + stamp + "_at = :now, " + stamp + "_by = :by";
        int n = jdbc.sql("update plan set status = :to, review_note = :note, version = version + 1, updated_at = :now,"
                        + " updated_by = :by" + set + " where id = :id and version = :version and status = :from")
                .param("to", to.name()).param("note", note).param("now", LocalDateTime.now()).param("by", Access.actor())
                .param("id", p.id()).param("version", version).param("from", from.name()).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success(to.name(), "plan", p.id(), p.title(), "status: " + from + " → " + to);
    }

    public void delete(long id, int version) {
        Plan p = get(id);
        PlanPolicy.requireEdit(p.institutionId(), p.status());
        int n = jdbc.sql("update plan set deleted_at = ?, deleted_by = ?, version = version + 1 where id = ? and version = ? and deleted_at is null")
                .params(LocalDateTime.now(), Access.actor(), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("DELETE", "plan", id, p.title(), null);
    }

    /** Deleted plans the user could restore (their own offices'), newest deletion first. */
    @Transactional(readOnly = true)
    public List<PlanRow> recycleBin() {
        SqlFilter w = new SqlFilter().where("p.deleted_at is not null");
        if (!Access.scope().all()) {
            w.where("p.institution_id in (:edit)", "edit", PlanPolicy.editInstitutions());
        }
        return w.bind(jdbc.sql("""
                select p.id, p.title, i.name as institution_name, coalesce(u.short_name, u.name) as unit_name, p.term_id,
                       p.status, p.revision, p.deleted_at
                  from plan p join org_unit i on i.id = p.institution_id join org_unit u on u.id = p.unit_id""" + w.sql()
                        + " order by p.deleted_at desc limit 500"))
                .query((rs, n) -> new PlanRow(rs.getLong("id"), rs.getString("title"), rs.getString("institution_name"),
                        rs.getString("unit_name"), rs.getLong("term_id"), PlanStatus.valueOf(rs.getString("status")),
                        rs.getInt("revision"), rs.getObject("deleted_at", LocalDateTime.class), 0, 0, 0))
                .list();
    }

    public void restore(long id) {
        Plan p = jdbc.sql(SELECT + " where p.id = ? and p.deleted_at is not null").param(id).query(Plans::row).optional()
                .orElseThrow(NotFoundException::new);
        if (!PlanPolicy.canEdit(p.institutionId())) {
            throw new NotFoundException();
        }
        jdbc.sql("update plan set deleted_at = null, deleted_by = null, version = version + 1 where id = ?").param(id).update();
        audit.success("RESTORE", "plan", id, p.title(), null);
    }

    /**
     * Starts the target term's plan from this one, as a draft: sections copied, items shifted by the months between
     * the terms' starts (九月 of a first term becomes 二月/三月 …), teaching weeks kept, dates shifted.
     */
    public long copyForward(long id, long targetTermId, String title) {
        Plan p = get(id);
        PlanPolicy.requireEdit(p.institutionId(), p.status());
        SchoolTerm from = terms.get(p.termId());
        SchoolTerm to = terms.get(targetTermId);
        if (to.id() == from.id()) {
            throw new ValidationException("termId", "plan.copy.sameTerm");
        }
        long copy = create(new PlanData(p.unitId(), to.id(), title, null, p.remindDays()));
        jdbc.sql("update plan set copied_from = ? where id = ?").params(id, copy).update();
        for (PlanSection s : sections(id)) {
            addSection(copy, s.title(), s.bodyHtml() == null ? "" : s.bodyHtml());
        }
        items.copyShifted(id, copy, p.institutionId(), from, to);
        log.record(copy, "COPY", 0, null, p.title());
        return copy;
    }

    @Transactional(readOnly = true)
    public @Nullable String summaryHtml(long planId) {
        get(planId);
        return jdbc.sql("select summary_html from plan where id = ?").param(planId).query(String.class).optional().orElse(null);
    }

    public void saveSummary(long planId, int version, @Nullable String body) {
        Plan p = get(planId);
        PlanPolicy.requireEdit(p.institutionId(), p.status());
        int n = jdbc.sql("update plan set summary_html = ?, version = version + 1, updated_at = ?, updated_by = ? where id = ? and version = ?")
                .params(html.clean(body), LocalDateTime.now(), Access.actor(), planId, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("UPDATE", "plan_summary", planId, p.title(), null);
    }

    // ---------------------------------------------------------------- helpers shared with PlanItems

    /** Checks that the plan may be changed now by this user: drafts and published plans, by editors. */
    static void requireChangeable(Plan p) {
        PlanPolicy.requireEdit(p.institutionId(), p.status());
        if (!p.editable()) {
            throw new ValidationException(null, "plan.locked");
        }
    }

    /** After publishing every change needs a reason (修订原因); returns it trimmed, null for drafts. */
    static @Nullable String revisionReason(Plan p, @Nullable String reason) {
        if (!p.published()) {
            return null;
        }
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", "plan.revision.reasonRequired");
        }
        if (reason.length() > 1000) {
            throw new ValidationException("reason", "validation.tooLong");
        }
        return reason.strip();
    }

    private PlanSection section(long planId, long sectionId) {
        return jdbc.sql("select * from plan_section where id = ? and plan_id = ?").params(sectionId, planId)
                .query(Plans::section).optional().orElseThrow(NotFoundException::new);
    }

    private static String checkTitle(@Nullable String title) {
        if (title == null || title.isBlank()) {
            throw new ValidationException("title", "validation.required");
        }
        if (title.strip().length() > 200) {
            throw new ValidationException("title", "validation.tooLong");
        }
        return title.strip();
    }

    private static String checkSectionTitle(@Nullable String title) {
        if (title == null || title.isBlank()) {
            throw new ValidationException("sectionTitle", "validation.required");
        }
        return title.strip().length() > 200 ? title.strip().substring(0, 200) : title.strip();
    }

    private static int remindDays(int days) {
        if (days < 0 || days > 60) {
            throw new ValidationException("remindDays", "plan.remindDays.range");
        }
        return days;
    }

    private static long requireInstitution(OrgUnit unit) {
        if (unit.institutionId() == null) {
            throw new ValidationException("unitId", "plan.unit.notYours");
        }
        return unit.institutionId();
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static Plan row(ResultSet rs, int i) throws SQLException {
        return new Plan(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("institution_name"),
                rs.getLong("unit_id"), rs.getString("unit_name"), rs.getLong("term_id"), rs.getString("title"),
                PlanStatus.valueOf(rs.getString("status")), rs.getInt("revision"), rs.getString("review_note"),
                rs.getInt("remind_days"), rs.getObject("copied_from", Long.class),
                rs.getObject("submitted_at", LocalDateTime.class), rs.getString("submitted_by"),
                rs.getObject("approved_at", LocalDateTime.class), rs.getString("approved_by"),
                rs.getObject("published_at", LocalDateTime.class), rs.getString("published_by"),
                rs.getInt("version"), rs.getObject("updated_at", LocalDateTime.class), rs.getString("updated_by"));
    }

    private static PlanSection section(ResultSet rs, int i) throws SQLException {
        return new PlanSection(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("sort_order"), rs.getString("title"),
                rs.getString("body_html"), rs.getInt("version"), rs.getObject("updated_at", LocalDateTime.class),
                rs.getString("updated_by"));
    }
}
