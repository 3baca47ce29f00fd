package org.jiaoyan.research;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.org.GroupKind;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.UnitData;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.DataScope;
import org.jiaoyan.security.Role;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jiaoyan.shared.SqlFilter;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.Text;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Research projects and who may do what with them, enforced here:
 * <ul>
 * <li>read: the members (lead included); the school's leaders (校长, 教科室主任); the county's researchers for their
 * schools' projects of county level and above and for the rounds their 教研室 organises; admins;</li>
 * <li>edit (details, members, tasks, documents, the warm middle): the lead and the school's 教科室 while the project
 * is open;</li>
 * <li>decide a stage: whoever runs the organiser (the school's 教科室, or the county's researchers for a county
 * round), never a member of the project.</li>
 * </ul>
 * Other modules' ids and other schools' projects answer 404.
 */
@Service
@Transactional
public class Projects {

    static final String SELECT = """
            select p.*, i.name as institution_name, o.name as organizer_name, r.name as round_name,
                   pp.title as parent_title, l.name as lead_name
              from research_project p join org_unit i on i.id = p.institution_id
              join org_unit o on o.id = p.organizer_id join person l on l.id = p.lead_id
              left join research_round r on r.id = p.round_id
              left join research_project pp on pp.id = p.parent_id""";

    private static final Map<String, String> SORTS = Map.of(
            "title", "p.title", "level", "p.level", "stage", "p.stage", "lead", "l.name",
            "start", "p.start_date", "no", "p.project_no", "school", "i.name");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final OrgUnits units;
    private final OrgDirectory directory;

