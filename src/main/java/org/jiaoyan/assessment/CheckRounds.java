package org.jiaoyan.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.metrics.SubjectKind;
import org.jiaoyan.org.GroupKind;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.org.SubjectDirectory;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.rules.Compliance;
import org.jiaoyan.rules.ComplianceMatrix;
import org.jiaoyan.rules.ComplianceState;
import org.jiaoyan.rules.Rule;
import org.jiaoyan.rules.Rules;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.Role;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NaturalOrder;
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
 * 月查: check rounds of a school. Scope: the school's 教科室 (a department head managing the school) runs the GROUPS
 * rounds; a 教研组长 runs the TEACHERS rounds of the groups they lead; the school's leaders read every round, a group
 * leader also the rounds of their groups, every staff member of the school the published ones. Other schools: 404.
 * <p>
 * A rule criterion scores a subject {@code max × met periods ÷ judged periods} over the periods of the month (exempt
 * periods are not judged; a subject with no judged period gets the full score).
 */
@Service
@Transactional
public class CheckRounds {

    private static final String SELECT = """
            select r.*, coalesce(g.short_name, g.name) as group_name
              from check_round r left join org_unit g on g.id = r.group_id""";

    private final JdbcClient jdbc;
    private final Compliance compliance;
    private final Rules rules;
    private final SubjectDirectory subjects;
    private final OrgDirectory directory;
    private final AuditLog audit;

    CheckRounds(JdbcClient jdbc, Compliance compliance, Rules rules, SubjectDirectory subjects, OrgDirectory directory,
                AuditLog audit) {
        this.jdbc = jdbc;
        this.compliance = compliance;
        this.rules = rules;
        this.subjects = subjects;
        this.directory = directory;
        this.audit = audit;
    }

    // --- reading ---------------------------------------------------------------------------------------------

    /** Rounds the user may read, newest month first; filters are optional. */
    @Transactional(readOnly = true)
    public PageResult<CheckRound> list(@Nullable YearMonth month, @Nullable CheckLevel level, @Nullable CheckStatus status,
                                       PageQuery requested) {
        CurrentUser u = Access.user();
        SqlFilter w = new SqlFilter();
        if (!u.scope().all()) {
            Long me = u.personId();
            List<Long> led = me == null ? List.of() : directory.groupsLedBy(me);
            Long school = u.institutionId();
            w.where("""
                    (r.institution_id in (:readable)
                     or r.group_id in (:led)
                     or (r.institution_id = :school and r.status = 'PUBLISHED'))""",
                    "readable", u.scope().institutionIds(), "led", led.isEmpty() ? List.of(-1L) : led,
                    "school", school == null ? -1L : school);
        }
        w.whenSet(month == null ? null : month.atDay(1), "r.month_start = :month", "month");
        w.whenSet(level == null ? null : level.name(), "r.level = :level", "level");
        w.whenSet(status == null ? null : status.name(), "r.status = :status", "status");
        long total = w.bind(jdbc.sql("select count(*) from check_round r" + w.sql())).query(Long.class).single();
        PageQuery q = requested.within(total);
        List<CheckRound> rows = w.bind(jdbc.sql(SELECT + w.sql() + " order by r.month_start desc, r.id desc limit :limit offset :offset"))
                .param("limit", q.size()).param("offset", q.offset()).query(CheckRounds::row).list();
        return new PageResult<>(rows, total, q.page(), q.size());
    }

    @Transactional(readOnly = true)
    public CheckRound get(long id) {
        CheckRound r = find(id);
        if (!canRead(r)) {
            throw new NotFoundException();
        }
        return r;
    }

    /**
     * The round with criteria, lines in ranking order and revisions. In a teachers' round a reader who neither runs it
     * nor leads the school gets their own line only (the 通报 tells them their rank among how many).
     */
    @Transactional(readOnly = true)
    public CheckSheet sheet(long id) {
        CheckSheet all = fullSheet(id);
        CheckRound r = all.round();
        if (r.level() == CheckLevel.GROUPS || all.canManage() || Access.user().scope().canReadInstitution(r.institutionId())) {
            return all;
        }
        Long me = Access.user().personId();
        return new CheckSheet(r, all.criteria(), all.lines().stream().filter(l -> Long.valueOf(l.subjectId()).equals(me)).toList(),
                all.revisions(), false);
    }

