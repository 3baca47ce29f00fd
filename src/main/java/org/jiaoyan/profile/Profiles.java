package org.jiaoyan.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jiaoyan.account.UserAccounts;
import org.jiaoyan.observation.ObservationRow;
import org.jiaoyan.observation.Observations;
import org.jiaoyan.org.People;
import org.jiaoyan.org.Person;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a teacher's growth profile. Who may see it is who may read the person ({@link People#get}): the teacher
 * themselves, the leader of their groups, their school's principal and department heads, the county's researchers;
 * anyone else gets a 404, as for an unknown id.
 */
@Service
@Transactional(readOnly = true)
public class Profiles {

    /** The earliest school year the filter accepts: records older than the platform do not exist. */
    static final int FIRST_YEAR = 1990;
    /** School years shown when none are asked for: five, as 职称 reviews look back on (近五年). */
    static final int DEFAULT_YEARS = 5;

    private final People people;
    private final UserAccounts accounts;
    private final Observations observations;
    private final Terms terms;
    private final List<ProfileSection> sections;
    private final MessageSource messages;

    Profiles(People people, UserAccounts accounts, Observations observations, Terms terms, List<ProfileSection> sections,
             MessageSource messages) {
        this.people = people;
        this.accounts = accounts;
        this.observations = observations;
        this.terms = terms;
        this.sections = sections.stream().sorted(Comparator.comparingInt(ProfileSection::order)).toList();
        this.messages = messages;
    }

    /** The signed-in user's own person, or 404 for an account without one (the administrator). */
    public long myPersonId() {
        Long me = Access.user().personId();
        if (me == null) {
            throw new NotFoundException();
        }
        return me;
    }

    /** Whether the person is the signed-in user (the page then says 我的成长档案). */
    public boolean isMine(long personId) {
        Long me = Access.user().personId();
        return me != null && me == personId;
    }

    /**
     * The school years a filter may offer for the person, newest first: from the year they started work (at most
     * twenty back) to the current one.
     */
    public List<Integer> yearOptions(Person person, LocalDate today) {
        int current = YearRange.schoolYearOf(today);
        int first = person.workStartDate() == null ? current - 9 : YearRange.schoolYearOf(person.workStartDate());
        first = Math.max(Math.max(first, current - 19), FIRST_YEAR);
        List<Integer> out = new ArrayList<>();
        for (int y = current; y >= first; y--) {
            out.add(y);
        }
        return out;
    }

    /**
     * The range asked for, the last five school years when a bound is missing. A range backwards or outside
     * {@value #FIRST_YEAR} to next year is a field error.
     */
    public YearRange range(@Nullable Integer fromYear, @Nullable Integer toYear, LocalDate today) {
        int current = YearRange.schoolYearOf(today);
        int to = toYear == null ? current : toYear;
        int from = fromYear == null ? Math.min(to, current) - (DEFAULT_YEARS - 1) : fromYear;
        List<FieldProblem> problems = new ArrayList<>();
        if (from < FIRST_YEAR || from > current + 1) {
            problems.add(new FieldProblem("from", "growth.years.outside"));
        }
        if (to < FIRST_YEAR || to > current + 1) {
            problems.add(new FieldProblem("to", "growth.years.outside"));
        }
        if (problems.isEmpty() && from > to) {
            problems.add(new FieldProblem("to", "growth.years.backwards"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new YearRange(from, to);
    }

    /** The teacher's profile over the years; 404 when the user may not read the person. */
    public GrowthProfile profile(long personId, YearRange range, Locale locale) {
        Person person = people.get(personId);
        List<String> groups = people.groupNames(personId);
        ProfileTeacher teacher = new ProfileTeacher(person.id(), person.institutionId(), person.name(),
                accounts.usernamesOf(personId));
        Words words = new Words(messages, locale);

        List<ProfileTable> all = new ArrayList<>();
        for (ProfileSection s : sections) {
            all.addAll(s.tables(teacher, range, locale));
        }
        // rows into school years, newest first; a year shows when any of its tables has a row
        Map<Integer, List<ProfileTable>> byYear = new TreeMap<>(Comparator.reverseOrder());
        for (int y = range.toYear(); y >= range.fromYear(); y--) {
            int year = y;
            List<ProfileTable> tables = all.stream()
                    .map(t -> t.withRows(t.rows().stream().filter(r -> YearRange.schoolYearOf(r.date()) == year).toList()))
                    .toList();
            if (tables.stream().anyMatch(t -> t.count() > 0)) {
                byYear.put(year, tables);
            }
        }
        List<GrowthProfile.SchoolYear> years = byYear.entrySet().stream()
                .map(e -> new GrowthProfile.SchoolYear(e.getKey(), words.schoolYear(e.getKey()), e.getValue())).toList();
        return new GrowthProfile(person, groups, range, years, trend(personId, range, words));
    }

    /** Average, lowest and highest score of the lessons others observed, per term, oldest first (scored lessons only). */
    private List<GrowthProfile.ScorePoint> trend(long personId, YearRange range, Words words) {
        List<SchoolTerm> termList = terms.all();
        Map<SchoolTerm, List<BigDecimal>> scores = new LinkedHashMap<>();
        termList.stream().sorted(Comparator.comparing(SchoolTerm::startDate)).forEach(t -> scores.put(t, new ArrayList<>()));
        for (ObservationRow o : observations.ofPerson(personId, range.from(), range.to())) {
            if (o.teacherId() != personId || o.total() == null) {
                continue;
            }
            termList.stream().filter(t -> t.contains(o.observedOn())).findFirst()
                    .ifPresent(t -> scores.get(t).add(o.total()));
        }
        List<GrowthProfile.ScorePoint> out = new ArrayList<>();
        scores.forEach((term, list) -> {
            if (list.isEmpty()) {
                return;
            }
            BigDecimal sum = list.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal average = sum.divide(BigDecimal.valueOf(list.size()), 1, RoundingMode.HALF_UP);
            out.add(new GrowthProfile.ScorePoint(words.term(term.schoolYear(), term.semester()),
                    words.text("growth.termShort", String.valueOf(term.schoolYear() % 100),
                            String.valueOf((term.schoolYear() + 1) % 100), term.semester()),
                    list.size(), ObservationWork.score(average),
                    ObservationWork.score(list.stream().min(Comparator.naturalOrder()).orElseThrow()),
                    ObservationWork.score(list.stream().max(Comparator.naturalOrder()).orElseThrow())));
        });
        return out;
    }
}
