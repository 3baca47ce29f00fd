package org.jiaoyan.mentoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jiaoyan.activity.Activities;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.dictionary.DictKind;
import org.jiaoyan.dictionary.Dictionaries;
import org.jiaoyan.observation.ObservationFacts;
import org.jiaoyan.observation.ObservedLesson;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.DataScope;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.SqlFilter;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mentor pairs: department heads make them for their school (eligibility checked, exceptions with a reason); mentor
 * and apprentice see their pair, group leaders their members', principals, heads and county researchers their
 * institutions'. The weekly view and the year-end summary come from observations.
 */
@Service
@Transactional
public class MentorPairs {

    static final String SELECT = """
            select p.*, i.name as institution_name, m.name as mentor_name, m.title_code as mentor_title,
                   a.name as apprentice_name, a.work_start_date as apprentice_work_start
              from mentor_pair p join org_unit i on i.id = p.institution_id
              join person m on m.id = p.mentor_id join person a on a.id = p.apprentice_id""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Dictionaries dictionaries;
    private final ObservationFacts observations;
    private final Terms terms;
    private final Activities activities;

    MentorPairs(JdbcClient jdbc, AuditLog audit, Dictionaries dictionaries, ObservationFacts observations, Terms terms,
                Activities activities) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.audit = audit;
        this.dictionaries = dictionaries;
        this.observations = observations;
        this.terms = terms;
    }

    // ---------------------------------------------------------------- reading

    /** Pairs of a school year the user may see, optionally of one institution, by mentor name. */
    @Transactional(readOnly = true)
    public List<MentorPair> list(int schoolYear, @Nullable Long institutionId) {
        CurrentUser u = Access.user();
        DataScope s = u.scope();
        SqlFilter w = new SqlFilter().where("p.deleted_at is null").where("p.school_year = :year", "year", schoolYear);
        if (!s.all()) {
            long me = u.personId() == null ? DataScope.NONE : u.personId();
            w.where("(p.institution_id in (:insts) or p.mentor_id = :me or p.apprentice_id = :me"
                            + " or p.mentor_id in (:persons) or p.apprentice_id in (:persons))",
                    "insts", s.institutionIds(), "me", me, "persons", s.personIds());
        }
        w.whenSet(institutionId, "p.institution_id = :inst", "inst");
        return w.bind(jdbc.sql(SELECT + w.sql() + " order by i.sort_order, i.id, m.name, p.id limit 2000"))
                .query(MentorPairs::row).list();
    }

    /**
     * Per school the user reads: [pairs on track, all pairs] of the school year. A pair is on track when the mentor
     * observed the apprentice and the apprentice observed the mentor between from and to (this week and last). One
     * query for the pairs, one for the lessons.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, long[]> onTrackBySchool(int schoolYear, java.util.Collection<Long> institutionIds,
                                                       LocalDate from, LocalDate to) {
        DataScope scope = Access.scope();
        List<Long> readable = institutionIds.stream().filter(scope::canReadInstitution).toList();
        java.util.Map<Long, long[]> out = new java.util.HashMap<>();
        if (readable.isEmpty()) {
            return out;
        }
        List<long[]> pairs = jdbc.sql("""
                select institution_id, mentor_id, apprentice_id from mentor_pair
                 where deleted_at is null and school_year = :year and institution_id in (:ids)""")
                .param("year", schoolYear).param("ids", readable)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
        Set<Long> people = new HashSet<>();
        pairs.forEach(p -> {
            people.add(p[1]);
            people.add(p[2]);
        });
        Set<String> observed = new HashSet<>(); // "observer:teacher"
        if (!people.isEmpty()) {
            for (ObservedLesson l : observations.among(people, from, to)) {
                observed.add(l.observerId() + ":" + l.teacherId());
            }
        }
        for (long[] p : pairs) {
            long[] counts = out.computeIfAbsent(p[0], k -> new long[2]);
            counts[1]++;
            if (observed.contains(p[1] + ":" + p[2]) && observed.contains(p[2] + ":" + p[1])) {
                counts[0]++;
            }
        }
        return out;
    }

    @Transactional(readOnly = true)
    public MentorPair get(long id) {
        MentorPair p = jdbc.sql(SELECT + " where p.id = ? and p.deleted_at is null").param(id).query(MentorPairs::row)
                .optional().orElseThrow(NotFoundException::new);
        if (!canRead(p)) {
            throw new NotFoundException();
        }
        return p;
    }

    /** Whether the user makes pairs for the institution (department heads, admins). */
    public boolean canManage(long institutionId) {
        return Access.scope().canManageInstitution(institutionId);
    }

    /** The terms of a school year (第一学期, 第二学期) that exist. */
    @Transactional(readOnly = true)
    public List<SchoolTerm> termsOf(int schoolYear) {
        return terms.all().stream().filter(t -> t.schoolYear() == schoolYear)
                .sorted(Comparator.comparingInt(SchoolTerm::semester)).toList();
    }

    /** The school year of today (from September; before that the previous one). */
    public static int currentSchoolYear(LocalDate today) {
        return today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1;
    }

    /** The weekly mutual-observation matrix of the given pairs (already read with scope) in a term: one query. */
    @Transactional(readOnly = true)
    public WeekMatrix weeks(List<MentorPair> pairs, SchoolTerm term, LocalDate today) {
        Set<Long> people = new HashSet<>();
        pairs.forEach(p -> {
            people.add(p.mentorId());
            people.add(p.apprenticeId());
        });
        List<ObservedLesson> lessons = observations.among(people, term.startDate(), term.endDate());
        return WeekMatrix.of(term, pairs, lessons, today);
    }

    /** The year-end summary of a pair (评选优秀师徒): observations both ways, mutual weeks, the apprentice's lessons. */
    @Transactional(readOnly = true)
    public PairSummary summary(long id, LocalDate today) {
        MentorPair p = get(id);
        List<SchoolTerm> yearTerms = termsOf(p.schoolYear());
        LocalDate from = MentorEligibility.yearStart(p.schoolYear());
        LocalDate to = from.plusYears(1).minusDays(1);
        List<ObservedLesson> lessons = observations.among(List.of(p.mentorId(), p.apprenticeId()), from, to);
        long mentorObserved = lessons.stream().filter(l -> l.observerId() == p.mentorId() && l.teacherId() == p.apprenticeId()).count();
        long apprenticeObserved = lessons.stream().filter(l -> l.observerId() == p.apprenticeId() && l.teacherId() == p.mentorId()).count();
        List<WeekMatrix> matrices = new ArrayList<>();
        long mutual = 0;
        long weeksPast = 0;
        for (SchoolTerm t : yearTerms) {
            WeekMatrix m = WeekMatrix.of(t, List.of(p), lessons, today);
            matrices.add(m);
            mutual += m.rows().get(0).mutualWeeks();
            weeksPast += m.rows().get(0).cells().stream().filter(c -> c.state() != WeekMatrix.State.UPCOMING).count();
        }
        long[] ofApprentice = observations.observedAndOpen(List.of(p.apprenticeId()), from, to)
                .getOrDefault(p.apprenticeId(), new long[2]);
        long together = activities.attendedTogether(p.mentorId(), p.apprenticeId(), from, to);
        return new PairSummary(p, mentorObserved, apprenticeObserved, mutual, weeksPast, ofApprentice[0], ofApprentice[1],
                together, matrices);
    }

    /** A pair of one person's record, with the observations each way during the pair's school year. */
    public record PersonPair(MentorPair pair, long mentorObserved, long apprenticeObserved) {
    }

    /**
     * The pairs the person is mentor or apprentice of, school years from..to, newest first: their 成长档案. One query for
     * the pairs, one for the lessons among the people of all pairs. A person outside the scope is a 404.
     */
    @Transactional(readOnly = true)
    public List<PersonPair> ofPerson(long personId, int fromYear, int toYear) {
        candidate(personId);
        List<MentorPair> pairs = jdbc.sql(SELECT + " where p.deleted_at is null and (p.mentor_id = :p or p.apprentice_id = :p)"
                        + " and p.school_year between :from and :to order by p.school_year desc, p.id limit 200")
                .param("p", personId).param("from", fromYear).param("to", toYear).query(MentorPairs::row).list();
        if (pairs.isEmpty()) {
            return List.of();
        }
        Set<Long> people = new HashSet<>();
        pairs.forEach(p -> {
            people.add(p.mentorId());
            people.add(p.apprenticeId());
        });
        int first = pairs.stream().mapToInt(MentorPair::schoolYear).min().orElse(fromYear);
        int last = pairs.stream().mapToInt(MentorPair::schoolYear).max().orElse(toYear);
        List<ObservedLesson> lessons = observations.among(people, MentorEligibility.yearStart(first),
                MentorEligibility.yearStart(last + 1).minusDays(1));
        List<PersonPair> out = new ArrayList<>();
        for (MentorPair p : pairs) {
            LocalDate from = MentorEligibility.yearStart(p.schoolYear());
            LocalDate to = from.plusYears(1).minusDays(1);
            long mentorObserved = lessons.stream().filter(l -> inside(l.observedOn(), from, to)
                    && l.observerId() == p.mentorId() && l.teacherId() == p.apprenticeId()).count();
            long apprenticeObserved = lessons.stream().filter(l -> inside(l.observedOn(), from, to)
                    && l.observerId() == p.apprenticeId() && l.teacherId() == p.mentorId()).count();
            out.add(new PersonPair(p, mentorObserved, apprenticeObserved));
        }
        return out;
    }

    private static boolean inside(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** Eligibility of a would-be pair (for the form's hints and the API). */
    @Transactional(readOnly = true)
    public MentorEligibility.Result eligibility(long mentorId, long apprenticeId, int schoolYear, @Nullable String reason) {
        Candidate mentor = candidate(mentorId);
        Candidate apprentice = candidate(apprenticeId);
        return MentorEligibility.check(MentorEligibility.rank(mentor.titleCode(), dictionaries.allItems(DictKind.TITLE)),
                apprentice.workStart(), schoolYear, reason);
    }

    /** People of an institution a department head can pair, with what the rule looks at. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(long institutionId) {
        if (!canManage(institutionId)) {
            throw new ForbiddenException();
        }
        return jdbc.sql("""
                select id, institution_id, name, title_code, work_start_date from person
                 where institution_id = ? and deleted_at is null and status = 'ACTIVE' order by name, id""")
                .param(institutionId).query(MentorPairs::candidate).list();
    }

    /** A person as pairing sees them. */
    public record Candidate(long id, long institutionId, String name, @Nullable String titleCode, @Nullable LocalDate workStart) {
    }

    // ---------------------------------------------------------------- changing

    public long create(long institutionId, int schoolYear, @Nullable Long mentorId, @Nullable Long apprenticeId,
                       @Nullable String overrideReason, @Nullable String note) {
        if (!Access.scope().canReadInstitution(institutionId) && !Objects.equals(Access.user().institutionId(), institutionId)) {
            throw new NotFoundException();
        }
        if (!canManage(institutionId)) {
            throw new ForbiddenException();
        }
        List<FieldProblem> problems = new ArrayList<>();
        Candidate mentor = mentorId == null ? null : candidateOrNull(mentorId);
        Candidate apprentice = apprenticeId == null ? null : candidateOrNull(apprenticeId);
        if (mentor == null || mentor.institutionId() != institutionId) {
            problems.add(new FieldProblem("mentorId", mentorId == null ? "validation.required" : "mentoring.person.notOfSchool"));
        }
        if (apprentice == null || apprentice.institutionId() != institutionId) {
            problems.add(new FieldProblem("apprenticeId", apprenticeId == null ? "validation.required" : "mentoring.person.notOfSchool"));
        }
        if (schoolYear < 2000 || schoolYear > 2100) {
            problems.add(new FieldProblem("schoolYear", "validation.required"));
        }
        if (overrideReason != null && overrideReason.strip().length() > 500) {
            problems.add(new FieldProblem("overrideReason", "validation.tooLong"));
        }
        if (note != null && note.strip().length() > 500) {
            problems.add(new FieldProblem("note", "validation.tooLong"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Candidate m = Objects.requireNonNull(mentor);
        Candidate a = Objects.requireNonNull(apprentice);
        if (m.id() == a.id()) {
            throw new ValidationException("apprenticeId", "mentoring.apprentice.same");
        }
        long taken = jdbc.sql("select count(*) from mentor_pair where apprentice_id = ? and school_year = ? and deleted_at is null")
                .params(a.id(), schoolYear).query(Long.class).single();
        if (taken > 0) {
            throw new ValidationException("apprenticeId", "mentoring.apprentice.paired");
        }
        MentorEligibility.Result r = MentorEligibility.check(
                MentorEligibility.rank(m.titleCode(), dictionaries.allItems(DictKind.TITLE)), a.workStart(), schoolYear,
                overrideReason);
        if (!r.eligible() && !r.overridden()) {
            List<FieldProblem> all = new ArrayList<>(r.problems());
            all.add(new FieldProblem("overrideReason", "mentoring.override.needed"));
            throw new ValidationException(all);
        }
        String reason = r.overridden() ? overrideReason.strip() : null;
        long id = Inserts.id(jdbc.sql("""
                insert into mentor_pair (institution_id, school_year, mentor_id, apprentice_id, override_reason, note, created_by, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(institutionId, schoolYear, m.id(), a.id(), reason, note == null || note.isBlank() ? null : note.strip(),
                        Access.actor(), Access.actor()));
        audit.success("CREATE", "mentor_pair", id, m.name() + " → " + a.name(), reason == null ? null : "override: " + reason);
        return id;
    }

    /** Deleted pairs of the schools the user manages. */
    @Transactional(readOnly = true)
    public List<MentorPair> deleted() {
        String scope = Access.scope().all() ? "" : " and p.institution_id in (:manage)";
        return jdbc.sql(SELECT + " where p.deleted_at is not null" + scope + " order by p.deleted_at desc limit 200")
                .param("manage", Access.scope().manageIds()).query(MentorPairs::row).list();
    }

    /** Brings a deleted pair back. */
    public void restore(long id) {
        MentorPair p = deleted().stream().filter(x -> x.id() == id).findFirst().orElseThrow(NotFoundException::new);
        jdbc.sql("update mentor_pair set deleted_at = null, deleted_by = null, version = version + 1 where id = ?").param(id).update();
        audit.success("RESTORE", "mentor_pair", id, p.mentorName() + " → " + p.apprenticeName(), null);
    }

    public void delete(long id, int version) {
        MentorPair p = get(id);
        if (!canManage(p.institutionId())) {
            throw new ForbiddenException();
        }
        int n = jdbc.sql("update mentor_pair set deleted_at = ?, deleted_by = ?, version = version + 1 where id = ? and version = ? and deleted_at is null")
                .params(LocalDateTime.now(), Access.actor(), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("DELETE", "mentor_pair", id, p.mentorName() + " → " + p.apprenticeName(), null);
    }

    // ---------------------------------------------------------------- helpers

    private boolean canRead(MentorPair p) {
        CurrentUser u = Access.user();
        DataScope s = u.scope();
        return s.canReadInstitution(p.institutionId()) || Objects.equals(u.personId(), p.mentorId())
                || Objects.equals(u.personId(), p.apprenticeId()) || s.readPersons().contains(p.mentorId())
                || s.readPersons().contains(p.apprenticeId());
    }

    private Candidate candidate(long id) {
        Candidate c = candidateOrNull(id);
        if (c == null || !Access.scope().canReadPerson(id, c.institutionId())) {
            throw new NotFoundException();
        }
        return c;
    }

    private @Nullable Candidate candidateOrNull(long id) {
        return jdbc.sql("select id, institution_id, name, title_code, work_start_date from person where id = ? and deleted_at is null")
                .param(id).query(MentorPairs::candidate).optional().orElse(null);
    }

    private static Candidate candidate(ResultSet rs, int i) throws SQLException {
        return new Candidate(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("name"), rs.getString("title_code"),
                rs.getObject("work_start_date", LocalDate.class));
    }

    static MentorPair row(ResultSet rs, int i) throws SQLException {
        return new MentorPair(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("institution_name"),
                rs.getInt("school_year"), rs.getLong("mentor_id"), rs.getString("mentor_name"), rs.getString("mentor_title"),
                rs.getLong("apprentice_id"), rs.getString("apprentice_name"),
                rs.getObject("apprentice_work_start", LocalDate.class), rs.getString("override_reason"), rs.getString("note"),
                rs.getInt("version"));
    }

}
