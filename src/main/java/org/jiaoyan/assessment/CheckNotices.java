package org.jiaoyan.assessment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.SubjectDirectory;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 月查通报 for its readers. Who reads a round is {@link CheckRounds#sheet}'s rule (drafts: the school's leaders and the
 * round's checkers; published: every staff member of the school; other schools: 404). What they read of the ranking:
 * the whole ranking of a groups' round; of a teachers' round the whole ranking only for the checkers and the school's
 * leaders, other staff see their own line and their rank among how many were ranked (there is no setting yet by
 * which the office would publish a teachers' ranking to everyone).
 */
@Service
@Transactional(readOnly = true)
public class CheckNotices {

    private final CheckRounds rounds;
    private final SubjectDirectory subjects;
    private final OrgUnits units;
    private final JdbcClient jdbc;

    CheckNotices(CheckRounds rounds, SubjectDirectory subjects, OrgUnits units, JdbcClient jdbc) {
        this.rounds = rounds;
        this.subjects = subjects;
        this.units = units;
        this.jdbc = jdbc;
    }

    public CheckNotice notice(long roundId) {
        CheckSheet sheet = rounds.fullSheet(roundId);
        CheckRound r = sheet.round();
        CurrentUser u = Access.user();
        Long me = u.personId();
        Set<Long> own = new HashSet<>();
        if (me != null) {
            if (r.level() == CheckLevel.TEACHERS) {
                own.add(me);
            } else {
                List<Long> groups = sheet.lines().stream().map(CheckSheet.Line::subjectId).toList();
                for (Map.Entry<Long, List<Long>> g : subjects.members(groups).entrySet()) {
                    if (g.getValue().contains(me)) {
                        own.add(g.getKey());
                    }
                }
            }
        }
        boolean whole = wholeRanking(sheet);
        List<CheckSheet.Line> lines = whole ? sheet.lines()
                : sheet.lines().stream().filter(l -> own.contains(l.subjectId())).toList();
        own.retainAll(sheet.lines().stream().map(CheckSheet.Line::subjectId).toList());
        String school = Access.asSystem(() -> units.get(r.institutionId())).name();
        LocalDateTime published = jdbc.sql("select published_at from check_round where id = ?").param(roundId)
                .query((rs, i) -> rs.getObject(1, LocalDateTime.class)).list().stream().filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        return new CheckNotice(r, sheet.criteria(), lines, Set.copyOf(own), sheet.lines().size(), whole, school,
                published == null ? null : published.toLocalDate());
    }

    /** True when the user reads the round's whole ranking (see the class comment); false sends them to the 通报. */
    public boolean wholeRanking(CheckSheet sheet) {
        CheckRound r = sheet.round();
        return r.level() == CheckLevel.GROUPS || sheet.canManage() || Access.user().scope().canReadInstitution(r.institutionId());
    }
}
