package org.jiaoyan.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.metrics.Evidence;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.org.GroupKind;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.SubjectDirectory;
import org.jiaoyan.org.Terms;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.rules.Compliance;
import org.jiaoyan.rules.ComplianceMatrix;
import org.jiaoyan.rules.ComplianceState;
import org.jiaoyan.rules.RulePeriod;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.NaturalOrder;
import org.jiaoyan.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scorecards of a school's teachers or groups for a term, added up from the records, the rules' periods, the
 * published 月查 rounds, the office's entries and the accepted appeals by the scheme in force.
 * <p>
 * One pass per board: one grouped count per RECORD item for all subjects, one compliance matrix per RULE item, one
 * query for all 月查 rounds, one for entries, one for appeals. Pro rata: a teacher who started work during the term
 * or has leave recorded is in place for a share of the term's days so far; below the scheme's threshold they are
 * exempt, else their RECORD and CHECK points are divided by the share (never past an item's cap) and rule periods
 * they were not in place for are not judged.
 * <p>
 * Scope: the school's leaders and the county read every line; a 教研组长 the lines of the people and groups they
 * lead; a teacher their own. Other schools: 404.
 */
@Service
@Transactional(readOnly = true)
public class Scorecards {

    /** Who is scored: a teacher (start = the day they started work) or a group (kind = 教研组 / 备课组). */
    record Subject(long id, String name, @Nullable String kind, @Nullable LocalDate start) {
    }

    /** A subject's computed points: per item raw and after cap/appeals, per category after cap and weight. */
    record Calc(double[] itemRaw, double[] itemPoints, boolean[] itemCapped, double[] categoryPoints, @Nullable Double total,
                double inPlace, @Nullable String note) {
    }

    private final JdbcClient jdbc;
    private final Schemes schemes;
    private final Metrics metrics;
    private final Compliance compliance;
    private final Terms terms;
    private final SubjectDirectory directory;
    private final MessageSource messages;

    Scorecards(JdbcClient jdbc, Schemes schemes, Metrics metrics, Compliance compliance, Terms terms,
               SubjectDirectory directory, MessageSource messages) {
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.metrics = metrics;
        this.compliance = compliance;
        this.terms = terms;
        this.directory = directory;
        this.messages = messages;
    }

    // --- reading ---------------------------------------------------------------------------------------------

    /** The board of the user's school. */
    public ScoreBoard board(long termId, CheckLevel level) {
        Long school = Access.user().institutionId();
        if (school == null) {
            throw new NotFoundException();
        }
        return board(school, termId, level);
    }

    /** The board of a school: all lines for its readers, only their own (and their groups') lines for others. */
    public ScoreBoard board(long institutionId, long termId, CheckLevel level) {
        CurrentUser u = Access.user();
        boolean all = u.scope().canReadInstitution(institutionId);
        if (!all && !Long.valueOf(institutionId).equals(u.institutionId())) {
            throw new NotFoundException();
        }
        ScoreBoard b = fullBoard(institutionId, termId, level, LocalDate.now());
        if (all) {
            return b;
        }
        List<ScoreBoard.Entry> mine = b.entries().stream().filter(e -> canRead(u, institutionId, level, e.subjectId())).toList();
        return new ScoreBoard(b.institutionId(), b.termId(), b.level(), b.scheme(), b.asOf(), b.resultId(), b.status(), mine);
    }

    /** The user's own teacher scorecard in their school. */
    public Scorecard mine(long termId) {
        CurrentUser u = Access.user();
        if (u.personId() == null || u.institutionId() == null) {
            throw new NotFoundException();
        }
        return card(u.institutionId(), termId, CheckLevel.TEACHERS, u.personId());
    }

    /** A teacher's or group's scorecard with every line and its evidence. */
    public Scorecard card(long termId, CheckLevel level, long subjectId) {
        long school = schoolOf(level, subjectId);
        return card(school, termId, level, subjectId);
    }

    private Scorecard card(long school, long termId, CheckLevel level, long subjectId) {
        if (!canRead(Access.user(), school, level, subjectId)) {
            throw new NotFoundException();
        }
        SchoolTerm term = terms.get(termId);
        LocalDate asOf = LocalDate.now();
        Result result = result(school, termId, level);
        Scheme scheme = result == null ? schemes.current(school, termId, level) : schemeById(result.schemeId());
        Subject subject = subjects(school, level).stream().filter(s -> s.id() == subjectId).findFirst()
                .orElseThrow(NotFoundException::new);
        // live: the board's own computation has the subject's points; published: the stored board, and the subject's
        // points today (to say whether the records changed since)
        Calc live;
        ScoreBoard.Entry entry;
        if (result == null) {
            Live board = live(school, term, level, asOf, scheme);
            live = board.calcs().get(subjectId);
            entry = board.board().entry(subjectId);
        } else {
            live = compute(scheme, term, asOf, List.of(subject), school).get(subjectId);
            entry = fullBoard(school, termId, level, asOf).entry(subjectId);
        }
        if (live == null || entry == null) {
            throw new NotFoundException();
        }
        return assemble(school, term, level, subject, scheme, result, live, entry, asOf, new HashMap<>());
    }

    /**
     * Every card of the user's school the user may read (the .xlsx export's evidence sheet): one computation of the
     * board for all, then each card's lines.
     */
    public List<Scorecard> cards(long termId, CheckLevel level) {
        CurrentUser u = Access.user();
        Long school = u.institutionId();
        if (school == null) {
            throw new NotFoundException();
        }
        SchoolTerm term = terms.get(termId);
        LocalDate asOf = LocalDate.now();
        Result result = result(school, termId, level);
        Scheme scheme = result == null ? schemes.current(school, termId, level) : schemeById(result.schemeId());
        List<Subject> subjects = subjects(school, level);
        ScoreBoard board;
        Map<Long, Calc> calcs;
        if (result == null) {
            Live live = live(school, term, level, asOf, scheme);
            board = live.board();
            calcs = live.calcs();
        } else {
            board = fullBoard(school, termId, level, asOf);
            calcs = compute(scheme, term, asOf, subjects, school);
        }
        Map<Long, ComplianceMatrix> matrices = new HashMap<>();
        Map<Long, Subject> byId = new HashMap<>();
        subjects.forEach(x -> byId.put(x.id(), x));
        List<Scorecard> out = new ArrayList<>();
        for (ScoreBoard.Entry e : board.entries()) {
            Subject subject = byId.get(e.subjectId());
            if (subject != null && calcs.containsKey(e.subjectId()) && canRead(u, school, level, e.subjectId())) {
                out.add(assemble(school, term, level, subject, scheme, result, calcs.get(e.subjectId()), e, asOf, matrices));
            }
        }
        return out;
    }

    private Scorecard assemble(long school, SchoolTerm term, CheckLevel level, Subject subject, Scheme scheme,
                               @Nullable Result result, Calc live, ScoreBoard.Entry entry, LocalDate asOf,
                               Map<Long, ComplianceMatrix> matrices) {
        DateSpan span = span(term, asOf);
        Map<String, Double> stored = result == null ? Map.of() : storedLines(result.id(), subject.id());
        boolean changed = false;
        List<Scorecard.CategoryCard> cats = new ArrayList<>();
        for (int c = 0; c < scheme.categories().size(); c++) {
            List<Scorecard.ItemCard> items = new ArrayList<>();
            double sum = 0;
            for (Scheme.Item item : scheme.itemsOf(c)) {
                int i = scheme.items().indexOf(item);
                double points = result == null ? live.itemPoints()[i] : stored.getOrDefault(item.code(), 0.0);
                if (result != null && Math.abs(points - live.itemPoints()[i]) > 0.005) {
                    changed = true;
                }
                sum += points;
                items.add(new Scorecard.ItemCard(item, points, live.itemRaw()[i], live.itemCapped()[i],
                        capNote(item, live.itemRaw()[i], live.inPlace()), lines(scheme, item, subject, term, span, school, matrices)));
            }
            Scheme.Category cat = scheme.categories().get(c);
            boolean capped = cat.cap() != null && sum > cat.cap();
            cats.add(new Scorecard.CategoryCard(cat, round(entry.categoryPoints()[c]), capped, items));
        }
        return new Scorecard(school, term.id(), level, subject.id(), subject.name(), scheme, entry, cats, asOf, result != null,
                result != null && result.status() == ResultStatus.LOCKED, changed);
    }

    /** The board without scope filtering: stored results once published, else computed now. */
    ScoreBoard fullBoard(long school, long termId, CheckLevel level, LocalDate asOf) {
        SchoolTerm term = terms.get(termId);
        Result result = result(school, termId, level);
        if (result != null) {
            Scheme scheme = schemeById(result.schemeId());
            return new ScoreBoard(school, termId, level, scheme, asOf, result.id(), result.status(), storedEntries(result, scheme));
        }
        return live(school, term, level, asOf, schemes.current(school, termId, level)).board();
    }

    /** A live board with the computation behind it (publication stores both). */
    record Live(ScoreBoard board, Map<Long, Calc> calcs) {
    }

    Live live(long school, SchoolTerm term, CheckLevel level, LocalDate asOf, Scheme scheme) {
        List<Subject> subjects = subjects(school, level);
        Map<Long, Calc> calcs = compute(scheme, term, asOf, subjects, school);
        List<ScoreBoard.Entry> entries = new ArrayList<>();
        for (Subject s : subjects) {
            Calc c = calcs.get(s.id());
            entries.add(new ScoreBoard.Entry(s.id(), s.name(), s.kind(), c.categoryPoints(), c.total(), null, c.inPlace(), c.note()));
        }
        return new Live(new ScoreBoard(school, term.id(), level, scheme, asOf, null, null, ranked(entries)), calcs);
    }

    // --- computing -------------------------------------------------------------------------------------------

    /** Everyone's points by the scheme over the term up to asOf. */
    Map<Long, Calc> compute(Scheme scheme, SchoolTerm term, LocalDate asOf, List<Subject> subjects, long school) {
        return compute(scheme, term, asOf, subjects, List.of(school));
    }

    /**
     * The same for the subjects of several schools under one scheme in one pass (the county bench): one grouped query
     * per RECORD item for all of them; a RULE item's matrix per school.
     */
    Map<Long, Calc> compute(Scheme scheme, SchoolTerm term, LocalDate asOf, List<Subject> subjects, List<Long> schools) {
        Map<Long, Calc> out = new HashMap<>();
        if (subjects.isEmpty()) {
            return out;
        }
        DateSpan span = span(term, asOf);
        List<Long> ids = subjects.stream().map(Subject::id).toList();
        int n = scheme.items().size();
        Map<Long, double[]> raw = new HashMap<>();
        ids.forEach(id -> raw.put(id, new double[n]));
        Map<Long, Double> inPlace = new HashMap<>();
        Map<Long, BitSet> away = scheme.level() == CheckLevel.TEACHERS ? away(schools, term.id(), span, subjects) : Map.of();
        long days = ChronoUnit.DAYS.between(span.from(), span.to()) + 1;
        for (Subject s : subjects) {
            BitSet off = away.get(s.id());
            inPlace.put(s.id(), off == null || days <= 0 ? 1.0 : Math.max(0, (days - off.cardinality()) / (double) days));
        }
        Map<String, Map<Long, Double>> appeals = acceptedAppeals(schools, term.id(), scheme.level());
        Map<String, Map<Long, Long>> entries = null;
        Map<Long, Double> checks = null;
        for (int i = 0; i < n; i++) {
            Scheme.Item item = scheme.items().get(i);
            int index = i;
            switch (item.kind()) {
                case RECORD -> {
                    if (item.metricId() != null && metrics.published(item.metricId()) && !span.to().isBefore(span.from())) {
                        // one period through countPerPeriod: past a school's worth of subjects the sources read the
                        // date range once instead of looking thousands of ids up one by one
                        metrics.countPerPeriod(item.metricId(), List.of(span), ids)
                                .forEach((id, counts) -> raw.get(id)[index] = counts[0] * item.points());
                    }
                }
                case RULE -> {
                    if (item.ruleId() != null) {
                        for (long school : schools) {
                            ruleRaw(item, span, school, away).forEach((id, v) -> {
                                if (raw.containsKey(id)) {
                                    raw.get(id)[index] = v;
                                }
                            });
                        }
                    }
                }
                case CHECK -> {
                    if (checks == null) {
                        checks = checkShares(schools, scheme.level(), span);
                    }
                    checks.forEach((id, share) -> {
                        if (raw.containsKey(id)) {
                            raw.get(id)[index] = share * item.points();
                        }
                    });
                }
                case ENTRY -> {
                    if (entries == null) {
                        entries = entryCounts(schools, term.id(), scheme.level());
                    }
                    entries.getOrDefault(item.code(), Map.of()).forEach((id, count) -> {
                        if (raw.containsKey(id)) {
                            raw.get(id)[index] = count * item.points();
                        }
                    });
                }
            }
        }
        Locale locale = LocaleContextHolder.getLocale();
        for (Subject s : subjects) {
            double share = inPlace.get(s.id());
            double[] r = raw.get(s.id());
            double[] points = new double[n];
            boolean[] capped = new boolean[n];
            for (int i = 0; i < n; i++) {
                Scheme.Item item = scheme.items().get(i);
                double v = r[i];
                boolean proRata = share < 1 && share > 0 && (item.kind() == SchemeItemKind.RECORD || item.kind() == SchemeItemKind.CHECK);
                if (proRata) {
                    v = v / share;
                }
                if (item.cap() != null && v > item.cap()) {
                    v = item.cap();
                    capped[i] = true;
                }
                v += appeals.getOrDefault(item.code(), Map.of()).getOrDefault(s.id(), 0.0);
                points[i] = round(v);
            }
            double[] categories = categoryPoints(scheme, points);
            boolean exempt = share < scheme.exemptBelow();
            double total = 0;
            for (double c : categories) {
                total += c;
            }
            String note = null;
            if (exempt) {
                note = messages.getMessage("assessment.card.exempt", new Object[] {percent(share), percent(scheme.exemptBelow())}, locale);
            } else if (share < 1) {
                note = messages.getMessage("assessment.card.proRata", new Object[] {percent(share)}, locale);
            }
            out.put(s.id(), new Calc(r, points, capped, categories, exempt ? null : round(total), share, note));
        }
        return out;
    }

    /** Category points: Σ items, at most the cap and at least 0, times the weight. */
    static double[] categoryPoints(Scheme scheme, double[] itemPoints) {
        double[] out = new double[scheme.categories().size()];
        for (int i = 0; i < itemPoints.length; i++) {
            out[scheme.items().get(i).categoryIndex()] += itemPoints[i];
        }
        for (int c = 0; c < out.length; c++) {
            Scheme.Category cat = scheme.categories().get(c);
            // deductions take a category down to 0 at most (扣完为止), never into the other categories
            double v = Math.max(0, cat.cap() != null ? Math.min(cat.cap(), out[c]) : out[c]);
            out[c] = round(v * cat.weight());
        }
        return out;
    }

    /** Per subject: points per period met minus the deduction per period missed, periods away not judged. */
    private Map<Long, Double> ruleRaw(Scheme.Item item, DateSpan span, long school, Map<Long, BitSet> away) {
        ComplianceMatrix m = Access.asSystem(() -> compliance.matrix(item.ruleId(), span.from(), span.to(), school));
        Map<Long, Double> out = new HashMap<>();
        for (ComplianceMatrix.Row row : m.rows()) {
            BitSet off = away.get(row.subject().id());
            double v = 0;
            for (int p = 0; p < m.periods().size(); p++) {
                ComplianceMatrix.Cell cell = row.cells().get(p);
                if (cell == null || (off != null && awayAll(off, span, m.periods().get(p).span()))) {
                    continue;
                }
                if (cell.state() == ComplianceState.MET) {
                    v += item.points();
                } else if (cell.state() == ComplianceState.NOT_MET) {
                    v -= item.deduction();
                }
            }
            out.put(row.subject().id(), v);
        }
        return out;
    }

    /** True when every day of the period inside the span is a day away. */
    private static boolean awayAll(BitSet off, DateSpan span, DateSpan period) {
        LocalDate from = period.from().isBefore(span.from()) ? span.from() : period.from();
        LocalDate to = period.to().isAfter(span.to()) ? span.to() : period.to();
        if (to.isBefore(from)) {
            return false;
        }
        int a = (int) ChronoUnit.DAYS.between(span.from(), from);
        int b = (int) ChronoUnit.DAYS.between(span.from(), to);
        return off.get(a, b + 1).cardinality() == b - a + 1;
    }

    /** Days of the span each teacher was not in place: before they started work, and on recorded leave. */
    private Map<Long, BitSet> away(List<Long> schools, long termId, DateSpan span, List<Subject> subjects) {
        Map<Long, BitSet> out = new HashMap<>();
        int days = (int) ChronoUnit.DAYS.between(span.from(), span.to()) + 1;
        if (days <= 0) {
            return out;
        }
        for (Subject s : subjects) {
            if (s.start() != null && s.start().isAfter(span.from())) {
                BitSet b = out.computeIfAbsent(s.id(), k -> new BitSet(days));
                b.set(0, (int) Math.min(days, ChronoUnit.DAYS.between(span.from(), s.start())));
            }
        }
        jdbc.sql("""
                select person_id, from_date, to_date from assess_leave
                 where institution_id in (:schools) and term_id = :term and deleted_at is null and to_date >= :from and from_date <= :to""")
                .param("schools", schools).param("term", termId).param("from", span.from()).param("to", span.to())
                .query(rs -> {
                    LocalDate from = rs.getObject(2, LocalDate.class);
                    LocalDate to = rs.getObject(3, LocalDate.class);
                    int a = (int) Math.max(0, ChronoUnit.DAYS.between(span.from(), from));
                    int b = (int) Math.min(days - 1, ChronoUnit.DAYS.between(span.from(), to));
                    if (b >= a) {
                        out.computeIfAbsent(rs.getLong(1), k -> new BitSet(days)).set(a, b + 1);
                    }
                });
        return out;
    }

    /** Per subject: Σ over the term's published 月查 rounds of score ÷ the round's full marks. */
    private Map<Long, Double> checkShares(List<Long> schools, CheckLevel level, DateSpan span) {
        Map<Long, Double> out = new HashMap<>();
        for (RoundScore r : roundScores(schools, level, span)) {
            if (r.full() > 0) {
                out.merge(r.subjectId(), r.score() / r.full(), Double::sum);
            }
        }
        return out;
    }

    /** A subject's score in a published round, with the round's full marks. */
    record RoundScore(long roundId, String title, LocalDate month, long subjectId, double score, double full) {
    }

    private List<RoundScore> roundScores(List<Long> schools, CheckLevel level, DateSpan span) {
        return jdbc.sql("""
                select r.id, r.title, r.month_start, cs.subject_id,
                       (select coalesce(sum(s.score), 0) from check_score s join check_criterion c on c.id = s.criterion_id
                         where c.round_id = r.id and s.subject_id = cs.subject_id) as score,
                       (select coalesce(sum(c.max_score), 0) from check_criterion c where c.round_id = r.id) as full_marks
                  from check_round r join check_subject cs on cs.round_id = r.id
                 where r.institution_id in (:schools) and r.level = :level and r.status = 'PUBLISHED'
                   and r.month_start >= :from and r.month_start <= :to
                 order by r.month_start, r.id""")
                .param("schools", schools).param("level", level.name()).param("from", span.from().withDayOfMonth(1))
                .param("to", span.to())
                .query((rs, i) -> new RoundScore(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getLong(4), rs.getBigDecimal(5).doubleValue(), rs.getBigDecimal(6).doubleValue())).list();
    }

    private Map<String, Map<Long, Long>> entryCounts(List<Long> schools, long termId, CheckLevel level) {
        Map<String, Map<Long, Long>> out = new HashMap<>();
        jdbc.sql("""
                select item_code, subject_id, count(*) from assess_entry
                 where institution_id in (:schools) and term_id = :term and level = :level and deleted_at is null
                 group by item_code, subject_id""")
                .param("schools", schools).param("term", termId).param("level", level.name())
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getLong(3));
                });
        return out;
    }

    private Map<String, Map<Long, Double>> acceptedAppeals(List<Long> schools, long termId, CheckLevel level) {
        Map<String, Map<Long, Double>> out = new HashMap<>();
        jdbc.sql("""
                select item_code, subject_id, sum(delta) from assess_appeal
                 where institution_id in (:schools) and term_id = :term and level = :level and status = 'ACCEPTED'
                 group by item_code, subject_id""")
                .param("schools", schools).param("term", termId).param("level", level.name())
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getBigDecimal(3).doubleValue());
                });
        return out;
    }

    // --- lines of one card --------------------------------------------------------------------------------------

    /** A card's lines of an item; rule matrices are kept in {@code matrices} for the next card of the same school. */
    private List<Scorecard.Line> lines(Scheme scheme, Scheme.Item item, Subject subject, SchoolTerm term, DateSpan span,
                                       long school, Map<Long, ComplianceMatrix> matrices) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Scorecard.Line> out = new ArrayList<>();
        switch (item.kind()) {
            case RECORD -> {
                if (item.metricId() != null && metrics.published(item.metricId()) && !span.to().isBefore(span.from())) {
                    List<Evidence> records = metrics.evidence(item.metricId(), span, subject.id()).orElse(null);
                    if (records == null) {
                        long count = metrics.count(item.metricId(), span.from(), span.to(), List.of(subject.id())).get(subject.id());
                        out.add(new Scorecard.Line(null, messages.getMessage("assessment.line.records", new Object[] {count}, locale),
                                round(count * item.points()), null));
                    } else {
                        records.forEach(e -> out.add(new Scorecard.Line(e.on(), e.title(), item.points(), e.link())));
                    }
                }
            }
            case RULE -> {
                if (item.ruleId() != null) {
                    ComplianceMatrix m = matrices.computeIfAbsent(item.ruleId(),
                            id -> Access.asSystem(() -> compliance.matrix(id, span.from(), span.to(), school)));
                    Map<Long, BitSet> away = scheme.level() == CheckLevel.TEACHERS
                            ? away(List.of(school), term.id(), span, List.of(subject)) : Map.of();
                    BitSet off = away.get(subject.id());
                    m.rows().stream().filter(r -> r.subject().id() == subject.id()).findFirst().ifPresent(row -> {
                        for (int p = 0; p < m.periods().size(); p++) {
                            RulePeriod period = m.periods().get(p);
                            ComplianceMatrix.Cell cell = row.cells().get(p);
                            if (cell == null) {
                                continue;
                            }
                            String link = "/rules/" + item.ruleId() + "/cell?subject=" + subject.id() + "&period=" + period.span().from();
                            boolean isAway = off != null && awayAll(off, span, period.span());
                            String state = messages.getMessage(isAway ? "assessment.line.away" : "compliance.state." + cell.state().name(),
                                    null, locale);
                            Double points = isAway ? null : switch (cell.state()) {
                                case MET -> item.points();
                                case NOT_MET -> item.deduction() == 0 ? 0.0 : -item.deduction();
                                default -> null;
                            };
                            out.add(new Scorecard.Line(period.span().from(),
                                    messages.getMessage("assessment.line.period", new Object[] {period.label(), state, cell.count()}, locale),
                                    points, link));
                        }
                    });
                }
            }
            case CHECK -> {
                for (RoundScore r : roundScores(List.of(school), scheme.level(), span)) {
                    if (r.subjectId() == subject.id() && r.full() > 0) {
                        out.add(new Scorecard.Line(r.month(), messages.getMessage("assessment.line.round",
                                new Object[] {r.title(), CheckRounds.fmt(r.score()), CheckRounds.fmt(r.full())}, locale),
                                round(item.points() * r.score() / r.full()), "/checks/" + r.roundId()));
                    }
                }
            }
            case ENTRY -> jdbc.sql("""
                            select id, title, happened_on from assess_entry
                             where institution_id = ? and term_id = ? and level = ? and subject_id = ? and item_code = ? and deleted_at is null
                             order by happened_on, id""")
                    .params(school, term.id(), scheme.level().name(), subject.id(), item.code())
                    .query(rs -> {
                        out.add(new Scorecard.Line(rs.getObject(3, LocalDate.class), rs.getString(2), item.points(), null));
                    });
        }
        jdbc.sql("""
                select id, status, delta, resolution, reason from assess_appeal
                 where institution_id = ? and term_id = ? and level = ? and subject_id = ? and item_code = ? and status = 'ACCEPTED'
                 order by id""")
                .params(school, term.id(), scheme.level().name(), subject.id(), item.code())
                .query(rs -> {
                    out.add(new Scorecard.Line(null, messages.getMessage("assessment.line.appeal", new Object[] {rs.getString(4)}, locale),
                            rs.getBigDecimal(3).doubleValue(), "/appeals/" + rs.getLong(1)));
                });
        return out;
    }

    private @Nullable String capNote(Scheme.Item item, double raw, double inPlace) {
        Locale locale = LocaleContextHolder.getLocale();
        double v = inPlace < 1 && inPlace > 0 && (item.kind() == SchemeItemKind.RECORD || item.kind() == SchemeItemKind.CHECK)
                ? raw / inPlace : raw;
        if (item.cap() != null && v > item.cap()) {
            return messages.getMessage("assessment.card.capped", new Object[] {CheckRounds.fmt(round(v)), CheckRounds.fmt(item.cap())}, locale);
        }
        return null;
    }

    // --- results -------------------------------------------------------------------------------------------------

    record Result(long id, long schemeId, ResultStatus status, int version) {
    }

    @Nullable Result result(long school, long termId, CheckLevel level) {
        return jdbc.sql("select id, scheme_id, status, version from assess_result where institution_id = ? and term_id = ? and level = ?")
                .params(school, termId, level.name())
                .query((rs, i) -> new Result(rs.getLong(1), rs.getLong(2), ResultStatus.valueOf(rs.getString(3)), rs.getInt(4)))
                .optional().orElse(null);
    }

    private Scheme schemeById(long id) {
        return schemes.load(id);
    }

    private Map<String, Double> storedLines(long resultId, long subjectId) {
        Map<String, Double> out = new HashMap<>();
        jdbc.sql("select item_code, points from assess_result_line where result_id = ? and subject_id = ?").params(resultId, subjectId)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getBigDecimal(2).doubleValue());
                });
        return out;
    }

    private List<ScoreBoard.Entry> storedEntries(Result result, Scheme scheme) {
        Map<Long, double[]> items = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < scheme.items().size(); i++) {
            index.put(scheme.items().get(i).code(), i);
        }
        jdbc.sql("select subject_id, item_code, points from assess_result_line where result_id = ?").param(result.id())
                .query(rs -> {
                    Integer i = index.get(rs.getString(2));
                    if (i != null) {
                        items.computeIfAbsent(rs.getLong(1), k -> new double[scheme.items().size()])[i] = rs.getBigDecimal(3).doubleValue();
                    }
                });
        Map<Long, String> kinds = new HashMap<>();
        if (scheme.level() == CheckLevel.GROUPS) {
            subjects(scheme.institutionId(), CheckLevel.GROUPS).forEach(s -> kinds.put(s.id(), s.kind()));
        }
        List<ScoreBoard.Entry> out = new ArrayList<>();
        jdbc.sql("select subject_id, name, total, rank_no, in_place, note from assess_result_total where result_id = ? order by rank_no, name")
                .param(result.id())
                .query(rs -> {
                    long id = rs.getLong(1);
                    BigDecimal total = rs.getBigDecimal(3);
                    double[] points = items.getOrDefault(id, new double[scheme.items().size()]);
                    out.add(new ScoreBoard.Entry(id, rs.getString(2), kinds.get(id), categoryPoints(scheme, points),
                            total == null ? null : total.doubleValue(), rs.getObject(4, Integer.class),
                            rs.getBigDecimal(5).doubleValue(), rs.getString(6)));
                });
        return sortStored(out);
    }

    private static List<ScoreBoard.Entry> sortStored(List<ScoreBoard.Entry> entries) {
        List<ScoreBoard.Entry> out = new ArrayList<>(entries);
        out.sort(Comparator.comparing((ScoreBoard.Entry e) -> e.kind() == null ? "" : e.kind())
                .thenComparing(e -> e.rank() == null ? Integer.MAX_VALUE : e.rank())
                .thenComparing(ScoreBoard.Entry::name, NaturalOrder.INSTANCE));
        return out;
    }

    /** Ranks by total within each kind (ties share a rank: 1, 1, 3); exempt entries last without a rank. */
    static List<ScoreBoard.Entry> ranked(List<ScoreBoard.Entry> entries) {
        Map<String, List<ScoreBoard.Entry>> byKind = new LinkedHashMap<>();
        entries.stream().sorted(Comparator.comparing((ScoreBoard.Entry e) -> e.kind() == null ? "" : e.kind()))
                .forEach(e -> byKind.computeIfAbsent(e.kind() == null ? "" : e.kind(), k -> new ArrayList<>()).add(e));
        List<ScoreBoard.Entry> out = new ArrayList<>();
        for (List<ScoreBoard.Entry> group : byKind.values()) {
            List<ScoreBoard.Entry> scored = new ArrayList<>(group.stream().filter(e -> !e.exempt()).toList());
            scored.sort(Comparator.comparingDouble((ScoreBoard.Entry e) -> e.total()).reversed()
                    .thenComparing(ScoreBoard.Entry::name, NaturalOrder.INSTANCE));
            List<ScoreBoard.Entry> ranked = new ArrayList<>();
            for (int i = 0; i < scored.size(); i++) {
                ScoreBoard.Entry e = scored.get(i);
                int rank = i > 0 && ranked.get(i - 1).total().doubleValue() == e.total() ? ranked.get(i - 1).rank() : i + 1;
                ranked.add(new ScoreBoard.Entry(e.subjectId(), e.name(), e.kind(), e.categoryPoints(), e.total(), rank,
                        e.inPlace(), e.note()));
            }
            out.addAll(ranked);
            group.stream().filter(ScoreBoard.Entry::exempt).sorted(Comparator.comparing(ScoreBoard.Entry::name, NaturalOrder.INSTANCE))
                    .forEach(out::add);
        }
        return out;
    }

    // --- subjects and scope ---------------------------------------------------------------------------------------

    List<Subject> subjects(long school, CheckLevel level) {
        return subjects(List.of(school), level);
    }

    List<Subject> subjects(List<Long> schools, CheckLevel level) {
        List<Subject> out = new ArrayList<>();
        if (level == CheckLevel.TEACHERS) {
            directory.staff(schools).forEach(s -> out.add(new Subject(s.id(), s.name(), null, s.workStartDate())));
        } else {
            for (GroupKind kind : List.of(GroupKind.TEACHING_RESEARCH, GroupKind.LESSON_PREP)) {
                directory.units(schools, UnitType.GROUP, kind).forEach(u -> out.add(new Subject(u.id(), u.name(), kind.name(), null)));
            }
        }
        return out;
    }

    private long schoolOf(CheckLevel level, long subjectId) {
        String sql = level == CheckLevel.TEACHERS
                ? "select institution_id from person where id = ? and deleted_at is null"
                : "select institution_id from org_unit where id = ?";
        return jdbc.sql(sql).param(subjectId).query(Long.class).optional().orElseThrow(NotFoundException::new);
    }

    /** Whether the user reads a subject's line: the school's readers, the teacher themself, a group's leader. */
    boolean canRead(CurrentUser u, long school, CheckLevel level, long subjectId) {
        if (u.scope().canReadInstitution(school)) {
            return true;
        }
        if (level == CheckLevel.TEACHERS) {
            return u.scope().canReadPerson(subjectId, school);
        }
        return u.personId() != null && Long.valueOf(school).equals(u.institutionId())
                && jdbc.sql("select count(*) from org_unit where id = ? and leader_id = ?").params(subjectId, u.personId())
                .query(Long.class).single() > 0;
    }

    static DateSpan span(SchoolTerm term, LocalDate asOf) {
        LocalDate to = asOf.isBefore(term.endDate()) ? asOf : term.endDate();
        if (to.isBefore(term.startDate())) {
            return new DateSpan(term.startDate(), term.startDate());
        }
        return new DateSpan(term.startDate(), to);
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
