package org.jiaoyan.research;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.Text;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 立项公示 / 结题公示: the organiser publishes the projects it approved (or concluded) for a period. A school's notice is
 * read by everybody of that school; a county notice (organiser ≠ the projects' school) by everybody of the county's
 * schools. The county's researchers read their schools' notices too.
 */
@Service
@Transactional
public class ResearchNotices {

    /** A notice with its projects in the order published. */
    public record Notice(long id, long organizerId, String organizerName, @Nullable Long roundId, ProjectStage stage,
                         String title, @Nullable String body, LocalDate publishFrom, LocalDate publishUntil,
                         List<Project> projects) {

        /** A county notice: some project is not of the organiser's own school. */
        public boolean county() {
            return projects.stream().anyMatch(p -> p.institutionId() != organizerId);
        }

        /** The body's paragraphs (one per line), for the page. */
        public List<String> paragraphs() {
            return body == null ? List.of() : body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }

        public boolean current(LocalDate today) {
            return !today.isBefore(publishFrom) && !today.isAfter(publishUntil);
        }
    }

    /** What the organiser types. */
    public record NoticeData(long organizerId, @Nullable Long roundId, @Nullable ProjectStage stage, @Nullable String title,
                             @Nullable String body, @Nullable LocalDate publishFrom, @Nullable LocalDate publishUntil,
                             List<Long> projectIds) {
    }

    private final JdbcClient jdbc;
    private final Projects projects;
    private final OrgDirectory directory;
    private final AuditLog audit;

    ResearchNotices(JdbcClient jdbc, Projects projects, OrgDirectory directory, AuditLog audit) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.directory = directory;
        this.audit = audit;
    }

    /** Publishes a notice; the projects must be the organiser's. */
    public long publish(NoticeData d) {
        if (!projects.runsOrganizer(d.organizerId())) {
            throw new ForbiddenException();
        }
        List<FieldProblem> problems = new ArrayList<>();
        String title = Text.clean(d.title());
        if (title == null) {
            problems.add(new FieldProblem("title", "validation.required"));
        } else if (title.length() > 200) {
            problems.add(new FieldProblem("title", "research.title.long"));
        }
        String body = Text.clean(d.body());
        if (body != null && body.length() > 4000) {
            problems.add(new FieldProblem("body", "researchreview.notice.bodyLong"));
        }
        if (d.stage() == null || !Reviews.STAGES.contains(d.stage())) {
            problems.add(new FieldProblem("stage", "researchreview.assign.stage"));
        }
        if (d.publishFrom() == null) {
            problems.add(new FieldProblem("publishFrom", "validation.required"));
        }
        if (d.publishUntil() == null) {
            problems.add(new FieldProblem("publishUntil", "validation.required"));
        } else if (d.publishFrom() != null && d.publishUntil().isBefore(d.publishFrom())) {
            problems.add(new FieldProblem("publishUntil", "researchreview.notice.untilBeforeFrom"));
        }
        List<Long> ids = List.copyOf(new LinkedHashSet<>(d.projectIds()));
        if (ids.isEmpty()) {
            problems.add(new FieldProblem("projectIds", "researchreview.notice.noProjects"));
        } else if (jdbc.sql("""
                select count(*) from research_project where id in (:ids) and organizer_id = :org and deleted_at is null""")
                .param("ids", ids).param("org", d.organizerId()).query(Long.class).single() != ids.size()) {
            problems.add(new FieldProblem("projectIds", "researchreview.notice.foreign"));
        }
        if (d.roundId() != null && jdbc.sql("select count(*) from research_round where id = ? and organizer_id = ? and deleted_at is null")
                .params(d.roundId(), d.organizerId()).query(Long.class).single() == 0) {
            problems.add(new FieldProblem("roundId", "research.round.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = Inserts.id(jdbc.sql("""
                insert into research_notice (organizer_id, round_id, stage, title, body, project_ids, publish_from,
                                             publish_until, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.organizerId(), d.roundId(), d.stage().name(), title, body,
                        ids.stream().map(String::valueOf).collect(Collectors.joining(",")), d.publishFrom(),
                        d.publishUntil(), Access.actor()));
        audit.success("CREATE", "research_notice", id, title, null);
        return id;
    }

    /** The notices the user reads, newest first. */
    @Transactional(readOnly = true)
    public List<Notice> list() {
        CurrentUser u = Access.user();
        List<Long> organizers = new ArrayList<>(u.scope().institutionIds());
        if (u.institutionId() != null) {
            organizers.add(u.institutionId());
            Long region = directory.regionOfUnit(u.institutionId());
            if (region != null) {
                organizers.addAll(directory.institutionsOfRegion(region));
            }
        }
        String sql = SELECT + " where n.deleted_at is null" + (u.scope().all() ? "" : " and n.organizer_id in (:orgs)")
                + " order by n.publish_from desc, n.id desc";
        var spec = jdbc.sql(sql);
        List<Raw> raws = (u.scope().all() ? spec : spec.param("orgs", organizers)).query(ResearchNotices::raw).list();
        return withProjects(raws).stream().filter(this::readable).toList();
    }

    /** One notice the user reads (404 otherwise). */
    @Transactional(readOnly = true)
    public Notice get(long id) {
        Raw raw = jdbc.sql(SELECT + " where n.id = ? and n.deleted_at is null").param(id).query(ResearchNotices::raw)
                .optional().orElseThrow(NotFoundException::new);
        Notice n = withProjects(List.of(raw)).get(0);
        if (!readable(n)) {
            throw new NotFoundException();
        }
        return n;
    }

    /** Whether the user may withdraw (delete) the notice. */
    public boolean canManage(Notice n) {
        return projects.runsOrganizer(n.organizerId());
    }

    /** Withdraws a notice. */
    public void delete(long id) {
        Notice n = get(id);
        if (!canManage(n)) {
            throw new ForbiddenException();
        }
        jdbc.sql("update research_notice set deleted_at = current_timestamp where id = ?").param(id).update();
        audit.success("DELETE", "research_notice", id, n.title(), null);
    }

    private boolean readable(Notice n) {
        CurrentUser u = Access.user();
        if (u.scope().all() || u.scope().canReadInstitution(n.organizerId()) || projects.runsOrganizer(n.organizerId())
                || Long.valueOf(n.organizerId()).equals(u.institutionId())) {
            return true;
        }
        if (!n.county() || u.institutionId() == null) {
            return false;
        }
        Long region = directory.regionOfUnit(n.organizerId());
        return region != null && region.equals(directory.regionOfUnit(u.institutionId()));
    }

    private static final String SELECT = "select n.*, o.name as organizer_name from research_notice n join org_unit o on o.id = n.organizer_id";

    private record Raw(long id, long organizerId, String organizerName, @Nullable Long roundId, ProjectStage stage,
                       String title, @Nullable String body, LocalDate from, LocalDate until, List<Long> projectIds) {
    }

    private static Raw raw(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        List<Long> ids = Arrays.stream(rs.getString("project_ids").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
        return new Raw(rs.getLong("id"), rs.getLong("organizer_id"), rs.getString("organizer_name"),
                rs.getObject("round_id", Long.class), ProjectStage.valueOf(rs.getString("stage")), rs.getString("title"),
                rs.getString("body"), rs.getObject("publish_from", LocalDate.class),
                rs.getObject("publish_until", LocalDate.class), ids);
    }

    /** The notices with their projects, read in one query for all of them. */
    private List<Notice> withProjects(List<Raw> raws) {
        List<Long> all = raws.stream().flatMap(r -> r.projectIds().stream()).distinct().toList();
        Map<Long, Project> byId = all.isEmpty() ? Map.of()
                : jdbc.sql(Projects.SELECT + " where p.id in (:ids) and p.deleted_at is null").param("ids", all)
                        .query(Projects::row).list().stream().collect(Collectors.toMap(Project::id, Function.identity()));
        return raws.stream().map(r -> new Notice(r.id(), r.organizerId(), r.organizerName(), r.roundId(), r.stage(),
                r.title(), r.body(), r.from(), r.until(),
                r.projectIds().stream().map(byId::get).filter(Objects::nonNull).toList())).toList();
    }
}
