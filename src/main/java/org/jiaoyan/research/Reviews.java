package org.jiaoyan.research;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.files.Attachment;
import org.jiaoyan.files.Attachments;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.research.ReviewForms.Item;
import org.jiaoyan.research.ReviewForms.ReviewForm;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.DataScope;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.Text;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 评审: the organiser assigns reviewers to a project's 申报 or 结题 with a form (blind or not); each reviewer reads
 * the stage's documents, scores every item, gives an opinion and a recommendation. Conflicts of interest are refused
 * when assigning and again when scoring: a member never reviews their project, and in a county review (organiser ≠
 * the project's school) nobody reviews a project of their own school. In a blind review the reviewer never sees the
 * lead's, the members' or the school's names: the project shows as its code (课题 A-017) with its title, documents
 * as 材料1.pdf. The organiser sees the results and decides through {@link ProjectStages#decide}.
 */
@Service
@Transactional
public class Reviews {

    /** The stages that are reviewed with scores. */
    public static final List<ProjectStage> STAGES = List.of(ProjectStage.APPLICATION, ProjectStage.CONCLUSION);

    /**
     * One reviewer's review of one project's stage. leadName and schoolName are null when the reader must not see them
     * (a blind review read by its reviewer); reviewerName is null when a project member reads a blind review.
     */
    public record Review(long id, long projectId, String projectCode, String projectTitle, ProjectLevel level,
                         @Nullable String leadName, @Nullable String schoolName, ProjectStage stage, long formId,
                         String formName, long reviewerId, @Nullable String reviewerName, boolean blind,
                         @Nullable BigDecimal total, @Nullable String opinion, @Nullable Decision recommendation,
                         @Nullable LocalDateTime submittedAt, int version) {

        public boolean submitted() {
            return submittedAt != null;
        }

        Review hidingProject() {
            return new Review(id, projectId, projectCode, projectTitle, level, null, null, stage, formId, formName,
                    reviewerId, reviewerName, blind, total, opinion, recommendation, submittedAt, version);
        }

        Review hidingReviewer() {
            return new Review(id, projectId, projectCode, projectTitle, level, leadName, schoolName, stage, formId,
                    formName, reviewerId, null, blind, total, opinion, recommendation, submittedAt, version);
        }
    }

    /** A person who may be assigned (not in conflict), with their school. */
    public record Candidate(long personId, String name, String schoolName) {
    }

    /** A stage document as the reviewer sees it (a blind review names it 材料1.pdf …). */
    public record Document(long id, String name) {
    }

    /**
     * What the reviewer's scoring page shows: the review, the form, the points given so far, the stage documents, and
     * the project's facts (members' names only when not blind).
     */
    public record Sheet(Review review, ReviewForm form, Map<Long, BigDecimal> scores, List<Document> documents,
                        @Nullable String discipline, @Nullable String summary, List<String> memberNames) {
    }

    /** A line of the results table: every reviewer's review of the project, the average of submitted totals. */
    public record ResultRow(Project project, String projectCode, List<Review> reviews, @Nullable BigDecimal average,
                            Map<Decision, Integer> recommendations, @Nullable Decision decision) {

        public long submitted() {
            return reviews.stream().filter(Review::submitted).count();
        }
    }

    private static final String SELECT = """
            select r.*, p.title as project_title, p.level, p.institution_id, p.organizer_id, i.name as school_name,
                   l.name as lead_name, f.name as form_name, rv.name as reviewer_name
              from research_review r join research_project p on p.id = r.project_id
              join org_unit i on i.id = p.institution_id join person l on l.id = p.lead_id
              join research_review_form f on f.id = r.form_id join person rv on rv.id = r.reviewer_id""";

    private final JdbcClient jdbc;
    private final Projects projects;
    private final ReviewForms forms;
    private final Attachments attachments;
    private final OrgDirectory directory;
    private final AuditLog audit;

    Reviews(JdbcClient jdbc, Projects projects, ReviewForms forms, Attachments attachments, OrgDirectory directory,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.forms = forms;
        this.attachments = attachments;
        this.directory = directory;
        this.audit = audit;
    }

    /** The code a project shows under in blind reviews and exports: A-017. */
    public static String code(long projectId) {
        return String.format("A-%03d", projectId);
    }

    // ---------------------------------------------------------------- the organiser

    /** Whether the user runs the project's organiser and is not one of its members (assigns, reads every score). */
    @Transactional(readOnly = true)
    public boolean organises(Project p) {
        return projects.canDecide(p);
    }

    /**
     * The project's reviews: the organiser gets all with names and scores; anybody else who reads the project gets
     * the submitted ones, without the reviewer's name when blind.
     */
    @Transactional(readOnly = true)
    public List<Review> ofProject(long projectId) {
        Project p = projects.get(projectId);
        List<Review> all = jdbc.sql(SELECT + " where r.project_id = ? order by r.stage, r.id").param(projectId)
                .query(Reviews::row).list();
        if (organises(p)) {
            return all;
        }
        return all.stream().filter(Review::submitted).map(r -> r.blind() ? r.hidingReviewer() : r).toList();
    }

    /** Who may be assigned to review the project: people of the organiser (and, for a county review, its county) not in conflict. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(long projectId) {
        Project p = organised(projectId);
        List<Long> schools = reviewerSchools(p);
        boolean county = p.organizerId() != p.institutionId();
        return jdbc.sql("""
                select pe.id, pe.name, i.name from person pe join org_unit i on i.id = pe.institution_id
                 where pe.institution_id in (:schools) and pe.deleted_at is null and pe.status = 'ACTIVE'
                   and pe.id not in (select person_id from research_member where project_id = :p)
                   and pe.institution_id not in (:excluded)
                 order by i.sort_order, i.id, pe.name, pe.id""")
                .param("schools", schools).param("p", projectId)
                .param("excluded", county ? List.of(p.institutionId()) : List.of(DataScope.NONE))
                .query((rs, i) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Assigns a reviewer to the project's 申报 or 结题 with a form; refuses conflicts of interest with their reason. */
    public long assign(long projectId, @Nullable ProjectStage stage, @Nullable Long formId, @Nullable Long reviewerId,
                       boolean blind) {
        Project p = organised(projectId);
        List<FieldProblem> problems = new ArrayList<>();
        if (stage == null || !STAGES.contains(stage)) {
            problems.add(new FieldProblem("stage", "researchreview.assign.stage"));
        }
        if (formId == null || jdbc.sql("""
                select count(*) from research_review_form where id = ? and organizer_id = ? and deleted_at is null""")
                .params(formId, p.organizerId()).query(Long.class).single() == 0) {
            problems.add(new FieldProblem("formId", "researchreview.assign.form"));
        }
        if (reviewerId == null) {
            problems.add(new FieldProblem("reviewerId", "validation.required"));
        } else {
            Long school = directory.institutionOfPerson(reviewerId).orElse(null);
            if (school == null || !reviewerSchools(p).contains(school)) {
                problems.add(new FieldProblem("reviewerId", "researchreview.assign.outside"));
            } else {
                FieldProblem conflict = conflict(p, reviewerId, school);
                if (conflict != null) {
                    problems.add(conflict);
                } else if (stage != null && jdbc.sql("""
                        select count(*) from research_review where project_id = ? and stage = ? and reviewer_id = ?""")
                        .params(projectId, stage.name(), reviewerId).query(Long.class).single() > 0) {
                    problems.add(new FieldProblem("reviewerId", "researchreview.assign.duplicate"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = Inserts.id(jdbc.sql("""
                insert into research_review (project_id, stage, form_id, reviewer_id, blind, created_by)
                values (?, ?, ?, ?, ?, ?)""").params(projectId, stage.name(), formId, reviewerId, blind, Access.actor()));
        audit.success("CREATE", "research_review", id, p.title() + " " + stage, null);
        return id;
    }

    /** Withdraws an assignment that has no scores yet. */
    public void remove(long reviewId) {
        Review r = findReview(reviewId);
        organised(r.projectId());
        if (r.submitted()) {
            throw new ValidationException(null, "researchreview.assign.submitted");
        }
        jdbc.sql("delete from research_review_score where review_id = ?").param(reviewId).update();
        jdbc.sql("delete from research_review where id = ?").param(reviewId).update();
        audit.success("DELETE", "research_review", reviewId, "review " + reviewId, null);
    }

    /**
     * The results of an organiser's reviews of a stage (optionally of one round): every project with each reviewer's
     * total, the average of the submitted totals and the recommendations, best average first.
     */
    @Transactional(readOnly = true)
    public List<ResultRow> results(long organizerId, ProjectStage stage, @Nullable Long roundId) {
        if (!projects.runsOrganizer(organizerId)) {
            throw new ForbiddenException();
        }
        var spec = jdbc.sql(SELECT + " where p.organizer_id = :org and r.stage = :stage and p.deleted_at is null"
                + (roundId == null ? "" : " and p.round_id = :round") + " order by r.project_id, r.id")
                .param("org", organizerId).param("stage", stage.name());
        List<Review> all = (roundId == null ? spec : spec.param("round", roundId)).query(Reviews::row).list();
        Long me = Access.user().personId();
        List<Long> own = me == null ? List.of() : jdbc.sql("select project_id from research_member where person_id = ?")
                .param(me).query(Long.class).list();
        Map<Long, List<Review>> byProject = new LinkedHashMap<>();
        all.forEach(r -> byProject.computeIfAbsent(r.projectId(), k -> new ArrayList<>()).add(r));
        if (byProject.isEmpty()) {
            return List.of();
        }
        Map<Long, Project> ps = new LinkedHashMap<>();
        jdbc.sql(Projects.SELECT + " where p.id in (:ids)").param("ids", byProject.keySet()).query(Projects::row).list()
                .forEach(p -> ps.put(p.id(), p));
        Map<Long, Decision> decisions = new LinkedHashMap<>();
        jdbc.sql("select project_id, decision from research_stage where project_id in (:ids) and stage = :stage and decision is not null")
                .param("ids", byProject.keySet()).param("stage", stage.name())
                .query((rs, i) -> decisions.put(rs.getLong(1), Decision.valueOf(rs.getString(2)))).list();
        List<ResultRow> rows = new ArrayList<>();
        byProject.forEach((id, reviews) -> {
            Project p = ps.get(id);
            if (p == null || own.contains(id)) {
                return; // an organiser who is a member does not see the scores of their own project
            }
            List<BigDecimal> totals = reviews.stream().filter(Review::submitted).map(Review::total).toList();
            BigDecimal avg = totals.isEmpty() ? null : totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(totals.size()), 2, RoundingMode.HALF_UP);
            Map<Decision, Integer> recs = new EnumMap<>(Decision.class);
            reviews.stream().filter(r -> r.recommendation() != null).forEach(r -> recs.merge(r.recommendation(), 1, Integer::sum));
            rows.add(new ResultRow(p, code(id), reviews, avg, recs, decisions.get(id)));
        });
        rows.sort(Comparator.comparing(ResultRow::average, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(r -> r.project().id()));
        return rows;
    }

    /** Rounds the organiser runs, newest first (the results' filter). */
    @Transactional(readOnly = true)
    public List<Projects.Round> rounds(long organizerId) {
        return projects.rounds(organizerId).stream().filter(r -> r.organizerId() == organizerId).toList();
    }

    // ---------------------------------------------------------------- the reviewer

    /** The reviews assigned to the user, open ones first; blind ones without the project's names. */
    @Transactional(readOnly = true)
    public List<Review> mine() {
        Long me = Access.user().personId();
        if (me == null) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where r.reviewer_id = ? and p.deleted_at is null"
                + " order by case when r.submitted_at is null then 0 else 1 end, r.created_at desc, r.id desc")
                .param(me).query(Reviews::row).list().stream().map(r -> r.blind() ? r.hidingProject() : r).toList();
    }

    /** The scoring page of one of the user's reviews (404 for anybody else's). */
    @Transactional(readOnly = true)
    public Sheet sheet(long reviewId) {
        Review r = ownReview(reviewId);
        Project p = projects.find(r.projectId());
        ReviewForm form = forms.find(r.formId());
        Map<Long, BigDecimal> scores = new LinkedHashMap<>();
        jdbc.sql("select item_id, points from research_review_score where review_id = ?").param(reviewId)
                .query((rs, i) -> scores.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        List<Document> docs = new ArrayList<>();
        List<Attachment> files = stageDocuments(r);
        for (int i = 0; i < files.size(); i++) {
            docs.add(new Document(files.get(i).id(), displayName(r, files.get(i), i)));
        }
        List<String> members = r.blind() ? List.of()
                : projects.membersOf(p.id()).stream().map(ProjectMember::name).toList();
        Review shown = r.blind() ? r.hidingProject() : r;
        return new Sheet(shown, form, scores, docs, p.discipline(), p.summary(), members);
    }

    /** A stage document of one of the user's reviews; a blind review serves it as 材料1.pdf. */
    @Transactional(readOnly = true)
    public Attachment document(long reviewId, long attachmentId) {
        Review r = ownReview(reviewId);
        List<Attachment> files = stageDocuments(r);
        for (int i = 0; i < files.size(); i++) {
            Attachment a = files.get(i);
            if (a.id() == attachmentId) {
                return r.blind() ? new Attachment(a.id(), a.institutionId(), a.ownerType(), a.ownerId(), a.category(),
                        displayName(r, a, i), a.contentType(), a.sizeBytes(), a.storageKey(), a.createdAt(), a.createdBy()) : a;
            }
        }
        throw new NotFoundException();
    }

    /**
     * Submits the scores (every item 0..满分, one decimal), opinion and recommendation; saving again replaces them
     * while the stage is undecided. Refused when someone saved in between (version) and on a conflict of interest.
     */
    public void submit(long reviewId, int version, Map<Long, String> points, @Nullable String opinion,
                       @Nullable Decision recommendation) {
        Review r = ownReview(reviewId);
        Project p = projects.find(r.projectId());
        FieldProblem conflict = conflict(p, r.reviewerId(), directory.institutionOfPerson(r.reviewerId()).orElse(0L));
        if (conflict != null) {
            throw new ValidationException(List.of(new FieldProblem(null, conflict.messageKey(), conflict.args())));
        }
        if (r.version() != version) {
            throw new StaleEditException();
        }
        if (decided(r)) {
            throw new ValidationException(null, "researchreview.score.decided");
        }
        ReviewForm form = forms.find(r.formId());
        List<FieldProblem> problems = new ArrayList<>();
        Map<Long, BigDecimal> parsed = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Item it : form.items()) {
            BigDecimal v = ReviewForms.points(points.get(it.id()));
            if (v == null || v.signum() < 0 || v.compareTo(it.maxPoints()) > 0) {
                problems.add(new FieldProblem("points[" + it.id() + "]", "researchreview.score.range", it.name(), it.maxText()));
            } else {
                parsed.put(it.id(), v);
                total = total.add(v);
            }
        }
        String o = Text.clean(opinion);
        if (o == null) {
            problems.add(new FieldProblem("opinion", "validation.required"));
        } else if (o.length() > 2000) {
            problems.add(new FieldProblem("opinion", "researchreview.opinion.long"));
        }
        if (recommendation == null) {
            problems.add(new FieldProblem("recommendation", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        int n = jdbc.sql("""
                update research_review set total = ?, opinion = ?, recommendation = ?, submitted_at = ?, version = version + 1
                 where id = ? and version = ?""")
                .params(total, o, recommendation.name(), LocalDateTime.now(), reviewId, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        jdbc.sql("delete from research_review_score where review_id = ?").param(reviewId).update();
        parsed.forEach((item, v) -> jdbc.sql("insert into research_review_score (review_id, item_id, points) values (?, ?, ?)")
                .params(reviewId, item, v).update());
        audit.success("SUBMIT", "research_review", reviewId, code(p.id()) + " " + r.stage(), null);
    }

    // ---------------------------------------------------------------- helpers

    private Project organised(long projectId) {
        Project p = projects.get(projectId);
        if (!organises(p)) {
            throw new ForbiddenException();
        }
        return p;
    }

    private Review findReview(long reviewId) {
        return jdbc.sql(SELECT + " where r.id = ? and p.deleted_at is null").param(reviewId).query(Reviews::row)
                .optional().orElseThrow(NotFoundException::new);
    }

    private Review ownReview(long reviewId) {
        Review r = findReview(reviewId);
        CurrentUser u = Access.user();
        if (u.personId() == null || u.personId() != r.reviewerId()) {
            throw new NotFoundException();
        }
        return r;
    }

    private boolean decided(Review r) {
        return jdbc.sql("select count(*) from research_stage where project_id = ? and stage = ? and decision is not null")
                .params(r.projectId(), r.stage().name()).query(Long.class).single() > 0;
    }

    private List<Attachment> stageDocuments(Review r) {
        return attachments.of(ProjectStages.DOCUMENTS, r.projectId()).stream()
                .filter(a -> r.stage().name().equals(a.category())).toList();
    }

    private static String displayName(Review r, Attachment a, int index) {
        if (!r.blind()) {
            return a.fileName();
        }
        String ext = a.extension();
        return "材料" + (index + 1) + (ext.isEmpty() ? "" : "." + ext);
    }

    /** The schools whose people may review: the organiser's own, and for a county review every institution of its county. */
    private List<Long> reviewerSchools(Project p) {
        List<Long> out = new ArrayList<>(List.of(p.organizerId()));
        if (p.organizerId() != p.institutionId()) {
            Long region = directory.regionOfUnit(p.organizerId());
            if (region != null) {
                // the county's schools of the project's sector (not the county hospital)
                jdbc.sql("""
                        select id from org_unit where type = 'INSTITUTION' and region_id = ? and deleted_at is null
                           and sector = (select sector from org_unit where id = ?) order by id""")
                        .params(region, p.institutionId()).query(Long.class).list().stream()
                        .filter(id -> !out.contains(id)).forEach(out::add);
            }
        }
        return out;
    }

    private @Nullable FieldProblem conflict(Project p, long reviewerId, long reviewerSchool) {
        String name = directory.personName(reviewerId).orElse("");
        if (jdbc.sql("select count(*) from research_member where project_id = ? and person_id = ?")
                .params(p.id(), reviewerId).query(Long.class).single() > 0) {
            return new FieldProblem("reviewerId", "researchreview.conflict.member", name);
        }
        if (p.organizerId() != p.institutionId() && reviewerSchool == p.institutionId()) {
            return new FieldProblem("reviewerId", "researchreview.conflict.school", name);
        }
        return null;
    }

    static Review row(ResultSet rs, int i) throws SQLException {
        String rec = rs.getString("recommendation");
        java.sql.Timestamp at = rs.getTimestamp("submitted_at");
        long projectId = rs.getLong("project_id");
        return new Review(rs.getLong("id"), projectId, code(projectId), rs.getString("project_title"),
                ProjectLevel.valueOf(rs.getString("level")), rs.getString("lead_name"), rs.getString("school_name"),
                ProjectStage.valueOf(rs.getString("stage")), rs.getLong("form_id"), rs.getString("form_name"),
                rs.getLong("reviewer_id"), rs.getString("reviewer_name"), rs.getBoolean("blind"),
                rs.getBigDecimal("total"), rs.getString("opinion"), rec == null ? null : Decision.valueOf(rec),
                at == null ? null : at.toLocalDateTime(), rs.getInt("version"));
    }
}
