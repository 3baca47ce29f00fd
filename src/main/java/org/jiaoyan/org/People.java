package org.jiaoyan.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.dictionary.DictKind;
import org.jiaoyan.dictionary.Dictionaries;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.DataScope;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jiaoyan.shared.SqlFilter;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teachers and staff: search, detail, create, edit, recycle bin, transfers, bulk import. Every method checks the
 * caller's data scope; a person outside it is reported as not found so that ids do not leak existence.
 */
@Service
@Transactional
public class People {

    /** Sort keys the list accepts, mapped to SQL; anything else sorts by name. */
    private static final Map<String, String> SORTS = Map.of(
            "name", "p.name", "school", "u.sort_order, u.name", "birth", "p.birth_date",
            "start", "p.work_start_date", "title", "t.rank_value", "updated", "p.updated_at");

    private static final String SELECT = """
            select p.id, p.institution_id, u.name as institution_name, p.name, p.gender, p.mobile, p.birth_date,
                   p.work_start_date, p.title_code, p.party_member, p.status, p.note, p.version, p.deleted_at, p.updated_at,
                   p.birth_month_only, p.work_start_month_only
              from person p
              join org_unit u on u.id = p.institution_id
              left join dict_item t on t.kind = 'title' and t.code = p.title_code""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Dictionaries dictionaries;
    private final AuditLog audit;

    public People(JdbcClient jdbc, NamedParameterJdbcTemplate named, Dictionaries dictionaries, AuditLog audit) {
        this.jdbc = jdbc;
        this.named = named;
        this.dictionaries = dictionaries;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public PageResult<Person> search(PersonFilter filter, PageQuery requested) {
        SqlFilter where = filterSql(filter, LocalDate.now());
        long total = where.bind(jdbc.sql("select count(*) from person p join org_unit u on u.id = p.institution_id"
                + where.sql())).query(Long.class).single();
        PageQuery page = requested.within(total);
        String order = SORTS.getOrDefault(page.sort() == null ? "" : page.sort(), "p.name");
        String dir = page.desc() ? " desc" : " asc";
        List<Person> rows = where.bind(jdbc.sql(SELECT + where.sql() + " order by " + order.replace(",", dir + ",")
                        + dir + ", p.id limit :limit offset :offset"))
                .param("limit", page.size()).param("offset", page.offset())
                .query(People::row).list();
        return new PageResult<>(withDetails(rows), total, page.page(), page.size());
    }

    /** Everything the filter matches, for the Excel export (bounded so a mistake cannot exhaust memory). */
    @Transactional(readOnly = true)
    public List<Person> export(PersonFilter filter) {
        SqlFilter where = filterSql(filter, LocalDate.now());
        List<Person> rows = where.bind(jdbc.sql(SELECT + where.sql() + " order by u.sort_order, u.name, p.name, p.id limit 100000"))
                .query(People::row).list();
        return withDetails(rows);
    }

    @Transactional(readOnly = true)
    public Person get(long id) {
        Person p = jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(People::row).optional()
                .orElseThrow(NotFoundException::new);
        if (!Access.scope().canReadPerson(p.id(), p.institutionId())) {
            throw new NotFoundException();
        }
        return withDetails(List.of(p)).get(0);
    }

    public long create(PersonData data) {
        requireManage(data.institutionId());
        validate(null, data);
        long id = insert(data, Access.actor());
        writeDetails(id, data);
        recordStatus(id, PersonStatus.ACTIVE, data.institutionId(), LocalDate.now(), null);
        audit.success("CREATE", "person", id, data.name(), null);
        return id;
    }

    public void update(long id, int version, PersonData data) {
        Person before = get(id);
        requireManage(before.institutionId());
        if (before.deletedAt() != null) {
            throw new NotFoundException();
        }
        if (data.institutionId() != before.institutionId()) {
            // moving between institutions is a transfer with history, not a field edit
            throw new ValidationException("institutionId", "person.useTransfer");
        }
        validate(id, data);
        int n;
        try {
            n = jdbc.sql("""
                    update person set name = :name, gender = :gender, mobile = :mobile, birth_date = :birth,
                           birth_month_only = :birthMonthOnly, work_start_date = :start,
                           work_start_month_only = :startMonthOnly, title_code = :title, party_member = :party, note = :note,
                           version = version + 1, updated_at = :now, updated_by = :by
                     where id = :id and version = :version and deleted_at is null""")
                    .paramSource(params(data).addValue("now", LocalDateTime.now()).addValue("by", Access.actor())
                            .addValue("id", id).addValue("version", version))
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ValidationException("mobile", "person.mobile.duplicate", data.mobile());
        }
        if (n == 0) {
            throw new StaleEditException();
        }
        jdbc.sql("delete from person_subject where person_id = ?").param(id).update();
        jdbc.sql("delete from person_grade where person_id = ?").param(id).update();
        jdbc.sql("delete from person_honour where person_id = ?").param(id).update();
        writeDetails(id, data);
        audit.success("UPDATE", "person", id, data.name(), AuditLog.diff(snapshot(before), snapshot(data)));
    }

    /** Moves the person to the recycle bin; their records stay. */
    public void delete(long id, int version) {
        Person p = get(id);
        requireManage(p.institutionId());
        int n = jdbc.sql("""
                update person set deleted_at = :now, deleted_by = :by, version = version + 1
                 where id = :id and version = :version and deleted_at is null""")
                .param("now", LocalDateTime.now()).param("by", Access.actor()).param("id", id).param("version", version)
                .update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("DELETE", "person", id, p.name(), null);
    }

    public void restore(long id) {
        Person p = get(id);
        requireManage(p.institutionId());
        if (p.deletedAt() == null) {
            return;
        }
        if (p.mobile() != null && mobileTaken(p.mobile(), id)) {
            throw new ValidationException("mobile", "person.mobile.duplicate", p.mobile());
        }
        jdbc.sql("update person set deleted_at = null, deleted_by = null, version = version + 1 where id = ?")
                .param(id).update();
        audit.success("RESTORE", "person", id, p.name(), null);
    }

    /** 调动: the person moves to another institution on a date; all their records keep pointing at them. */
    public void transfer(long id, int version, long toInstitutionId, LocalDate effective, @Nullable String note) {
        Person p = get(id);
        requireManage(p.institutionId());
        if (toInstitutionId == p.institutionId()) {
            throw new ValidationException("institutionId", "person.transfer.same");
        }
        jdbc.sql("select count(*) from org_unit where id = ? and type = 'INSTITUTION' and deleted_at is null")
                .param(toInstitutionId).query(Long.class).optional().filter(c -> c > 0)
                .orElseThrow(() -> new ValidationException("institutionId", "person.institution.unknown"));
        int n = jdbc.sql("""
                update person set institution_id = :to, version = version + 1, updated_at = :now, updated_by = :by
                 where id = :id and version = :version and deleted_at is null""")
                .param("to", toInstitutionId).param("now", LocalDateTime.now()).param("by", Access.actor())
                .param("id", id).param("version", version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        jdbc.sql("delete from unit_member where person_id = ? and unit_id in (select id from org_unit where institution_id = ?)")
                .params(id, p.institutionId()).update();
        recordStatus(id, PersonStatus.ACTIVE, toInstitutionId, effective, note);
        audit.success("TRANSFER", "person", id, p.name(), "institution: " + p.institutionId() + " → " + toInstitutionId);
    }

    /** 调出 / 退休 / 在职 with an effective date, kept as history. */
    public void changeStatus(long id, int version, PersonStatus status, LocalDate effective, @Nullable String note) {
        Person p = get(id);
        requireManage(p.institutionId());
        int n = jdbc.sql("""
                update person set status = :status, version = version + 1, updated_at = :now, updated_by = :by
                 where id = :id and version = :version and deleted_at is null""")
                .param("status", status.name()).param("now", LocalDateTime.now()).param("by", Access.actor())
                .param("id", id).param("version", version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        recordStatus(id, status, p.institutionId(), effective, note);
        audit.success("STATUS", "person", id, p.name(), "status: " + p.status() + " → " + status);
    }

    @Transactional(readOnly = true)
    public List<StatusChange> history(long id) {
        get(id);
        return jdbc.sql("""
                select c.status, c.institution_id, u.name, c.effective_date, c.note, c.created_by
                  from person_status_change c join org_unit u on u.id = c.institution_id
                 where c.person_id = ? order by c.effective_date desc, c.id desc""")
                .param(id)
                .query((rs, i) -> new StatusChange(PersonStatus.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** Mobiles of the given list that already belong to someone (for import row errors). */
    @Transactional(readOnly = true)
    public Set<String> existingMobiles(Collection<String> mobiles) {
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(mobiles);
        for (int i = 0; i < all.size(); i += 1000) {
            found.addAll(jdbc.sql("select mobile from person where mobile in (:m)")
                    .param("m", all.subList(i, Math.min(all.size(), i + 1000))).query(String.class).list());
        }
        return found;
    }

    /**
     * Inserts already-validated people in batches (roster import); all or nothing with the caller's transaction.
     * Uniqueness is still guarded by the database index.
     */
    public int createAll(long institutionId, List<PersonData> rows) {
        requireManage(institutionId);
        String by = Access.actor();
        LocalDateTime now = LocalDateTime.now();
        int done = 0;
        for (int from = 0; from < rows.size(); from += 500) {
            List<PersonData> chunk = rows.subList(from, Math.min(rows.size(), from + 500));
            MapSqlParameterSource[] batch = chunk.stream()
                    .map(d -> params(d).addValue("by", by).addValue("now", now)).toArray(MapSqlParameterSource[]::new);
            var keys = new GeneratedKeyHolder();
            named.batchUpdate("""
                    insert into person (institution_id, name, gender, mobile, birth_date, birth_month_only, work_start_date,
                                        work_start_month_only, title_code, party_member, note, created_at, created_by,
                                        updated_at, updated_by)
                    values (:institutionId, :name, :gender, :mobile, :birth, :birthMonthOnly, :start, :startMonthOnly,
                            :title, :party, :note, :now, :by, :now, :by)""",
                    batch, keys, new String[] {"id"});
            List<Long> ids = keys.getKeyList().stream().map(k -> ((Number) k.get("id")).longValue()).toList();
            List<MapSqlParameterSource> subjects = new ArrayList<>();
            List<MapSqlParameterSource> grades = new ArrayList<>();
            List<MapSqlParameterSource> history = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                long id = ids.get(i);
                PersonData d = chunk.get(i);
                for (int s = 0; s < d.subjects().size(); s++) {
                    subjects.add(new MapSqlParameterSource("p", id).addValue("c", d.subjects().get(s)).addValue("o", s));
                }
                d.grades().forEach(g -> grades.add(new MapSqlParameterSource("p", id).addValue("c", g)));
                history.add(new MapSqlParameterSource("p", id).addValue("i", institutionId).addValue("d", now.toLocalDate())
                        .addValue("by", by));
            }
            named.batchUpdate("insert into person_subject (person_id, subject_code, sort_order) values (:p, :c, :o)",
                    subjects.toArray(MapSqlParameterSource[]::new));
            named.batchUpdate("insert into person_grade (person_id, grade_code) values (:p, :c)",
                    grades.toArray(MapSqlParameterSource[]::new));
            named.batchUpdate("""
                    insert into person_status_change (person_id, status, institution_id, effective_date, note, created_by)
                    values (:p, 'ACTIVE', :i, :d, '导入', :by)""", history.toArray(MapSqlParameterSource[]::new));
            done += chunk.size();
        }
        audit.success("IMPORT", "person", institutionId, "导入 " + done + " 人", null);
        return done;
    }

    /** Names of the groups (教研组, 备课组) the person belongs to or leads, in the school's order: a profile's header. */
    @Transactional(readOnly = true)
    public List<String> groupNames(long personId) {
        Long institution = jdbc.sql("select institution_id from person where id = ?").param(personId).query(Long.class)
                .optional().orElseThrow(NotFoundException::new);
        if (!Access.scope().canReadPerson(personId, institution)) {
            throw new NotFoundException();
        }
        return jdbc.sql("""
                select coalesce(u.short_name, u.name) from org_unit u
                 where u.type = 'GROUP' and u.deleted_at is null
                   and (u.leader_id = :p or exists (select 1 from unit_member m where m.unit_id = u.id and m.person_id = :p))
                 order by u.sort_order, u.name limit 50""")
                .param("p", personId).query(String.class).list();
    }

    /** Live people of an institution (pickers for group members and leaders). */
    @Transactional(readOnly = true)
    public List<Person> ofInstitution(long institutionId) {
        if (!Access.scope().canReadInstitution(institutionId)) {
            throw new NotFoundException();
        }
        return jdbc.sql(SELECT + " where p.institution_id = ? and p.deleted_at is null and p.status = 'ACTIVE' order by p.name")
                .param(institutionId).query(People::row).list();
    }

    // ---------------------------------------------------------------------------------------------------------

    private SqlFilter filterSql(PersonFilter f, LocalDate today) {
        DataScope scope = Access.scope();
        SqlFilter w = new SqlFilter().where(f.deleted() ? "p.deleted_at is not null" : "p.deleted_at is null");
        if (!scope.all()) {
            w.where("(p.institution_id in (:scopeInst) or p.id in (:scopePerson))",
                    "scopeInst", scope.institutionIds(), "scopePerson", scope.personIds());
        }
        w.whenSet(f.institutionId(), "p.institution_id = :inst", "inst")
                .whenSet(f.titleCode(), "p.title_code = :title", "title")
                .whenSet(f.status() == null ? null : f.status().name(), "p.status = :status", "status")
                .whenSet(f.subjectCode(), "exists (select 1 from person_subject s where s.person_id = p.id and s.subject_code = :subject)", "subject")
                .contains(f.q(), "(lower(p.name) like :q or p.mobile like :q)", "q");
        if (f.ageBand() != null) {
            w.whenSet(f.ageBand().bornOnOrBefore(today), "p.birth_date <= :bornBefore", "bornBefore")
                    .whenSet(f.ageBand().bornAfter(today), "p.birth_date > :bornAfter", "bornAfter");
        }
        return w;
    }

    private void validate(@Nullable Long id, PersonData d) {
        List<FieldProblem> problems = new ArrayList<>();
        if (d.mobile() != null && mobileTaken(d.mobile(), id)) {
            problems.add(new FieldProblem("mobile", "person.mobile.duplicate", d.mobile()));
        }
        LocalDate today = LocalDate.now();
        if (d.birthDate() != null && (d.birthDate().isAfter(today.minusYears(16)) || d.birthDate().getYear() < 1930)) {
            problems.add(new FieldProblem("birthDate", "person.birthDate.implausible"));
        }
        if (d.workStartDate() != null && d.workStartDate().isAfter(today)) {
            problems.add(new FieldProblem("workStartDate", "person.workStartDate.future"));
        } else if (d.workStartDate() != null && d.birthDate() != null
                && d.workStartDate().isBefore(d.birthDate().plusYears(16))) {
            problems.add(new FieldProblem("workStartDate", "person.workStartDate.beforeAdult"));
        }
        if (d.titleCode() != null && dictionaries.find(DictKind.TITLE, d.titleCode()).isEmpty()) {
            problems.add(new FieldProblem("titleCode", "dictionary.unknown"));
        }
        if (d.subjects().stream().anyMatch(s -> dictionaries.find(DictKind.SUBJECT, s).isEmpty())) {
            problems.add(new FieldProblem("subjects", "dictionary.unknown"));
        }
        if (d.grades().stream().anyMatch(s -> dictionaries.find(DictKind.GRADE, s).isEmpty())) {
            problems.add(new FieldProblem("grades", "dictionary.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private boolean mobileTaken(String mobile, @Nullable Long exceptId) {
        return jdbc.sql("select count(*) from person where mobile = :m and id <> :id")
                .param("m", mobile).param("id", exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    private void requireManage(long institutionId) {
        DataScope scope = Access.scope();
        if (!scope.canManageInstitution(institutionId)) {
            if (scope.canReadInstitution(institutionId)) {
                throw new ForbiddenException();
            }
            throw new NotFoundException();
        }
    }

    private long insert(PersonData d, String by) {
        try {
            return Inserts.id(jdbc.sql("""
                    insert into person (institution_id, name, gender, mobile, birth_date, birth_month_only, work_start_date,
                                        work_start_month_only, title_code, party_member, note, created_at, created_by,
                                        updated_at, updated_by)
                    values (:institutionId, :name, :gender, :mobile, :birth, :birthMonthOnly, :start, :startMonthOnly,
                            :title, :party, :note, :now, :by, :now, :by)""")
                    .paramSource(params(d).addValue("now", LocalDateTime.now()).addValue("by", by)));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // someone saved the same mobile between validate() and here: the unique index answers, with the same message
            throw new ValidationException("mobile", "person.mobile.duplicate", d.mobile());
        }
    }

    private static MapSqlParameterSource params(PersonData d) {
        return new MapSqlParameterSource()
                .addValue("institutionId", d.institutionId()).addValue("name", d.name()).addValue("gender", d.gender())
                .addValue("mobile", d.mobile()).addValue("birth", d.birthDate()).addValue("start", d.workStartDate())
                .addValue("birthMonthOnly", d.birthMonthOnly()).addValue("startMonthOnly", d.workStartMonthOnly())
                .addValue("title", d.titleCode()).addValue("party", d.partyMember()).addValue("note", d.note());
    }

    private void writeDetails(long id, PersonData d) {
        for (int i = 0; i < d.subjects().size(); i++) {
            jdbc.sql("insert into person_subject (person_id, subject_code, sort_order) values (?, ?, ?)")
                    .params(id, d.subjects().get(i), i).update();
        }
        for (String g : d.grades()) {
            jdbc.sql("insert into person_grade (person_id, grade_code) values (?, ?)").params(id, g).update();
        }
        for (Honour h : d.honours()) {
            jdbc.sql("insert into person_honour (person_id, honour_code, level_code, award_year) values (?, ?, ?, ?)")
                    .params(id, h.code(), h.levelCode(), h.year()).update();
        }
    }

    private void recordStatus(long id, PersonStatus status, long institutionId, LocalDate effective, @Nullable String note) {
        jdbc.sql("""
                insert into person_status_change (person_id, status, institution_id, effective_date, note, created_by)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, status.name(), institutionId, effective, note, Access.actor()).update();
    }

    /** Subjects, grades and honours for a page of people: three queries, not three per row. */
    private List<Person> withDetails(List<Person> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<Long> ids = rows.stream().map(Person::id).toList();
        Map<Long, List<String>> subjects = new HashMap<>();
        jdbc.sql("select person_id, subject_code from person_subject where person_id in (:ids) order by person_id, sort_order")
                .param("ids", ids).query(rs -> {
                    subjects.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<Long, List<String>> grades = new HashMap<>();
        jdbc.sql("""
                select g.person_id, g.grade_code from person_grade g
                  left join dict_item d on d.kind = 'grade' and d.code = g.grade_code
                 where g.person_id in (:ids) order by g.person_id, d.sort_order""")
                .param("ids", ids).query(rs -> {
                    grades.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<Long, List<Honour>> honours = new HashMap<>();
        jdbc.sql("select person_id, honour_code, level_code, award_year from person_honour where person_id in (:ids) order by person_id, award_year desc, id")
                .param("ids", ids).query(rs -> {
                    honours.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Honour(rs.getString(2), rs.getString(3), (Integer) rs.getObject(4, Integer.class)));
                });
        return rows.stream().map(p -> p.withDetails(subjects.getOrDefault(p.id(), List.of()),
                grades.getOrDefault(p.id(), List.of()), honours.getOrDefault(p.id(), List.of()))).toList();
    }

    private static Person row(ResultSet rs, int i) throws SQLException {
        var deleted = rs.getTimestamp("deleted_at");
        var updated = rs.getTimestamp("updated_at");
        return new Person(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("institution_name"),
                rs.getString("name"), rs.getString("gender"), rs.getString("mobile"),
                rs.getObject("birth_date", LocalDate.class), rs.getObject("work_start_date", LocalDate.class),
                rs.getString("title_code"), rs.getBoolean("party_member"), PersonStatus.valueOf(rs.getString("status")),
                rs.getString("note"), List.of(), List.of(), List.of(), rs.getInt("version"),
                deleted == null ? null : deleted.toLocalDateTime(), updated == null ? null : updated.toLocalDateTime(),
                rs.getBoolean("birth_month_only"), rs.getBoolean("work_start_month_only"));
    }

    private static Map<String, Object> snapshot(Person p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("gender", p.gender());
        m.put("mobile", p.mobile());
        m.put("birthDate", p.birthDate());
        m.put("workStartDate", p.workStartDate());
        m.put("title", p.titleCode());
        m.put("party", p.partyMember());
        m.put("subjects", p.subjects());
        m.put("grades", p.grades());
        m.put("note", p.note());
        return m;
    }

    private static Map<String, Object> snapshot(PersonData d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("gender", d.gender());
        m.put("mobile", d.mobile());
        m.put("birthDate", d.birthDate());
        m.put("workStartDate", d.workStartDate());
        m.put("title", d.titleCode());
        m.put("party", d.partyMember());
        m.put("subjects", d.subjects());
        m.put("grades", d.grades());
        m.put("note", d.note());
        return m;
    }

    /** One line of a person's status and transfer history. */
    public record StatusChange(PersonStatus status, long institutionId, String institutionName, LocalDate effectiveDate,
                               @Nullable String note, @Nullable String by) {
    }
}
