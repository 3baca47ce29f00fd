package org.jiaoyan.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.profile.ProfileRow;
import org.jiaoyan.profile.ProfileSection;
import org.jiaoyan.profile.ProfileTable;
import org.jiaoyan.profile.ProfileTeacher;
import org.jiaoyan.profile.YearRange;
import org.jiaoyan.security.Access;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The growth profile's 考核 part: the teacher's term results (total, rank among how many, published or live) and
 * the published 月查 rounds they were checked in, with their score.
 */
@Component
@Transactional(readOnly = true)
class AssessmentWork implements ProfileSection {

    private final Scorecards scorecards;
    private final Terms terms;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    AssessmentWork(Scorecards scorecards, Terms terms, JdbcClient jdbc, MessageSource messages) {
        this.scorecards = scorecards;
        this.terms = terms;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<ProfileTable> tables(ProfileTeacher teacher, YearRange years, Locale locale) {
        long school = teacher.institutionId();
        if (!scorecards.canRead(Access.user(), school, CheckLevel.TEACHERS, teacher.personId())) {
            return List.of();
        }
        LocalDate today = LocalDate.now();
        List<ProfileRow> results = new ArrayList<>();
        for (SchoolTerm t : terms.all()) {
            if (t.startDate().isAfter(today) || t.endDate().isBefore(years.from()) || t.startDate().isAfter(years.to())) {
                continue;
            }
            ScoreBoard board = scorecards.fullBoard(school, t.id(), CheckLevel.TEACHERS, today);
            ScoreBoard.Entry e = board.entry(teacher.personId());
            // a term nobody scored in (nothing recorded yet) says nothing about the teacher
            if (e == null || board.entries().stream().noneMatch(x -> x.total() != null && x.total() != 0)) {
                continue;
            }
            long ranked = board.entries().stream().filter(x -> !x.exempt()).count();
            String status = text(board.locked() ? "assessment.growth.locked" : board.published() ? "assessment.growth.published"
                    : "assessment.growth.live", locale);
            results.add(new ProfileRow(t.startDate(), "/scorecards/" + teacher.personId() + "?termId=" + t.id() + "&level=TEACHERS",
                    List.of(locale.getLanguage().equals("zh") ? t.label() : t.labelEn(),
                            e.exempt() ? text("assessment.growth.exempt", locale) : CheckRounds.fmt(e.total()),
                            e.exempt() ? "—" : text("assessment.growth.rank", locale, e.rank(), ranked), status)));
        }
        List<ProfileRow> rounds = new ArrayList<>();
        jdbc.sql("""
                select r.id, r.month_start, r.title,
                       (select coalesce(sum(s.score), 0) from check_score s join check_criterion c on c.id = s.criterion_id
                         where c.round_id = r.id and s.subject_id = cs.subject_id) as score,
                       (select coalesce(sum(c.max_score), 0) from check_criterion c where c.round_id = r.id) as full_marks
                  from check_round r join check_subject cs on cs.round_id = r.id
                 where r.level = 'TEACHERS' and r.status = 'PUBLISHED' and cs.subject_id = ?
                   and r.month_start between ? and ? order by r.month_start limit 200""")
                .params(teacher.personId(), years.from(), years.to())
                .query(rs -> {
                    rounds.add(new ProfileRow(rs.getObject(2, LocalDate.class), "/checks/" + rs.getLong(1) + "/notice",
                            List.of(rs.getString(3), text("assessment.growth.score", locale,
                                    CheckRounds.fmt(rs.getBigDecimal(4).doubleValue()), CheckRounds.fmt(rs.getBigDecimal(5).doubleValue())))));
                });
        return List.of(
                new ProfileTable("assessment", "assessment.growth.results",
                        List.of("assessment.growth.col.term", "assessment.growth.col.total", "assessment.growth.col.rank",
                                "assessment.growth.col.status"), results),
                new ProfileTable("checks", "assessment.growth.checks",
                        List.of("assessment.growth.col.round", "assessment.growth.col.score"), rounds));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
