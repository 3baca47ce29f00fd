package org.jiaoyan.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.mentoring.MentorPair;
import org.jiaoyan.mentoring.MentorPairs;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NaturalOrder;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 年度评优: shortlists of a school year computed from the terms' results and the rules, which the 教科室 confirms.
 * 教科研先进个人: the teachers with the highest sum of both terms' totals (one in ten, at least one), exempt terms
 * counting nothing; 优秀教研组 (two) and 优秀备课组 (three) by the sum of their groups' totals, each ranked among its
 * kind; the best 青蓝 pair (one) by weeks of mutual observation (the rule the pairs are inspected on), then open
 * lessons the apprentice taught. A term not yet published counts as it stands today.
 */
@Service
@Transactional
public class Shortlists {

    public enum Kind {
        TEACHER(0.1, 1), TR_GROUP(0, 2), PREP_GROUP(0, 3), MENTOR_PAIR(0, 1);

        private final double share;
        private final int least;

        Kind(double share, int least) {
            this.share = share;
            this.least = least;
        }

        int places(int candidates) {
            return Math.min(candidates, Math.max(least, (int) Math.round(candidates * share)));
        }

        public String messageKey() {
            return "assessment.shortlist." + name();
        }
    }

    /** A candidate: who, the score the list is ranked by, its rank, the words behind the score, whether proposed. */
    public record Candidate(long subjectId, String name, double score, int rank, String basis, boolean proposed) {
    }

    /** A confirmed place on a list. */
    public record Confirmed(Kind kind, long subjectId, String name, @Nullable Double score, int rank, LocalDateTime at,
                            @Nullable String by) {
    }

    private final JdbcClient jdbc;
    private final Scorecards scorecards;
    private final Schemes schemes;
    private final Terms terms;
    private final MentorPairs pairs;
    private final Metrics metrics;
    private final AuditLog audit;
    private final org.springframework.context.MessageSource messages;

    Shortlists(JdbcClient jdbc, Scorecards scorecards, Schemes schemes, Terms terms, MentorPairs pairs, Metrics metrics,
               AuditLog audit, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.scorecards = scorecards;
        this.schemes = schemes;
        this.terms = terms;
        this.pairs = pairs;
        this.metrics = metrics;
        this.audit = audit;
    }

    /** The computed lists of the user's school for a school year, every candidate ranked, the proposed ones first. */
    @Transactional(readOnly = true)
    public Map<Kind, List<Candidate>> candidates(int schoolYear) {
        long school = readable();
        List<SchoolTerm> yearTerms = terms.all().stream().filter(t -> t.schoolYear() == schoolYear)
                .sorted(Comparator.comparing(SchoolTerm::semester)).toList();
        if (yearTerms.isEmpty()) {
            throw new NotFoundException();
        }
        Map<Kind, List<Candidate>> out = new LinkedHashMap<>();
        LocalDate today = LocalDate.now();
        List<SchoolTerm> started = yearTerms.stream().filter(t -> !t.startDate().isAfter(today)).toList();
        // each term's board once per level: both group lists read the same groups' board
        Map<String, ScoreBoard> boards = new HashMap<>();
        out.put(Kind.TEACHER, fromBoards(Kind.TEACHER, school, started, CheckLevel.TEACHERS, null, boards));
        out.put(Kind.TR_GROUP, fromBoards(Kind.TR_GROUP, school, started, CheckLevel.GROUPS, "TEACHING_RESEARCH", boards));
        out.put(Kind.PREP_GROUP, fromBoards(Kind.PREP_GROUP, school, started, CheckLevel.GROUPS, "LESSON_PREP", boards));
        out.put(Kind.MENTOR_PAIR, mentorPairs(school, schoolYear, yearTerms, today));
        return out;
    }

    private List<Candidate> fromBoards(Kind kind, long school, List<SchoolTerm> yearTerms, CheckLevel level,
                                       @Nullable String groupKind, Map<String, ScoreBoard> boards) {
        Map<Long, Double> sums = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        Map<Long, List<String>> basis = new HashMap<>();
        for (SchoolTerm t : yearTerms) {
            ScoreBoard b = boards.computeIfAbsent(t.id() + "/" + level,
                    k -> scorecards.fullBoard(school, t.id(), level, LocalDate.now()));
            for (ScoreBoard.Entry e : b.entries()) {
                if (groupKind != null && !groupKind.equals(e.kind())) {
                    continue;
                }
                names.put(e.subjectId(), e.name());
                sums.merge(e.subjectId(), e.total() == null ? 0 : e.total(), Double::sum);
                basis.computeIfAbsent(e.subjectId(), k -> new ArrayList<>()).add(
                        text("assessment.shortlist.term." + t.semester())
                                + (e.total() == null ? text("assessment.shortlist.exempt")
                                : text("assessment.shortlist.points", CheckRounds.fmt(e.total()), e.rank()))
                                + (b.published() ? "" : text("assessment.shortlist.live")));
            }
        }
        List<Map.Entry<Long, Double>> sorted = new ArrayList<>(sums.entrySet());
        sorted.sort(Map.Entry.<Long, Double>comparingByValue().reversed()
                .thenComparing(e -> names.get(e.getKey()), NaturalOrder.INSTANCE));
        return ranked(kind, sorted.stream().map(e -> new double[] {e.getKey(), e.getValue()}).toList(), names,
                id -> String.join(text("assessment.shortlist.separator"), basis.get(id)));
    }