    /** The whole sheet for whoever may read the round (the 通报 counts the ranked lines; it shows what the reader may see). */
    @Transactional(readOnly = true)
    CheckSheet fullSheet(long id) {
        CheckRound r = get(id);
        List<CheckCriterion> criteria = criteria(id);
        Map<Long, Map<Long, CheckSheet.Score>> scores = new HashMap<>();
        jdbc.sql("""
                select s.subject_id, s.criterion_id, s.score, s.comment from check_score s
                  join check_criterion c on c.id = s.criterion_id where c.round_id = ?""").param(id)
                .query(rs -> {
                    java.math.BigDecimal v = rs.getBigDecimal(3);
                    scores.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(rs.getLong(2), new CheckSheet.Score(v == null ? null : v.doubleValue(), rs.getString(4)));
                });
        List<long[]> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        jdbc.sql("select subject_id, name from check_subject where round_id = ? order by sort_order, subject_id").param(id)
                .query(rs -> {
                    ids.add(new long[] {rs.getLong(1)});
                    names.add(rs.getString(2));
                });
        List<CheckSheet.Line> lines = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            long subject = ids.get(i)[0];
            Map<Long, CheckSheet.Score> mine = scores.getOrDefault(subject, Map.of());
            lines.add(new CheckSheet.Line(subject, names.get(i), mine, total(criteria, mine), 0));
        }
        return new CheckSheet(r, criteria, ranked(lines), revisions(id), canManage(r));
    }

    /** Orders lines by total, highest first; equal totals share a rank (1, 1, 3) and keep the names' order. */
    static List<CheckSheet.Line> ranked(List<CheckSheet.Line> lines) {
        List<CheckSheet.Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingDouble(CheckSheet.Line::total).reversed()
                .thenComparing(CheckSheet.Line::name, NaturalOrder.INSTANCE));
        List<CheckSheet.Line> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            CheckSheet.Line l = sorted.get(i);
            int rank = i > 0 && out.get(i - 1).total() == l.total() ? out.get(i - 1).rank() : i + 1;
            out.add(new CheckSheet.Line(l.subjectId(), l.name(), l.scores(), l.total(), rank));
        }
        return out;
    }

    private static double total(List<CheckCriterion> criteria, Map<Long, CheckSheet.Score> scores) {
        double sum = 0;
        for (CheckCriterion c : criteria) {
            CheckSheet.Score s = scores.get(c.id());
            if (s != null && s.score() != null) {
                sum += s.score();
            }
        }
        return Math.round(sum * 10) / 10.0;
    }

    /** The school's enabled rules about the round's kind of subject (groups or teachers), for a rule criterion. */
    @Transactional(readOnly = true)
    public List<Rule> rulesFor(long roundId) {
        CheckRound r = get(roundId);
        SubjectKind kind = r.level() == CheckLevel.GROUPS ? SubjectKind.GROUP : SubjectKind.TEACHER;
        return Access.asSystem(() -> rules.ofInstitution(r.institutionId())).stream()
                .filter(Rule::enabled).filter(x -> x.spec().filter().kind() == kind).toList();
    }

    /** Groups the user may check their teachers in (groups they lead). */
    @Transactional(readOnly = true)
    public Map<Long, String> myGroups() {
        Long me = Access.user().personId();
        List<Long> led = me == null ? List.of() : directory.groupsLedBy(me);
        return new LinkedHashMap<>(subjects.names(led));
    }

    /** True when the user may start a GROUPS round (the 教科室 of a school). */
    @Transactional(readOnly = true)
    public boolean canRunGroupRounds() {
        CurrentUser u = Access.user();
        return u.scope().all() || (u.has(Role.DEPT_HEAD) && u.institutionId() != null
                && u.scope().canManageInstitution(u.institutionId()));
    }

    // --- changing --------------------------------------------------------------------------------------------

    /** A round of the user's own school (GROUPS) or of a group they lead (TEACHERS). */
    public long create(CheckRoundData d) {
        return create(Access.user().institutionId(), d);
    }

    /** As above; a GROUPS round is of the given school, which the user must run the checks of (the demo's seeding). */
    public long create(@Nullable Long institutionId, CheckRoundData d) {
        CurrentUser u = Access.user();
        List<FieldProblem> problems = new ArrayList<>();
        if (d.month() == null) {
            problems.add(new FieldProblem("month", "validation.required"));
        } else if (d.month().isAfter(YearMonth.now())) {
            problems.add(new FieldProblem("month", "assessment.round.futureMonth"));
        }
        if (d.level() == null) {
            problems.add(new FieldProblem("level", "validation.required"));
        }
        String title = Text.clean(d.title());
        if (title == null) {
            problems.add(new FieldProblem("title", "validation.required"));
        } else if (title.length() > 200) {
            problems.add(new FieldProblem("title", "validation.tooLong", 200));
        }
        String doc = Text.clean(d.docNumber());
        if (doc != null && doc.length() > 100) {
            problems.add(new FieldProblem("docNumber", "validation.tooLong", 100));
        }
        if (d.level() == CheckLevel.TEACHERS && d.groupId() == null) {
            problems.add(new FieldProblem("groupId", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long school;
        Long group = null;
        if (d.level() == CheckLevel.GROUPS) {
            if (institutionId == null || !(u.scope().all() || (canRunGroupRounds() && institutionId.equals(u.institutionId())))) {
                throw new ForbiddenException();
            }
            school = institutionId;
        } else {
            group = d.groupId();
            if (!myGroups().containsKey(group) && !u.scope().all()) {
                throw new ValidationException("groupId", "assessment.round.notYourGroup");
            }
            school = directory.institutionOfUnit(group).orElseThrow(NotFoundException::new);
        }
        boolean taken = jdbc.sql("""
                select count(*) from check_round where institution_id = ? and month_start = ? and level = ?
                   and coalesce(group_id, 0) = ?""")
                .params(school, d.month().atDay(1), d.level().name(), group == null ? 0L : group).query(Long.class).single() > 0;
        if (taken) {
            throw new ValidationException("month", "assessment.round.duplicate");
        }
        String actor = Access.actor();
        long id = Inserts.id(jdbc.sql("""
                insert into check_round (institution_id, month_start, level, group_id, title, doc_number, created_by, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(school, d.month().atDay(1), d.level().name(), group, title, doc, actor, actor));
        int order = 0;
        for (Map.Entry<Long, String> s : subjectsOf(school, d.level(), group).entrySet()) {
            jdbc.sql("insert into check_subject (round_id, subject_id, name, sort_order) values (?, ?, ?, ?)")
                    .params(id, s.getKey(), s.getValue(), order++).update();
        }
        audit.success("CREATE", "check_round", id, title, null);
        return id;
    }

    /** Subject id → name: the school's 教研组, or the members of the group except its leader, in name order. */
    private Map<Long, String> subjectsOf(long school, CheckLevel level, @Nullable Long group) {
        Map<Long, String> out = new LinkedHashMap<>();
        if (level == CheckLevel.GROUPS) {
            subjects.units(List.of(school), UnitType.GROUP, GroupKind.TEACHING_RESEARCH).forEach(g -> out.put(g.id(), g.name()));
            return out;
        }
        Set<Long> members = Set.copyOf(subjects.members(List.of(group)).getOrDefault(group, List.of()));
        Long leader = subjects.units(List.of(school), UnitType.GROUP, null).stream().filter(g -> g.id() == group)
                .map(SubjectDirectory.Unit::leaderId).findFirst().orElse(null);
        subjects.staff(List.of(school)).stream().filter(s -> members.contains(s.id()) && !Long.valueOf(s.id()).equals(leader))
                .sorted(Comparator.comparing(SubjectDirectory.Staff::name, NaturalOrder.INSTANCE))
                .forEach(s -> out.put(s.id(), s.name()));
        return out;
    }

    /** Adds a criterion from a school rule and scores it from the month's compliance. */
    public long addRuleCriterion(long roundId, int version, @Nullable Long ruleId, @Nullable Double maxScore) {
        CheckRound r = editable(roundId);
        List<FieldProblem> problems = new ArrayList<>();
        Rule rule = ruleId == null ? null : rulesFor(roundId).stream().filter(x -> x.id() == ruleId).findFirst().orElse(null);
        if (rule == null) {
            problems.add(new FieldProblem("ruleId", ruleId == null ? "validation.required" : "assessment.criterion.ruleNotFitting"));
        }
        max(problems, maxScore);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        touch(r, version);
        long id = insertCriterion(roundId, CheckCriterion.Kind.RULE, rule.id(), rule.name(), maxScore);
        fillRules(r);
        return id;
    }

    public long addManualCriterion(long roundId, int version, @Nullable String name, @Nullable Double maxScore) {
        CheckRound r = editable(roundId);
        List<FieldProblem> problems = new ArrayList<>();
        String n = Text.clean(name);
        if (n == null) {
            problems.add(new FieldProblem("name", "validation.required"));
        } else if (n.length() > 100) {
            problems.add(new FieldProblem("name", "validation.tooLong", 100));
        }
        max(problems, maxScore);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        touch(r, version);
        return insertCriterion(roundId, CheckCriterion.Kind.MANUAL, null, n, maxScore);
    }

    public void removeCriterion(long roundId, int version, long criterionId) {
        CheckRound r = editable(roundId);
        touch(r, version);
        jdbc.sql("delete from check_score where criterion_id = ? and criterion_id in (select id from check_criterion where round_id = ?)")
                .params(criterionId, roundId).update();
        jdbc.sql("delete from check_criterion where id = ? and round_id = ?").params(criterionId, roundId).update();
    }

    /** Saves the checker's manual scores; a score outside 0 … max is refused at its cell, nothing is saved then. */
    public void score(long roundId, int version, List<ScoreInput> inputs) {
        CheckRound r = editable(roundId);
        Map<Long, CheckCriterion> manual = new HashMap<>();
        criteria(roundId).stream().filter(c -> !c.fromRule()).forEach(c -> manual.put(c.id(), c));
        Set<Long> subjectIds = Set.copyOf(jdbc.sql("select subject_id from check_subject where round_id = ?").param(roundId)
                .query(Long.class).list());
        List<FieldProblem> problems = new ArrayList<>();
        for (ScoreInput in : inputs) {
            CheckCriterion c = manual.get(in.criterionId());
            if (c == null || !subjectIds.contains(in.subjectId())) {
                throw new NotFoundException();
            }
            String field = ScoreInput.field(in.criterionId(), in.subjectId());
            if (in.score() != null && (in.score() < 0 || in.score() > c.maxScore() || Double.isNaN(in.score()))) {
                problems.add(new FieldProblem(field, "assessment.score.range", fmt(c.maxScore())));
            }
            String comment = Text.clean(in.comment());
            if (comment != null && comment.length() > 500) {
                problems.add(new FieldProblem("c" + field.substring(1), "validation.tooLong", 500));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        touch(r, version);
        for (ScoreInput in : inputs) {
            put(in.criterionId(), in.subjectId(), in.score() == null ? null : Math.round(in.score() * 10) / 10.0, Text.clean(in.comment()));
        }
        audit.success("UPDATE", "check_round", roundId, r.title(), AuditLog.fact("scores", String.valueOf(inputs.size())));
    }

    /** The 通报: title, 文号 and body, edited before publishing. */
    public void updateNotice(long roundId, int version, @Nullable String title, @Nullable String docNumber, @Nullable String text) {
        CheckRound r = editable(roundId);
        List<FieldProblem> problems = new ArrayList<>();
        String t = Text.clean(title);
        if (t == null) {
            problems.add(new FieldProblem("title", "validation.required"));
        } else if (t.length() > 200) {
            problems.add(new FieldProblem("title", "validation.tooLong", 200));
        }
        String doc = Text.clean(docNumber);
        if (doc != null && doc.length() > 100) {
            problems.add(new FieldProblem("docNumber", "validation.tooLong", 100));
        }
        String body = Text.clean(text);
        if (body != null && body.length() > 8000) {
            problems.add(new FieldProblem("noticeText", "validation.tooLong", 8000));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        touch(r, version);
        jdbc.sql("update check_round set title = ?, doc_number = ?, notice_text = ? where id = ?").params(t, doc, body, roundId).update();
    }

    /** Takes the rule criteria's scores again from the month's compliance (a draft whose month had late records). */
    public void refreshRules(long roundId, int version) {
        CheckRound r = editable(roundId);
        touch(r, version);
        fillRules(r);
    }

    /** DRAFT → REVIEW: the rule scores are taken once more so the reviewer sees what will be published. */
    public void submit(long roundId, int version) {
        CheckRound r = editable(roundId);
        fillRules(r);
        status(r, version, CheckStatus.DRAFT, CheckStatus.REVIEW);
    }

    /** REVIEW → DRAFT. */
    public void returnToDraft(long roundId, int version) {
        status(editable(roundId), version, CheckStatus.REVIEW, CheckStatus.DRAFT);
    }

    /** REVIEW → PUBLISHED: staff of the school read it; the round is locked. */
    public void publish(long roundId, int version) {
        CheckRound r = editable(roundId);
        status(r, version, CheckStatus.REVIEW, CheckStatus.PUBLISHED);
        jdbc.sql("update check_round set published_at = ? where id = ?").params(LocalDateTime.now(), roundId).update();
    }

    /** A correction of a published round: the round is reopened as the next revision; the replaced ranking is kept. */
    public void correct(long roundId, int version, @Nullable String reason) {
        CheckRound r = get(roundId);
        requireManage(r);
        String why = Text.clean(reason);
        if (why == null) {
            throw new ValidationException("reason", "assessment.revision.reasonRequired");
        }
        if (why.length() > 500) {
            throw new ValidationException("reason", "validation.tooLong", 500);
        }
        if (!r.published()) {
            throw new ValidationException("reason", "assessment.revision.notPublished");
        }
        StringBuilder ranking = new StringBuilder();
        for (CheckSheet.Line l : sheet(roundId).lines()) {
            ranking.append(l.rank()).append(". ").append(l.name()).append(' ').append(fmt(l.total())).append('\n');
        }
        int n = jdbc.sql("""
                update check_round set status = 'DRAFT', revision = revision + 1, published_at = null, version = version + 1,
                       updated_at = ?, updated_by = ? where id = ? and version = ?""")
                .params(LocalDateTime.now(), Access.actor(), roundId, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        jdbc.sql("insert into check_revision (round_id, revision, reason, ranking, created_by) values (?, ?, ?, ?, ?)")
                .params(roundId, r.revision(), why, ranking.toString().strip(), Access.actor()).update();
        audit.success("REVISE", "check_round", roundId, r.title(), AuditLog.fact("reason", why));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** Scores every rule criterion of the round from the month's compliance (max × met ÷ judged periods). */
    private void fillRules(CheckRound r) {
        for (CheckCriterion c : criteria(r.id())) {
            if (!c.fromRule() || c.ruleId() == null) {
                continue;
            }
            ComplianceMatrix m = compliance.matrix(c.ruleId(), r.from(), r.to(), r.institutionId());
            Map<Long, ComplianceMatrix.Row> rows = new HashMap<>();
            m.rows().forEach(row -> rows.put(row.subject().id(), row));
            for (long subject : jdbc.sql("select subject_id from check_subject where round_id = ?").param(r.id()).query(Long.class).list()) {
                ComplianceMatrix.Row row = rows.get(subject);
                if (row == null) {
                    put(c.id(), subject, null, null);
                    continue;
                }
                long met = row.count(ComplianceState.MET);
                long judged = met + row.count(ComplianceState.NOT_MET);
                double score = judged == 0 ? c.maxScore() : Math.round(c.maxScore() * met / judged * 10) / 10.0;
                put(c.id(), subject, score, met + "/" + judged);
            }
        }
    }

    private void put(long criterionId, long subjectId, @Nullable Double score, @Nullable String comment) {
        jdbc.sql("delete from check_score where criterion_id = ? and subject_id = ?").params(criterionId, subjectId).update();
        if (score != null || comment != null) {
            jdbc.sql("insert into check_score (criterion_id, subject_id, score, comment) values (?, ?, ?, ?)")
                    .params(criterionId, subjectId, score == null ? null : java.math.BigDecimal.valueOf(score), comment).update();
        }
    }

    private long insertCriterion(long roundId, CheckCriterion.Kind kind, @Nullable Long ruleId, String name, Double max) {
        int order = jdbc.sql("select coalesce(max(sort_order), 0) + 1 from check_criterion where round_id = ?").param(roundId)
                .query(Integer.class).single();
        return Inserts.id(jdbc.sql("""
                insert into check_criterion (round_id, kind, rule_id, name, max_score, sort_order) values (?, ?, ?, ?, ?, ?)""")
                .params(roundId, kind.name(), ruleId, name, java.math.BigDecimal.valueOf(max), order));
    }

    private static void max(List<FieldProblem> problems, @Nullable Double maxScore) {
        if (maxScore == null) {
            problems.add(new FieldProblem("maxScore", "validation.required"));
        } else if (maxScore.isNaN() || maxScore <= 0 || maxScore > 1000) {
            problems.add(new FieldProblem("maxScore", "assessment.criterion.maxRange"));
        }
    }

    /** Bumps the round's version (optimistic lock); a stale version is refused. */
    private void touch(CheckRound r, int version) {
        int n = jdbc.sql("update check_round set version = version + 1, updated_at = ?, updated_by = ? where id = ? and version = ?")
                .params(LocalDateTime.now(), Access.actor(), r.id(), version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
    }

    private void status(CheckRound r, int version, CheckStatus from, CheckStatus to) {
        if (r.status() != from) {
            throw new ValidationException(List.of(new FieldProblem(null, "assessment.status.wrong")));
        }
        int n = jdbc.sql("""
                update check_round set status = ?, version = version + 1, updated_at = ?, updated_by = ?
                 where id = ? and version = ? and status = ?""")
                .params(to.name(), LocalDateTime.now(), Access.actor(), r.id(), version, from.name()).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success(to.name(), "check_round", r.id(), r.title(), null);
    }

    private CheckRound editable(long id) {
        CheckRound r = get(id);
        requireManage(r);
        if (r.published()) {
            throw new RoundLockedException();
        }
        return r;
    }

    private void requireManage(CheckRound r) {
        if (!canManage(r)) {
            throw new ForbiddenException();
        }
    }

    private boolean canManage(CheckRound r) {
        CurrentUser u = Access.user();
        if (u.scope().all()) {
            return true;
        }
        if (r.level() == CheckLevel.GROUPS) {
            return u.has(Role.DEPT_HEAD) && u.scope().canManageInstitution(r.institutionId());
        }
        return u.personId() != null && r.groupId() != null && directory.groupsLedBy(u.personId()).contains(r.groupId());
    }

    private boolean canRead(CheckRound r) {
        CurrentUser u = Access.user();
        if (u.scope().canReadInstitution(r.institutionId()) || canManage(r)) {
            return true;
        }
        return r.published() && u.institutionId() != null && u.institutionId() == r.institutionId();
    }

    private CheckRound find(long id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(CheckRounds::row).optional().orElseThrow(NotFoundException::new);
    }

    private List<CheckCriterion> criteria(long roundId) {
        return jdbc.sql("select id, kind, rule_id, name, max_score from check_criterion where round_id = ? order by sort_order, id")
                .param(roundId).query((rs, i) -> new CheckCriterion(rs.getLong(1), CheckCriterion.Kind.valueOf(rs.getString(2)),
                        rs.getObject(3, Long.class), rs.getString(4), rs.getBigDecimal(5).doubleValue())).list();
    }

    private List<CheckSheet.Revision> revisions(long roundId) {
        return jdbc.sql("select revision, reason, ranking, created_at, created_by from check_revision where round_id = ? order by revision desc, id desc")
                .param(roundId).query((rs, i) -> new CheckSheet.Revision(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDateTime.class), rs.getString(5))).list();
    }

    /** 8.0 → "8", 7.5 → "7.5". */
    public static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }


    static CheckRound row(ResultSet rs, int i) throws SQLException {
        LocalDate month = rs.getObject("month_start", LocalDate.class);
        return new CheckRound(rs.getLong("id"), rs.getLong("institution_id"), YearMonth.from(month),
                CheckLevel.valueOf(rs.getString("level")), rs.getObject("group_id", Long.class), rs.getString("group_name"),
                rs.getString("title"), rs.getString("doc_number"), rs.getString("notice_text"),
                CheckStatus.valueOf(rs.getString("status")), rs.getInt("revision"), rs.getInt("version"));
    }
}
