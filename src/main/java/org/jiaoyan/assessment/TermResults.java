package org.jiaoyan.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.security.Access;
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
 * What the 教科室 does with a term's assessment: the appeal deadline, leave (days not in place), entries for ENTRY
 * items, publishing the results for 公示 (they are frozen from then on) and locking them for good. Locked results
 * refuse every change: entries, leave, appeals and the scheme's effect on them.
 */
@Service
@Transactional
public class TermResults {

    private final JdbcClient jdbc;
    private final Schemes schemes;
    private final Scorecards scorecards;
    private final Terms terms;
    private final AuditLog audit;

    TermResults(JdbcClient jdbc, Schemes schemes, Scorecards scorecards, Terms terms, AuditLog audit) {
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.scorecards = scorecards;
        this.terms = terms;
        this.audit = audit;
    }

    /** The term's settings of the user's school: the appeal deadline (null: none set) and its version. */
    public record Settings(@Nullable LocalDate appealDeadline, int version) {
    }

    public record Leave(long id, long personId, String personName, LocalDate from, LocalDate to, String reason) {
    }

    public record Entry(long id, long subjectId, String subjectName, String itemCode, String title, LocalDate on) {
    }

    @Transactional(readOnly = true)
    public Settings settings(long termId) {
        return settings(school(), termId);
    }

    Settings settings(long school, long termId) {
        return jdbc.sql("select appeal_deadline, version from assess_term where institution_id = ? and term_id = ?")
                .params(school, termId).query((rs, i) -> new Settings(rs.getObject(1, LocalDate.class), rs.getInt(2)))
                .optional().orElse(new Settings(null, 0));
    }

    public void setAppealDeadline(long termId, int version, @Nullable LocalDate deadline) {
        long school = managed();
        SchoolTerm term = terms.get(termId);
        if (deadline != null && (deadline.isBefore(term.startDate()) || deadline.isAfter(term.endDate().plusDays(60)))) {
            throw new ValidationException("appealDeadline", "assessment.deadline.range");
        }
        int n = jdbc.sql("update assess_term set appeal_deadline = ?, version = version + 1 where institution_id = ? and term_id = ? and version = ?")
                .params(deadline, school, termId, version).update();
        if (n == 0) {
            if (version != 0 || settings(school, termId).version() != 0) {
                throw new StaleEditException();
            }
            jdbc.sql("insert into assess_term (institution_id, term_id, appeal_deadline, version) values (?, ?, ?, 1)")
                    .params(school, termId, deadline).update();
        }
        audit.success("UPDATE", "assess_term", termId, "appeal deadline " + deadline, null);
    }