    private List<Candidate> mentorPairs(long school, int schoolYear, List<SchoolTerm> yearTerms, LocalDate today) {
        List<MentorPair> list = Access.asSystem(() -> pairs.list(schoolYear, school));
        if (list.isEmpty() || !metrics.published("mentoring.mutual-weeks")) {
            return List.of();
        }
        LocalDate from = yearTerms.get(0).startDate();
        LocalDate end = yearTerms.get(yearTerms.size() - 1).endDate();
        LocalDate to = today.isBefore(end) ? today : end;
        if (to.isBefore(from)) {
            return List.of();
        }
        Map<Long, Long> weeks = metrics.count("mentoring.mutual-weeks", from, to, list.stream().map(MentorPair::id).toList());
        Map<Long, Long> open = metrics.published("observation.open-lessons")
                ? metrics.count("observation.open-lessons", from, to, list.stream().map(MentorPair::apprenticeId).distinct().toList())
                : Map.of();
        Map<Long, String> names = new HashMap<>();
        Map<Long, String> basis = new HashMap<>();
        List<double[]> scored = new ArrayList<>();
        for (MentorPair p : list) {
            long w = weeks.getOrDefault(p.id(), 0L);
            long o = open.getOrDefault(p.apprenticeId(), 0L);
            names.put(p.id(), p.mentorName() + " — " + p.apprenticeName());
            basis.put(p.id(), text("assessment.shortlist.pair", w, o));
            scored.add(new double[] {p.id(), w + o / 100.0});
        }
        scored.sort(Comparator.comparingDouble((double[] d) -> d[1]).reversed()
                .thenComparing(d -> names.get((long) d[0]), NaturalOrder.INSTANCE));
        return ranked(Kind.MENTOR_PAIR, scored, names, basis::get);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    private static List<Candidate> ranked(Kind kind, List<double[]> sorted, Map<Long, String> names,
                                          java.util.function.LongFunction<String> basis) {
        int places = kind.places(sorted.size());
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            long id = (long) sorted.get(i)[0];
            double score = Scorecards.round(sorted.get(i)[1]);
            int rank = i > 0 && out.get(i - 1).score() == score ? out.get(i - 1).rank() : i + 1;
            out.add(new Candidate(id, names.get(id), score, rank, basis.apply(id), rank <= places && score > 0));
        }
        return out;
    }

    /** The lists the office confirmed for the user's school and year. */
    @Transactional(readOnly = true)
    public List<Confirmed> confirmed(int schoolYear) {
        long school = readable();
        return jdbc.sql("""
                select kind, subject_id, name, score, rank_no, confirmed_at, confirmed_by from assess_shortlist
                 where institution_id = ? and school_year = ? order by kind, rank_no, name""")
                .params(school, schoolYear).query((rs, i) -> {
                    BigDecimal score = rs.getBigDecimal(4);
                    return new Confirmed(Kind.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3),
                            score == null ? null : score.doubleValue(), rs.getInt(5), rs.getObject(6, LocalDateTime.class),
                            rs.getString(7));
                }).list();
    }

    /** Confirms a list: the chosen candidates (from the computed ones) replace the kind's confirmed list. */
    public void confirm(int schoolYear, Kind kind, List<Long> subjectIds) {
        if (!schemes.canManage()) {
            throw new ForbiddenException();
        }
        long school = Access.user().institutionId();
        List<Candidate> computed = candidates(schoolYear).get(kind);
        Map<Long, Candidate> byId = new HashMap<>();
        computed.forEach(c -> byId.put(c.subjectId(), c));
        if (subjectIds.isEmpty() || subjectIds.stream().anyMatch(id -> !byId.containsKey(id))) {
            throw new ValidationException("subjectIds", "assessment.shortlist.choose");
        }
        jdbc.sql("delete from assess_shortlist where institution_id = ? and school_year = ? and kind = ?")
                .params(school, schoolYear, kind.name()).update();
        LocalDateTime now = LocalDateTime.now();
        for (long id : subjectIds.stream().distinct().toList()) {
            Candidate c = byId.get(id);
            jdbc.sql("""
                    insert into assess_shortlist (institution_id, school_year, kind, subject_id, name, score, rank_no, confirmed_at, confirmed_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(school, schoolYear, kind.name(), id, c.name(), BigDecimal.valueOf(c.score()), c.rank(), now,
                            Access.actor()).update();
        }
        audit.success("CONFIRM", "assess_shortlist", (long) schoolYear, kind.name(), AuditLog.fact("count", subjectIds.size()));
    }

    private long readable() {
        Long school = Access.user().institutionId();
        if (school == null || !Access.user().scope().canReadInstitution(school)) {
            throw new ForbiddenException();
        }
        return school;
    }
}