    Projects(JdbcClient jdbc, AuditLog audit, OrgUnits units, OrgDirectory directory) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.units = units;
        this.directory = directory;
    }

    // ---------------------------------------------------------------- access

    /** Whether the user reads the project (see the class comment). */
    @Transactional(readOnly = true)
    public boolean canRead(Project p) {
        CurrentUser u = Access.user();
        DataScope s = u.scope();
        if (s.all() || officeOf(p) || isMember(p.id(), u.personId())) {
            return true;
        }
        if (u.has(Role.PRINCIPAL) && s.canReadInstitution(p.institutionId()) && !u.has(Role.COUNTY_RESEARCHER)) {
            return true;
        }
        return u.has(Role.COUNTY_RESEARCHER) && s.canReadInstitution(p.institutionId())
                && (p.level().countyOrAbove() || ownOffice(u, p.organizerId()));
    }

    /** Whether the user edits the project: its lead or the school's 教科室, while it is open. */
    public boolean canEdit(Project p) {
        if (p.stage() == ProjectStage.CLOSED || p.stage() == ProjectStage.REJECTED) {
            return false;
        }
        CurrentUser u = Access.user();
        return officeOf(p) || (u.personId() != null && u.personId() == p.leadId());
    }

    /** Whether the user runs the school's side of the project (教科室 of its school, admins). */
    public boolean officeOf(Project p) {
        return Access.scope().canManageInstitution(p.institutionId());
    }

    /** Whether the user decides the project's stages: the organiser's office, and not a member of the project. */
    @Transactional(readOnly = true)
    public boolean canDecide(Project p) {
        CurrentUser u = Access.user();
        boolean organiser = u.scope().canManageInstitution(p.organizerId()) || ownOffice(u, p.organizerId());
        return organiser && !isMember(p.id(), u.personId());
    }

    /** Whether the user runs the organiser (its 教科室, or the county researchers of their own 教研室): rounds, reviews, notices. */
    public boolean runsOrganizer(long organizerId) {
        CurrentUser u = Access.user();
        return u.scope().canManageInstitution(organizerId) || ownOffice(u, organizerId);
    }

    /** Whether the user may start a project in the institution: its 教科室, or any of its teachers as the lead. */
    public boolean canCreateIn(long institutionId) {
        CurrentUser u = Access.user();
        return u.scope().canManageInstitution(institutionId)
                || (u.personId() != null && Long.valueOf(institutionId).equals(u.institutionId()));
    }

    /** The project, read with the user's scope (404 when missing or not readable). */
    @Transactional(readOnly = true)
    public Project get(long id) {
        Project p = find(id);
        if (!canRead(p)) {
            throw new NotFoundException();
        }
        return p;
    }

    /** The project the user may edit (404 when unreadable, 403 when read-only). */
    @Transactional(readOnly = true)
    public Project editable(long id) {
        Project p = get(id);
        if (!canEdit(p)) {
            throw new ForbiddenException();
        }
        return p;
    }

    /** The project without any scope check: for metrics, jobs and the module's own services after their check. */
    @Transactional(readOnly = true)
    Project find(long id) {
        return jdbc.sql(SELECT + " where p.id = ? and p.deleted_at is null").param(id).query(Projects::row).optional()
                .orElseThrow(NotFoundException::new);
    }

    private boolean isMember(long projectId, @Nullable Long personId) {
        return personId != null && jdbc.sql("select count(*) from research_member where project_id = ? and person_id = ?")
                .params(projectId, personId).query(Long.class).single() > 0;
    }

    private static boolean ownOffice(CurrentUser u, long organizerId) {
        return u.has(Role.COUNTY_RESEARCHER) && Long.valueOf(organizerId).equals(u.institutionId());
    }

    // ---------------------------------------------------------------- lists

    /** Filters of the project list; every field optional. */
    public record Filter(@Nullable Long institutionId, @Nullable ProjectLevel level, @Nullable ProjectStage stage,
                         @Nullable Long roundId, @Nullable String q, boolean mine) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, false);
        }
    }

    /** The projects the user reads, filtered and paged in SQL; sub-projects right after their parent by default. */
    @Transactional(readOnly = true)
    public PageResult<Project> list(Filter f, PageQuery page) {
        SqlFilter w = scoped(f);
        long total = w.bind(jdbc.sql("select count(*) from research_project p join person l on l.id = p.lead_id"
                + " join org_unit i on i.id = p.institution_id" + w.sql())).query(Long.class).single();
        PageQuery q = page.within(total);
        String col = q.sort() == null ? null : SORTS.get(q.sort());
        String order = col == null ? " order by i.sort_order, i.id, coalesce(p.parent_id, p.id), p.parent_id nulls first, p.id"
                : " order by " + col + (q.desc() ? " desc" : "") + ", p.id";
        List<Project> items = w.bind(jdbc.sql(SELECT + w.sql() + order + " limit :limit offset :offset"))
                .param("limit", q.size()).param("offset", q.offset()).query(Projects::row).list();
        return new PageResult<>(items, total, q.page(), q.size());
    }

    /** The WHERE of the readable projects (alias p, lead l, school i) with the filter: shared by lists and reports. */
    @Transactional(readOnly = true)
    public SqlFilter scoped(Filter f) {
        CurrentUser u = Access.user();
        DataScope s = u.scope();
        SqlFilter w = new SqlFilter().where("p.deleted_at is null");
        long me = u.personId() == null ? DataScope.NONE : u.personId();
        if (f.mine()) {
            w.where("p.id in (select project_id from research_member where person_id = :me)", "me", me);
        }
        if (!s.all()) {
            List<Long> full = new ArrayList<>(s.manageIds());
            List<Long> county = List.of(DataScope.NONE);
            long countyOffice = DataScope.NONE;
            if (u.has(Role.COUNTY_RESEARCHER)) {
                county = List.copyOf(s.institutionIds());
                countyOffice = u.institutionId() == null ? DataScope.NONE : u.institutionId();
            } else if (u.has(Role.PRINCIPAL)) {
                full.addAll(s.institutionIds());
            }
            w.where("""
                    (p.id in (select project_id from research_member where person_id = :me)
                     or p.institution_id in (:full)
                     or (p.institution_id in (:county)
                         and (p.level in ('NATIONAL', 'PROVINCE', 'CITY', 'COUNTY') or p.organizer_id = :office)))""",
                    "me", me, "full", full, "county", county, "office", countyOffice);
        }
        w.whenSet(f.institutionId(), "p.institution_id = :inst", "inst");
        w.whenSet(f.level() == null ? null : f.level().name(), "p.level = :level", "level");
        w.whenSet(f.stage() == null ? null : f.stage().name(), "p.stage = :stage", "stage");
        w.whenSet(f.roundId(), "p.round_id = :round", "round");
        w.contains(f.q(), "(lower(p.title) like :q or lower(l.name) like :q or lower(coalesce(p.project_no, '')) like :q)", "q");
        return w;
    }

    /** The sub-projects (一级子课题) of a project the user reads. */
    @Transactional(readOnly = true)
    public List<Project> children(long parentId) {
        return jdbc.sql(SELECT + " where p.parent_id = ? and p.deleted_at is null order by p.id").param(parentId)
                .query(Projects::row).list().stream().filter(this::canRead).toList();
    }

    /** Rounds (批次) an institution's projects may join: its own and its county 教研室's. */
    @Transactional(readOnly = true)
    public List<Round> rounds(long institutionId) {
        Long region = directory.regionOfUnit(institutionId);
        List<Long> organizers = new ArrayList<>(List.of(institutionId));
        if (region != null) {
            organizers.addAll(directory.institutionsOfRegion(region));
        }
        return jdbc.sql("""
                select r.id, r.organizer_id, r.name, r.level, r.apply_until from research_round r
                 where r.deleted_at is null and r.organizer_id in (:ids) order by r.id desc""")
                .param("ids", organizers)
                .query((rs, i) -> new Round(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        ProjectLevel.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class))).list();
    }

    /** A round (批次) of applications, e.g. 第七届县级个人课题, run by an organiser. */
    public record Round(long id, long organizerId, String name, ProjectLevel level, @Nullable LocalDate applyUntil) {
    }

    /** The rounds an organiser runs, newest first, with the number of projects in each (for whoever runs it). */
    @Transactional(readOnly = true)
    public List<RoundRow> roundsRunBy(long organizerId) {
        if (!runsOrganizer(organizerId)) {
            throw new NotFoundException();
        }
        return jdbc.sql(ROUND_ROW + " where r.organizer_id = ? and r.deleted_at is null order by r.id desc")
                .param(organizerId).query(Projects::roundRow).list();
    }

    /** The organiser's rounds in the recycle bin, last deleted first (for whoever runs it). */
    @Transactional(readOnly = true)
    public List<RoundRow> deletedRounds(long organizerId) {
        if (!runsOrganizer(organizerId)) {
            throw new NotFoundException();
        }
        return jdbc.sql(ROUND_ROW + " where r.organizer_id = ? and r.deleted_at is not null order by r.deleted_at desc, r.id desc")
                .param(organizerId).query(Projects::roundRow).list();
    }

    /** A round as its organiser lists it: its projects (not in the recycle bin) and the version it was read at. */
    public record RoundRow(long id, long organizerId, String name, ProjectLevel level, @Nullable LocalDate applyUntil,
                           long projects, int version) {
    }

    private static final String ROUND_ROW = """
            select r.id, r.organizer_id, r.name, r.level, r.apply_until, r.version,
                   (select count(*) from research_project p where p.round_id = r.id and p.deleted_at is null) as projects
              from research_round r""";

    private static RoundRow roundRow(ResultSet rs, int i) throws SQLException {
        return new RoundRow(rs.getLong("id"), rs.getLong("organizer_id"), rs.getString("name"),
                ProjectLevel.valueOf(rs.getString("level")), rs.getObject("apply_until", LocalDate.class),
                rs.getLong("projects"), rs.getInt("version"));
    }

    /** A live round for whoever runs its organiser; 404 for anyone else, as for a round that does not exist. */
    @Transactional(readOnly = true)
    public RoundRow round(long id) {
        RoundRow r = jdbc.sql(ROUND_ROW + " where r.id = ? and r.deleted_at is null").param(id).query(Projects::roundRow)
                .optional().orElseThrow(NotFoundException::new);
        if (!runsOrganizer(r.organizerId())) {
            throw new NotFoundException();
        }
        return r;
    }

    /** Creates a round; only whoever runs the organiser (a school's 教科室, the county's researchers). */
    public long createRound(long organizerId, String name, ProjectLevel level, @Nullable LocalDate applyUntil) {
        CurrentUser u = Access.user();
        if (!u.scope().canManageInstitution(organizerId) && !ownOffice(u, organizerId)) {
            throw new ForbiddenException();
        }
        String n = roundName(organizerId, name, null);
        long id = Inserts.id(jdbc.sql("""
                insert into research_round (organizer_id, name, level, apply_until, created_by)
                values (?, ?, ?, ?, ?)""").params(organizerId, n, level.name(), applyUntil, Access.actor()));
        audit.success("CREATE", "research_round", id, n, null);
        return id;
    }

    /**
     * Changes a round's name, level and deadline (whoever runs its organiser); the name stays unique among the
     * organiser's rounds, and an edit of a version someone else changed meanwhile is refused.
     */
    public void updateRound(long id, int version, String name, ProjectLevel level, @Nullable LocalDate applyUntil) {
        RoundRow r = round(id);
        String n = roundName(r.organizerId(), name, id);
        int changed = jdbc.sql("""
                update research_round set name = ?, level = ?, apply_until = ?, version = version + 1
                 where id = ? and version = ? and deleted_at is null""")
                .params(n, level.name(), applyUntil, id, version).update();
        if (changed == 0) {
            throw new StaleEditException();
        }
        audit.success("UPDATE", "research_round", id, n, null);
    }

    /**
     * Moves a round to the recycle bin (whoever runs its organiser); refused while projects still apply in it, so no
     * project loses its round. A stale version is refused.
     */
    public void deleteRound(long id, int version) {
        RoundRow r = round(id);
        if (r.projects() > 0) {
            throw new ValidationException(List.of(new FieldProblem(null, "research.round.hasProjects", r.name(), r.projects())));
        }
        int changed = jdbc.sql("""
                update research_round set deleted_at = ?, deleted_by = ?, version = version + 1
                 where id = ? and version = ? and deleted_at is null""")
                .params(LocalDateTime.now(), Access.actor(), id, version).update();
        if (changed == 0) {
            throw new StaleEditException();
        }
        audit.success("DELETE", "research_round", id, r.name(), null);
    }

    /** Takes a round back out of the recycle bin, unless a live round of the organiser has taken its name meanwhile. */
    public void restoreRound(long id) {
        RoundRow r = jdbc.sql(ROUND_ROW + " where r.id = ? and r.deleted_at is not null").param(id).query(Projects::roundRow)
                .optional().orElseThrow(NotFoundException::new);
        if (!runsOrganizer(r.organizerId())) {
            throw new NotFoundException();
        }
        if (roundNameTaken(r.organizerId(), r.name(), id)) {
            throw new ValidationException("name", "research.round.restoreTaken", r.name());
        }
        jdbc.sql("update research_round set deleted_at = null, deleted_by = null, version = version + 1 where id = ?")
                .param(id).update();
        audit.success("RESTORE", "research_round", id, r.name(), null);
    }

    /** The round name cleaned and checked: required, at most 100 characters, not used by another live round. */
    private String roundName(long organizerId, @Nullable String name, @Nullable Long self) {
        String n = Text.clean(name);
        if (n == null) {
            throw new ValidationException("name", "validation.required");
        }
        if (n.length() > 100) {
            throw new ValidationException("name", "research.round.long");
        }
        if (roundNameTaken(organizerId, n, self)) {
            throw new ValidationException("name", "research.round.taken", n);
        }
        return n;
    }

    private boolean roundNameTaken(long organizerId, String name, @Nullable Long self) {
        return jdbc.sql("""
                select count(*) from research_round
                 where organizer_id = ? and name = ? and deleted_at is null and id <> ?""")
                .params(organizerId, name, self == null ? -1L : self).query(Long.class).single() > 0;
    }

    // ---------------------------------------------------------------- writing

    /** Starts a project at 申报 with its lead as the first member. */
    public long create(ProjectData d) {
        if (!canCreateIn(d.institutionId())) {
            throw new NotFoundException();
        }
        CurrentUser u = Access.user();
        boolean office = u.scope().canManageInstitution(d.institutionId());
        if (!office && !Long.valueOf(d.leadId()).equals(u.personId())) {
            throw new ValidationException("leadId", "research.lead.self");
        }
        long organizer = validate(d, null);
        long id = Inserts.id(jdbc.sql("""
                insert into research_project (institution_id, organizer_id, round_id, parent_id, level, yearly, title,
                                              lead_id, discipline, start_date, end_date, summary, created_by, updated_by)
                values (:inst, :org, :round, :parent, :level, :yearly, :title, :lead, :disc, :start, :end, :summary,
                        :by, :by)""")
                .param("inst", d.institutionId()).param("org", organizer).param("round", d.roundId())
                .param("parent", d.parentId()).param("level", d.level().name()).param("yearly", d.yearly())
                .param("title", d.title().strip()).param("lead", d.leadId()).param("disc", Text.clean(d.discipline()))
                .param("start", d.startDate()).param("end", d.endDate()).param("summary", Text.clean(d.summary()))
                .param("by", Access.actor()));
        jdbc.sql("insert into research_member (project_id, person_id, role, sort_order) values (?, ?, 'LEAD', 0)")
                .params(id, d.leadId()).update();
        audit.success("CREATE", "research_project", id, d.title(), null);
        return id;
    }

    /** Edits the details; refused when someone saved in between (version). */
    public void update(long id, int version, ProjectData d) {
        Project before = editable(id);
        if (d.institutionId() != before.institutionId()) {
            throw new ValidationException("institutionId", "research.institution.fixed");
        }
        if (d.leadId() != before.leadId() && !officeOf(before)) {
            throw new ValidationException("leadId", "research.lead.officeOnly");
        }
        long organizer = validate(d, id);
        int n = jdbc.sql("""
                update research_project set organizer_id = :org, round_id = :round, parent_id = :parent, level = :level,
                       yearly = :yearly, title = :title, lead_id = :lead, discipline = :disc, start_date = :start,
                       end_date = :end, summary = :summary, updated_at = :now, updated_by = :by, version = version + 1
                 where id = :id and version = :version and deleted_at is null""")
                .param("org", organizer).param("round", d.roundId()).param("parent", d.parentId())
                .param("level", d.level().name()).param("yearly", d.yearly()).param("title", d.title().strip())
                .param("lead", d.leadId()).param("disc", Text.clean(d.discipline())).param("start", d.startDate())
                .param("end", d.endDate()).param("summary", Text.clean(d.summary())).param("now", LocalDateTime.now())
                .param("by", Access.actor()).param("id", id).param("version", version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        if (d.leadId() != before.leadId()) {
            jdbc.sql("update research_member set role = 'MEMBER' where project_id = ? and role = 'LEAD'").param(id).update();
            jdbc.sql("delete from research_member where project_id = ? and person_id = ?").params(id, d.leadId()).update();
            jdbc.sql("insert into research_member (project_id, person_id, role, sort_order) values (?, ?, 'LEAD', 0)")
                    .params(id, d.leadId()).update();
            syncGroup(find(id));
        }
        audit.success("UPDATE", "research_project", id, d.title(), null);
    }

    /** Checks a project's fields; answers the organiser (the round's, else the school). */
    private long validate(ProjectData d, @Nullable Long selfId) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = Text.clean(d.title());
        if (title == null) {
            problems.add(new FieldProblem("title", "validation.required"));
        } else if (title.length() > 200) {
            problems.add(new FieldProblem("title", "research.title.long"));
        }
        Long leadInst = d.leadId() <= 0 ? null : directory.institutionOfPerson(d.leadId()).orElse(null);
        if (d.leadId() <= 0) {
            problems.add(new FieldProblem("leadId", "validation.required"));
        } else if (!Long.valueOf(d.institutionId()).equals(leadInst)) {
            problems.add(new FieldProblem("leadId", "research.person.outside"));
        }
        if (d.startDate() != null && d.endDate() != null && d.endDate().isBefore(d.startDate())) {
            problems.add(new FieldProblem("endDate", "research.dates.order"));
        }
        long organizer = d.institutionId();
        if (d.roundId() != null) {
            Round r = rounds(d.institutionId()).stream().filter(x -> x.id() == d.roundId()).findFirst().orElse(null);
            if (r == null) {
                problems.add(new FieldProblem("roundId", "research.round.unknown"));
            } else {
                organizer = r.organizerId();
            }
        }
        if (d.parentId() != null) {
            Project parent = jdbc.sql(SELECT + " where p.id = ? and p.deleted_at is null").param(d.parentId())
                    .query(Projects::row).optional().orElse(null);
            if (parent == null || parent.institutionId() != d.institutionId() || parent.parentId() != null
                    || (selfId != null && selfId.equals(parent.id())) || parent.personal()) {
                problems.add(new FieldProblem("parentId", "research.parent.invalid"));
            } else if (selfId != null && jdbc.sql("select count(*) from research_project where parent_id = ? and deleted_at is null")
                    .param(selfId).query(Long.class).single() > 0) {
                problems.add(new FieldProblem("parentId", "research.parent.hasChildren"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return organizer;
    }

    /** Moves the project to the recycle bin (the office, before 立项 also the lead). */
    public void delete(long id, int version) {
        Project p = get(id);
        if (!officeOf(p) && !(p.stage() == ProjectStage.APPLICATION && canEdit(p))) {
            throw new ForbiddenException();
        }
        int n = jdbc.sql("""
                update research_project set deleted_at = ?, deleted_by = ?, version = version + 1
                 where id = ? and version = ? and deleted_at is null""")
                .params(LocalDateTime.now(), Access.actor(), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("DELETE", "research_project", id, p.title(), null);
        retireGroup(p);
    }

    /** Takes a project back out of the recycle bin (the school's office). */
    public void restore(long id) {
        Project p = jdbc.sql(SELECT + " where p.id = ? and p.deleted_at is not null").param(id).query(Projects::row)
                .optional().orElseThrow(NotFoundException::new);
        if (!officeOf(p)) {
            throw new NotFoundException();
        }
        jdbc.sql("update research_project set deleted_at = null, deleted_by = null, version = version + 1 where id = ?")
                .param(id).update();
        audit.success("RESTORE", "research_project", id, p.title(), null);
        Long group = p.groupId();
        if (group != null && p.stage() != ProjectStage.CLOSED) {
            Access.asSystem(() -> units.restore(group));
        }
    }

    /** The school's projects in the recycle bin, for its office. */
    @Transactional(readOnly = true)
    public List<Project> deleted(long institutionId) {
        if (!Access.scope().canManageInstitution(institutionId)) {
            throw new ForbiddenException();
        }
        return jdbc.sql(SELECT + " where p.institution_id = ? and p.deleted_at is not null order by p.deleted_at desc")
                .param(institutionId).query(Projects::row).list();
    }

    /** A teacher to pick as lead or member. */
    public record Candidate(long id, String name) {
    }

    /** The teachers of a school to pick from, by name; only for whoever may start projects there. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(long institutionId) {
        if (!canCreateIn(institutionId)) {
            throw new NotFoundException();
        }
        return jdbc.sql("select id, name from person where institution_id = ? and deleted_at is null order by name, id")
                .param(institutionId).query((rs, i) -> new Candidate(rs.getLong(1), rs.getString(2))).list();
    }

    /** Main projects (not sub, not personal) of a school that a sub-project may hang under. */
    @Transactional(readOnly = true)
    public List<Project> parents(long institutionId) {
        if (!canCreateIn(institutionId)) {
            throw new NotFoundException();
        }
        return jdbc.sql(SELECT + " where p.institution_id = ? and p.deleted_at is null and p.parent_id is null"
                + " and p.level <> 'PERSONAL' and p.stage <> 'REJECTED' order by p.id desc")
                .param(institutionId).query(Projects::row).list();
    }

    // ---------------------------------------------------------------- members and tasks

    /** Members in order (lead first) with the number of tasks each carries. */
    @Transactional(readOnly = true)
    public List<ProjectMember> members(long projectId) {
        get(projectId);
        return membersOf(projectId);
    }

    List<ProjectMember> membersOf(long projectId) {
        return jdbc.sql("""
                select m.person_id, pe.name, m.role,
                       (select count(*) from research_task t where t.project_id = m.project_id
                           and t.person_id = m.person_id and t.deleted_at is null) as tasks
                  from research_member m join person pe on pe.id = m.person_id
                 where m.project_id = ? order by case when m.role = 'LEAD' then 0 else 1 end, m.sort_order, pe.name""")
                .param(projectId).query((rs, i) -> new ProjectMember(rs.getLong(1), rs.getString(2),
                        "LEAD".equals(rs.getString(3)), rs.getInt(4))).list();
    }

    /** Sets the members (besides the lead, who always stays); they must be teachers of the project's school. */
    public void setMembers(long projectId, Collection<Long> personIds) {
        Project p = editable(projectId);
        Set<Long> ids = new LinkedHashSet<>(personIds);
        ids.remove(p.leadId());
        if (p.personal() && !ids.isEmpty()) {
            throw new ValidationException("members", "research.members.personal");
        }
        if (!ids.isEmpty()) {
            long inside = jdbc.sql("""
                    select count(*) from person where id in (:ids) and institution_id = :inst and deleted_at is null""")
                    .param("ids", ids).param("inst", p.institutionId()).query(Long.class).single();
            if (inside != ids.size()) {
                throw new ValidationException("members", "research.person.outside");
            }
        }
        List<Long> before = membersOf(projectId).stream().filter(m -> !m.lead()).map(ProjectMember::personId).toList();
        List<Long> removed = before.stream().filter(id -> !ids.contains(id)).toList();
        if (!removed.isEmpty()) {
            jdbc.sql("delete from research_member where project_id = :p and person_id in (:ids)")
                    .param("p", projectId).param("ids", removed).update();
            jdbc.sql("update research_task set deleted_at = current_timestamp where project_id = :p and person_id in (:ids)"
                    + " and deleted_at is null").param("p", projectId).param("ids", removed).update();
        }
        int order = 1;
        for (Long id : ids) {
            if (before.contains(id)) {
                jdbc.sql("update research_member set sort_order = ? where project_id = ? and person_id = ?")
                        .params(order++, projectId, id).update();
            } else {
                jdbc.sql("insert into research_member (project_id, person_id, role, sort_order) values (?, ?, 'MEMBER', ?)")
                        .params(projectId, id, order++).update();
            }
        }
        syncGroup(p);
        audit.success("UPDATE", "research_member", projectId, ids.size() + " members", null);
    }

    /** The tasks of a project, by member then due date. */
    @Transactional(readOnly = true)
    public List<ResearchTask> tasks(long projectId) {
        get(projectId);
        return jdbc.sql("""
                select t.*, pe.name as person_name from research_task t join person pe on pe.id = t.person_id
                 where t.project_id = ? and t.deleted_at is null order by pe.name, t.due_date, t.id""")
                .param(projectId).query(Projects::task).list();
    }

    /** Gives a member a research task. */
    public long addTask(long projectId, long personId, String title, @Nullable LocalDate due) {
        Project p = editable(projectId);
        List<FieldProblem> problems = new ArrayList<>();
        if (membersOf(projectId).stream().noneMatch(m -> m.personId() == personId)) {
            problems.add(new FieldProblem("personId", "research.task.notMember"));
        }
        String t = Text.clean(title);
        if (t == null) {
            problems.add(new FieldProblem("title", "validation.required"));
        } else if (t.length() > 200) {
            problems.add(new FieldProblem("title", "research.title.long"));
        }
        if (due == null) {
            problems.add(new FieldProblem("dueDate", "validation.required"));
        } else if (p.endDate() != null && due.isAfter(p.endDate())) {
            problems.add(new FieldProblem("dueDate", "research.task.afterEnd"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = Inserts.id(jdbc.sql("insert into research_task (project_id, person_id, title, due_date) values (?, ?, ?, ?)")
                .params(projectId, personId, t, due));
        audit.success("CREATE", "research_task", id, t, null);
        return id;
    }

    /** Marks a task done (the member themselves, the lead or the office) or not done (done = null). */
    public void setTaskDone(long projectId, long taskId, int version, @Nullable LocalDate done) {
        Project p = get(projectId);
        ResearchTask t = taskOf(projectId, taskId);
        CurrentUser u = Access.user();
        if (!canEdit(p) && !(u.personId() != null && u.personId() == t.personId())) {
            throw new ForbiddenException();
        }
        int n = jdbc.sql("update research_task set done_on = ?, version = version + 1 where id = ? and version = ? and deleted_at is null")
                .params(done, taskId, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
    }

    /** Removes a task (recycle bin). */
    public void deleteTask(long projectId, long taskId) {
        editable(projectId);
        taskOf(projectId, taskId);
        jdbc.sql("update research_task set deleted_at = current_timestamp where id = ?").param(taskId).update();
        audit.success("DELETE", "research_task", taskId, "task " + taskId, null);
    }

    private ResearchTask taskOf(long projectId, long taskId) {
        return jdbc.sql("""
                select t.*, pe.name as person_name from research_task t join person pe on pe.id = t.person_id
                 where t.id = ? and t.project_id = ? and t.deleted_at is null""")
                .params(taskId, projectId).query(Projects::task).optional().orElseThrow(NotFoundException::new);
    }

    /** Members who carry no task yet (挂名): a project cannot go to 立项 while this is not empty. */
    @Transactional(readOnly = true)
    public List<ProjectMember> membersWithoutTask(long projectId) {
        return membersOf(projectId).stream().filter(m -> m.tasks() == 0).toList();
    }

    /**
     * Keeps the project's 课题组 in step with its members: made at 立项 for a project that is not personal (kind
     * PROJECT, so group rules and activities follow it), renamed and re-membered as the project changes.
     */
    void syncGroup(Project p) {
        if (p.personal() || !p.stage().approved()) {
            return;
        }
        List<Long> people = membersOf(p.id()).stream().map(ProjectMember::personId).toList();
        Access.asSystem(() -> {
            Long group = p.groupId();
            if (group == null) {
                OrgUnit school = units.get(p.institutionId());
                String name = groupName(p);
                group = units.create(new UnitData(UnitType.GROUP, p.institutionId(), school.sector(), null,
                        GroupKind.PROJECT, name, null, null, null, p.leadId(), 90));
                jdbc.sql("update research_project set group_id = ? where id = ?").params(group, p.id()).update();
            }
            units.setMembers(group, people);
        });
    }

    /**
     * The 课题组 ends with its project: once the project is closed (成果推广 passed) or deleted, its group goes to the
     * org recycle bin, so its members drop out of group and member rules and new activities no longer offer it; the
     * activities it held stay. A restored project takes its group back.
     */
    void retireGroup(Project p) {
        Long group = p.groupId();
        if (group == null) {
            return;
        }
        Access.asSystem(() -> {
            int live = jdbc.sql("select count(*) from org_unit where id = ? and deleted_at is null").param(group)
                    .query(Integer.class).single();
            if (live > 0) {
                units.delete(group, units.get(group).version());
            }
        });
    }

    private String groupName(Project p) {
        String base = "课题组：" + p.title();
        base = base.length() > 60 ? base.substring(0, 60) : base;
        long same = jdbc.sql("select count(*) from org_unit where name = ? and institution_id = ? and deleted_at is null")
                .params(base, p.institutionId()).query(Long.class).single();
        return same == 0 ? base : base + "（" + p.id() + "）";
    }

    // ---------------------------------------------------------------- rows

    static Project row(ResultSet rs, int i) throws SQLException {
        return new Project(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("institution_name"),
                rs.getLong("organizer_id"), rs.getString("organizer_name"), rs.getObject("round_id", Long.class),
                rs.getString("round_name"), rs.getObject("parent_id", Long.class), rs.getString("parent_title"),
                ProjectLevel.valueOf(rs.getString("level")), rs.getBoolean("yearly"), rs.getString("project_no"),
                rs.getString("title"), rs.getLong("lead_id"), rs.getString("lead_name"), rs.getString("discipline"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getObject("group_id", Long.class), ProjectStage.valueOf(rs.getString("stage")),
                rs.getString("approval_letter"), rs.getObject("approved_on", LocalDate.class), rs.getString("summary"),
                rs.getInt("version"));
    }

    static ResearchTask task(ResultSet rs, int i) throws SQLException {
        return new ResearchTask(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("person_id"),
                rs.getString("person_name"), rs.getString("title"), rs.getObject("due_date", LocalDate.class),
                rs.getObject("done_on", LocalDate.class), rs.getInt("version"));
    }
}