    // --- leave -------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Leave> leaves(long termId) {
        long school = school();
        requireReader(school);
        return jdbc.sql("""
                select l.id, l.person_id, p.name, l.from_date, l.to_date, l.reason from assess_leave l join person p on p.id = l.person_id
                 where l.institution_id = ? and l.term_id = ? and l.deleted_at is null order by l.from_date, p.name""")
                .params(school, termId).query((rs, i) -> new Leave(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6))).list();
    }

    public long addLeave(long termId, @Nullable Long personId, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String reason) {
        long school = managed();
        requireOpen(school, termId, CheckLevel.TEACHERS);
        SchoolTerm term = terms.get(termId);
        List<FieldProblem> problems = new ArrayList<>();
        if (personId == null || !isStaff(school, personId)) {
            problems.add(new FieldProblem("personId", personId == null ? "validation.required" : "assessment.leave.notStaff"));
        }
        if (from == null) {
            problems.add(new FieldProblem("from", "validation.required"));
        } else if (!term.contains(from)) {
            problems.add(new FieldProblem("from", "assessment.leave.outsideTerm"));
        }
        if (to == null) {
            problems.add(new FieldProblem("to", "validation.required"));
        } else if (!term.contains(to)) {
            problems.add(new FieldProblem("to", "assessment.leave.outsideTerm"));
        } else if (from != null && to.isBefore(from)) {
            problems.add(new FieldProblem("to", "assessment.leave.order"));
        }
        String why = Text.clean(reason);
        if (why == null) {
            problems.add(new FieldProblem("reason", "validation.required"));
        } else if (why.length() > 200) {
            problems.add(new FieldProblem("reason", "validation.tooLong", 200));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = Inserts.id(jdbc.sql("""
                insert into assess_leave (institution_id, term_id, person_id, from_date, to_date, reason, created_by) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(school, termId, personId, from, to, why, Access.actor()));
        audit.success("CREATE", "assess_leave", id, why, null);
        return id;
    }

    public void removeLeave(long termId, long leaveId) {
        long school = managed();
        requireOpen(school, termId, CheckLevel.TEACHERS);
        int n = jdbc.sql("update assess_leave set deleted_at = ? where id = ? and institution_id = ? and term_id = ? and deleted_at is null")
                .params(LocalDateTime.now(), leaveId, school, termId).update();
        if (n == 0) {
            throw new NotFoundException();
        }
        audit.success("DELETE", "assess_leave", leaveId, null, null);
    }

    // --- entries -----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Entry> entries(long termId, CheckLevel level) {
        long school = school();
        requireReader(school);
        String name = level == CheckLevel.TEACHERS ? "(select p.name from person p where p.id = e.subject_id)"
                : "(select coalesce(u.short_name, u.name) from org_unit u where u.id = e.subject_id)";
        return jdbc.sql("select e.id, e.subject_id, " + name + ", e.item_code, e.title, e.happened_on from assess_entry e"
                        + " where e.institution_id = ? and e.term_id = ? and e.level = ? and e.deleted_at is null order by e.happened_on desc, e.id desc")
                .params(school, termId, level.name()).query((rs, i) -> new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class))).list();
    }

    /** Records an entry (a paper, an award) for an ENTRY item of the scheme in force. */
    public long addEntry(long termId, CheckLevel level, @Nullable Long subjectId, @Nullable String itemCode,
                         @Nullable String title, @Nullable LocalDate on) {
        long school = managed();
        requireOpen(school, termId, level);
        SchoolTerm term = terms.get(termId);
        Scheme scheme = schemes.current(school, termId, level);
        List<FieldProblem> problems = new ArrayList<>();
        if (subjectId == null || scorecards.subjects(school, level).stream().noneMatch(s -> s.id() == subjectId)) {
            problems.add(new FieldProblem("subjectId", subjectId == null ? "validation.required" : "assessment.entry.notHere"));
        }
        Scheme.Item item = itemCode == null ? null : scheme.item(itemCode);
        if (item == null || item.kind() != SchemeItemKind.ENTRY) {
            problems.add(new FieldProblem("itemCode", itemCode == null ? "validation.required" : "assessment.entry.notEntryItem"));
        }
        String t = Text.clean(title);
        if (t == null) {
            problems.add(new FieldProblem("title", "validation.required"));
        } else if (t.length() > 200) {
            problems.add(new FieldProblem("title", "validation.tooLong", 200));
        }
        if (on == null) {
            problems.add(new FieldProblem("on", "validation.required"));
        } else if (!term.contains(on)) {
            problems.add(new FieldProblem("on", "assessment.entry.outsideTerm"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = Inserts.id(jdbc.sql("""
                insert into assess_entry (institution_id, term_id, level, subject_id, item_code, title, happened_on, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""").params(school, termId, level.name(), subjectId, itemCode, t, on, Access.actor()));
        audit.success("CREATE", "assess_entry", id, t, null);
        return id;
    }

    public void removeEntry(long termId, CheckLevel level, long entryId) {
        long school = managed();
        requireOpen(school, termId, level);
        int n = jdbc.sql("""
                update assess_entry set deleted_at = ?, deleted_by = ? where id = ? and institution_id = ? and term_id = ? and level = ?
                   and deleted_at is null""").params(LocalDateTime.now(), Access.actor(), entryId, school, termId, level.name()).update();
        if (n == 0) {
            throw new NotFoundException();
        }
        audit.success("DELETE", "assess_entry", entryId, null, null);
    }

    // --- publication ---------------------------------------------------------------------------------------------

    /** Freezes today's board for 公示: every item's points and every total are stored with the scheme revision. */
    public long publish(long termId, CheckLevel level) {
        long school = managed();
        if (scorecards.result(school, termId, level) != null) {
            throw new ValidationException(List.of(new FieldProblem(null, "assessment.result.alreadyPublished")));
        }
        long schemeId = schemes.ensureSaved(school, termId, level);
        Scheme scheme = schemes.load(schemeId);
        Scorecards.Live live = scorecards.live(school, terms.get(termId), level, LocalDate.now(), scheme);
        ScoreBoard board = live.board();
        String actor = Access.actor();
        long id = Inserts.id(jdbc.sql("""
                insert into assess_result (institution_id, term_id, level, scheme_id, status, published_at, published_by)
                values (?, ?, ?, ?, 'PUBLISHED', ?, ?)""").params(school, termId, level.name(), schemeId, LocalDateTime.now(), actor));
        var calcs = live.calcs();
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> totals = new ArrayList<>();
        for (ScoreBoard.Entry e : board.entries()) {
            Scorecards.Calc c = calcs.get(e.subjectId());
            for (int i = 0; i < scheme.items().size(); i++) {
                lines.add(new Object[] {id, e.subjectId(), scheme.items().get(i).code(), BigDecimal.valueOf(c.itemPoints()[i])});
            }
            totals.add(new Object[] {id, e.subjectId(), e.name(), e.total() == null ? null : BigDecimal.valueOf(e.total()), e.rank(),
                    BigDecimal.valueOf(Math.round(e.inPlace() * 100) / 100.0), e.note()});
        }
        for (Object[] line : lines) {
            jdbc.sql("insert into assess_result_line (result_id, subject_id, item_code, points) values (?, ?, ?, ?)").params(line).update();
        }
        for (Object[] total : totals) {
            jdbc.sql("insert into assess_result_total (result_id, subject_id, name, total, rank_no, in_place, note) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(total).update();
        }
        audit.success("PUBLISH", "assess_result", id, level.name(), null);
        return id;
    }

    /** The version of the term's published results (0 when not published), which withdraw and lock take. */
    @Transactional(readOnly = true)
    public int resultVersion(long termId, CheckLevel level) {
        long school = school();
        requireReader(school);
        Scorecards.Result r = scorecards.result(school, termId, level);
        return r == null ? 0 : r.version();
    }

    /** Takes a publication back (before it is locked): the board is live again. */
    public void withdraw(long termId, CheckLevel level, int version) {
        long school = managed();
        Scorecards.Result r = requireResult(school, termId, level);
        if (r.status() == ResultStatus.LOCKED) {
            throw new ResultsLockedException();
        }
        if (r.version() != version) {
            throw new StaleEditException();
        }
        jdbc.sql("delete from assess_result_line where result_id = ?").param(r.id()).update();
        jdbc.sql("delete from assess_result_total where result_id = ?").param(r.id()).update();
        jdbc.sql("delete from assess_result where id = ?").param(r.id()).update();
        audit.success("WITHDRAW", "assess_result", r.id(), level.name(), null);
    }

    /** Final: no change to the term's results from now on; refused while appeals are open. */
    public void lock(long termId, CheckLevel level, int version) {
        long school = managed();
        Scorecards.Result r = requireResult(school, termId, level);
        if (r.status() == ResultStatus.LOCKED) {
            throw new ResultsLockedException();
        }
        long open = jdbc.sql("select count(*) from assess_appeal where institution_id = ? and term_id = ? and level = ? and status = 'OPEN'")
                .params(school, termId, level.name()).query(Long.class).single();
        if (open > 0) {
            throw new ValidationException(List.of(new FieldProblem(null, "assessment.result.openAppeals", open)));
        }
        int n = jdbc.sql("""
                update assess_result set status = 'LOCKED', locked_at = ?, locked_by = ?, version = version + 1 where id = ? and version = ?""")
                .params(LocalDateTime.now(), Access.actor(), r.id(), version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("LOCK", "assess_result", r.id(), level.name(), null);
    }

    /** After an accepted appeal on published results: the subject's stored item, total and everyone's rank. */
    void applyToStored(long school, long termId, CheckLevel level, long subjectId, String itemCode, double delta) {
        Scorecards.Result r = scorecards.result(school, termId, level);
        if (r == null) {
            return;
        }
        if (r.status() == ResultStatus.LOCKED) {
            throw new ResultsLockedException();
        }
        jdbc.sql("update assess_result_line set points = points + ? where result_id = ? and subject_id = ? and item_code = ?")
                .params(BigDecimal.valueOf(delta), r.id(), subjectId, itemCode).update();
        Scheme scheme = schemes.load(r.schemeId());
        double[] items = new double[scheme.items().size()];
        jdbc.sql("select item_code, points from assess_result_line where result_id = ? and subject_id = ?").params(r.id(), subjectId)
                .query(rs -> {
                    Scheme.Item item = scheme.item(rs.getString(1));
                    if (item != null) {
                        items[scheme.items().indexOf(item)] = rs.getBigDecimal(2).doubleValue();
                    }
                });
        double total = 0;
        for (double c : Scorecards.categoryPoints(scheme, items)) {
            total += c;
        }
        jdbc.sql("update assess_result_total set total = ? where result_id = ? and subject_id = ? and total is not null")
                .params(BigDecimal.valueOf(Scorecards.round(total)), r.id(), subjectId).update();
        ScoreBoard board = scorecards.fullBoard(school, termId, level, LocalDate.now());
        for (ScoreBoard.Entry e : Scorecards.ranked(board.entries())) {
            jdbc.sql("update assess_result_total set rank_no = ? where result_id = ? and subject_id = ?")
                    .params(e.rank(), r.id(), e.subjectId()).update();
        }
    }

    /** Refuses changes to a term whose results are locked. */
    void requireOpen(long school, long termId, CheckLevel level) {
        Scorecards.Result r = scorecards.result(school, termId, level);
        if (r != null && r.status() == ResultStatus.LOCKED) {
            throw new ResultsLockedException();
        }
    }

    private Scorecards.Result requireResult(long school, long termId, CheckLevel level) {
        Scorecards.Result r = scorecards.result(school, termId, level);
        if (r == null) {
            throw new ValidationException(List.of(new FieldProblem(null, "assessment.result.notPublished")));
        }
        return r;
    }

    private boolean isStaff(long school, long personId) {
        return jdbc.sql("select count(*) from person where id = ? and institution_id = ? and deleted_at is null")
                .params(personId, school).query(Long.class).single() > 0;
    }

    private void requireReader(long school) {
        if (!Access.user().scope().canReadInstitution(school)) {
            throw new ForbiddenException();
        }
    }

    private long school() {
        Long school = Access.user().institutionId();
        if (school == null) {
            throw new NotFoundException();
        }
        return school;
    }

    private long managed() {
        if (!schemes.canManage()) {
            throw new ForbiddenException();
        }
        return school();
    }

}
