package org.jiaoyan.org;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** School years and terms with their holidays; one calendar for the installation, edited by administrators. */
@Service
@Transactional
public class Terms {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public Terms(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<SchoolTerm> all() {
        List<SchoolTerm> terms = jdbc.sql("""
                select id, school_year, semester, start_date, end_date, version from school_term
                 where deleted_at is null order by start_date desc""")
                .query((rs, i) -> new SchoolTerm(rs.getLong(1), rs.getInt(2), rs.getInt(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), List.of(), rs.getInt(6)))
                .list();
        Map<Long, List<SchoolTerm.Holiday>> holidays = new HashMap<>();
        jdbc.sql("select term_id, name, start_date, end_date from term_holiday order by start_date").query(rs -> {
            holidays.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new SchoolTerm.Holiday(rs.getString(2),
                    rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
        });
        return terms.stream().map(t -> new SchoolTerm(t.id(), t.schoolYear(), t.semester(), t.startDate(), t.endDate(),
                holidays.getOrDefault(t.id(), List.of()), t.version())).toList();
    }

    @Transactional(readOnly = true)
    public SchoolTerm get(long id) {
        return all().stream().filter(t -> t.id() == id).findFirst().orElseThrow(NotFoundException::new);
    }

    /** The term containing the day, else the next one to start, else the last one that ended. */
    @Transactional(readOnly = true)
    public Optional<SchoolTerm> current(LocalDate day) {
        List<SchoolTerm> all = all();
        return all.stream().filter(t -> t.contains(day)).findFirst()
                .or(() -> all.stream().filter(t -> t.startDate().isAfter(day))
                        .min((a, b) -> a.startDate().compareTo(b.startDate())))
                .or(() -> all.stream().findFirst());
    }

    @Transactional(readOnly = true)
    public Optional<SchoolTerm> current() {
        return current(LocalDate.now());
    }

    public long create(int schoolYear, int semester, LocalDate start, LocalDate end, List<SchoolTerm.Holiday> holidays) {
        Access.requireAdmin();
        validate(null, schoolYear, semester, start, end, holidays);
        long id = Inserts.id(jdbc.sql("""
                insert into school_term (school_year, semester, start_date, end_date, created_by, updated_by)
                values (?, ?, ?, ?, ?, ?)""").params(schoolYear, semester, start, end, Access.actor(), Access.actor()));
        writeHolidays(id, holidays);
        audit.success("CREATE", "school_term", id, schoolYear + "-" + semester, null);
        return id;
    }

    public void update(long id, int version, int schoolYear, int semester, LocalDate start, LocalDate end,
                       List<SchoolTerm.Holiday> holidays) {
        Access.requireAdmin();
        SchoolTerm before = get(id);
        validate(id, schoolYear, semester, start, end, holidays);
        int n = jdbc.sql("""
                update school_term set school_year = ?, semester = ?, start_date = ?, end_date = ?, version = version + 1,
                       updated_at = ?, updated_by = ? where id = ? and version = ? and deleted_at is null""")
                .params(schoolYear, semester, start, end, LocalDateTime.now(), Access.actor(), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        jdbc.sql("delete from term_holiday where term_id = ?").param(id).update();
        writeHolidays(id, holidays);
        audit.success("UPDATE", "school_term", id, before.label(),
                AuditLog.diff(Map.of("start", before.startDate(), "end", before.endDate()), Map.of("start", start, "end", end)));
    }

    public void delete(long id, int version) {
        Access.requireAdmin();
        SchoolTerm t = get(id);
        int n = jdbc.sql("update school_term set deleted_at = ?, deleted_by = ?, version = version + 1 where id = ? and version = ?")
                .params(LocalDateTime.now(), Access.actor(), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("DELETE", "school_term", id, t.label(), null);
    }

    private void validate(Long id, int schoolYear, int semester, LocalDate start, LocalDate end,
                          List<SchoolTerm.Holiday> holidays) {
        List<FieldProblem> problems = new ArrayList<>();
        if (semester != 1 && semester != 2) {
            problems.add(new FieldProblem("semester", "term.semester.invalid"));
        }
        if (!end.isAfter(start)) {
            problems.add(new FieldProblem("endDate", "term.end.beforeStart"));
        }
        if (start.getYear() < schoolYear || start.getYear() > schoolYear + 1) {
            problems.add(new FieldProblem("startDate", "term.start.outsideYear"));
        }
        for (SchoolTerm.Holiday h : holidays) {
            if (h.startDate().isBefore(start) || h.endDate().isAfter(end) || h.endDate().isBefore(h.startDate())) {
                problems.add(new FieldProblem("holidays", "term.holiday.outside", h.name()));
            }
        }
        long clash = jdbc.sql("""
                select count(*) from school_term where deleted_at is null and id <> ?
                   and ((school_year = ? and semester = ?) or (start_date <= ? and end_date >= ?))""")
                .params(id == null ? -1L : id, schoolYear, semester, end, start).query(Long.class).single();
        if (clash > 0) {
            problems.add(new FieldProblem("startDate", "term.overlap"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private void writeHolidays(long termId, List<SchoolTerm.Holiday> holidays) {
        for (SchoolTerm.Holiday h : holidays) {
            jdbc.sql("insert into term_holiday (term_id, name, start_date, end_date) values (?, ?, ?, ?)")
                    .params(termId, h.name(), h.startDate(), h.endDate()).update();
        }
    }
}
