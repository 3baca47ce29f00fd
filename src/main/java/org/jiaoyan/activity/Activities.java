package org.jiaoyan.activity;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.files.StoredFile;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.People;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Group activities. Organisers are the department heads of the school and the leader of the organising group; the
 * school's staff, its readers (principal, county) and the participants see an activity; another school's ids are 404.
 */
@Service
@Transactional
public class Activities {

    /** How long a sign-in QR code stays valid after the organiser opens it. */
    static final int SIGNIN_MINUTES = 15;

    private static final String SELECT = """
            select a.*, i.name as institution_name, coalesce(u.short_name, u.name) as organiser_name, t.name as type_name
              from activity a join org_unit i on i.id = a.institution_id join org_unit u on u.id = a.organiser_unit_id
              join activity_type t on t.id = a.type_id""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final org.jiaoyan.files.Attachments attachments;
    private final OrgDirectory directory;
    private final OrgUnits units;
    private final People people;
    private final PlanItems planItems;
    private final SecureRandom random = new SecureRandom();

    Activities(JdbcClient jdbc, AuditLog audit, OrgDirectory directory, OrgUnits units, People people, PlanItems planItems,
               org.jiaoyan.files.Attachments attachments) {
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.audit = audit;
        this.directory = directory;
        this.units = units;
        this.people = people;
        this.planItems = planItems;
    }

    // ---------------------------------------------------------------- who may do what

    /** Organises for the unit: manages its school, or leads the group. */
    @Transactional(readOnly = true)
    public boolean canOrganise(long unitId) {
        CurrentUser u = Access.user();
        Long inst = directory.institutionOfUnit(unitId).orElse(null);
        if (inst == null) {
            return false;
        }
        return u.scope().canManageInstitution(inst)
                || (u.personId() != null && directory.groupsLedBy(u.personId()).contains(unitId));
    }

    private boolean canRead(Activity a) {
        CurrentUser u = Access.user();
        return u.scope().canReadInstitution(a.institutionId()) || Objects.equals(u.institutionId(), a.institutionId())
                || canOrganise(a.organiserUnitId());
    }

    /** Units the user may organise activities for: departments and groups of managed schools, groups they lead. */
    @Transactional(readOnly = true)
    public List<OrgUnit> organiserUnits() {
        CurrentUser u = Access.user();
        Set<Long> seen = new LinkedHashSet<>();
        List<OrgUnit> out = new ArrayList<>();
        for (OrgUnit inst : units.institutions()) {
            if (u.scope().canManageInstitution(inst.id())) {
                for (OrgUnit unit : units.unitsOf(inst.id(), null, false)) {
                    if (unit.type() != UnitType.INSTITUTION && seen.add(unit.id())) {
                        out.add(unit);
                    }
                }
            }
        }
        if (u.personId() != null) {
            for (long group : directory.groupsLedBy(u.personId())) {
                if (seen.add(group)) {
                    out.add(Access.asSystem(() -> units.get(group)));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public List<ActivityType> types() {
        return jdbc.sql("""
                select id, name, collective_prep from activity_type
                 where deleted_at is null and (institution_id is null or institution_id in (:inst))
                 order by sort_order, id""")
                .param("inst", institutionsOfUser())
                .query((rs, i) -> new ActivityType(rs.getLong(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    /** A school's own activity type; the department heads of the school add it. */
    public long addType(long institutionId, String name) {
        if (!Access.scope().canManageInstitution(institutionId)) {
            throw Access.scope().canReadInstitution(institutionId) ? new ForbiddenException() : new NotFoundException();
        }
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new ValidationException("name", "validation.required");
        }
        if (clean.length() > 50) {
            throw new ValidationException("name", "validation.tooLong");
        }
        long same = jdbc.sql("""
                select count(*) from activity_type where deleted_at is null and name = ?
                   and (institution_id is null or institution_id = ?)""").params(clean, institutionId).query(Long.class).single();
        if (same > 0) {
            throw new ValidationException("name", "activity.type.duplicate");
        }
        long id = Inserts.id(jdbc.sql("insert into activity_type (institution_id, name, sort_order) values (?, ?, 100)")
                .params(institutionId, clean));
        audit.success("CREATE", "activity_type", id, clean, null);
        return id;
    }

    /** Removes a school's own type (the shipped ones stay); activities of that type keep it. */
    public void removeType(long typeId) {
        Long inst = jdbc.sql("select institution_id from activity_type where id = ? and deleted_at is null").param(typeId)
                .query((rs, i) -> rs.getObject(1, Long.class)).optional().orElseThrow(NotFoundException::new);
        if (inst == null) {
            throw new ForbiddenException();
        }
        if (!Access.scope().canManageInstitution(inst)) {
            throw new NotFoundException();
        }
        jdbc.sql("update activity_type set deleted_at = ? where id = ?").params(LocalDateTime.now(), typeId).update();
        audit.success("DELETE", "activity_type", typeId, String.valueOf(typeId), null);
    }

    /** Types with the school they belong to (null: shipped), for the settings page. */
    @Transactional(readOnly = true)
    public List<TypeRow> typeRows() {
        return jdbc.sql("""
                select t.id, t.name, t.collective_prep, t.institution_id, i.name from activity_type t
                  left join org_unit i on i.id = t.institution_id
                 where t.deleted_at is null and (t.institution_id is null or t.institution_id in (:inst))
                 order by t.sort_order, t.id""")
                .param("inst", institutionsOfUser())
                .query((rs, i) -> new TypeRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                        rs.getObject(4, Long.class), rs.getString(5))).list();
    }

    /** An activity type as the settings page lists it; institutionId null for the shipped ones. */
    public record TypeRow(long id, String name, boolean collectivePrep, @Nullable Long institutionId,
                          @Nullable String institutionName) {
    }

    @Transactional(readOnly = true)
    public PageResult<ActivityRow> list(ActivityFilter f, PageQuery requested) {
        SqlFilter w = new SqlFilter().where("a.deleted_at is null");
        DataScope scope = Access.scope();
        if (!scope.all()) {
            // participants are always staff of the activity's school, so the schools the user reads cover them too
            w.where("a.institution_id in (:inst)", "inst", institutionsOfUser());
        }
        w.whenSet(f.typeId(), "a.type_id = :type", "type");
        w.whenSet(f.unitId(), "a.organiser_unit_id = :unit", "unit");
        w.whenSet(f.institutionId(), "a.institution_id = :school", "school");
        w.whenSet(f.from() == null ? null : f.from().atStartOfDay(), "a.starts_at >= :from", "from");
        w.whenSet(f.to() == null ? null : f.to().plusDays(1).atStartOfDay(), "a.starts_at < :to", "to");
        w.contains(f.text(), "lower(a.title) like :text", "text");
        long total = w.bind(jdbc.sql("select count(*) from activity a" + w.sql())).query(Long.class).single();
        PageQuery q = requested.within(total);
        String order = switch (q.sort() == null ? "" : q.sort()) {
            case "title" -> "a.title";
            case "type" -> "type_name";
            case "organiser" -> "organiser_name";
            case "school" -> "institution_name";
            default -> "a.starts_at";
        } + (q.desc() || q.sort() == null ? " desc" : "") + ", a.id desc";
        List<ActivityRow> rows = w.bind(jdbc.sql("""
                select a.id, a.title, t.name as type_name, coalesce(u.short_name, u.name) as organiser_name,
                       i.name as institution_name, a.starts_at, coalesce(a.place, '') as place,
                       (select count(*) from activity_participant p where p.activity_id = a.id) as participants,
                       (select count(*) from activity_signin s where s.activity_id = a.id) as signed_in
                  from activity a join org_unit i on i.id = a.institution_id join org_unit u on u.id = a.organiser_unit_id
                  join activity_type t on t.id = a.type_id""" + w.sql() + " order by " + order + " limit :limit offset :offset"))
                .param("limit", q.size()).param("offset", q.offset())
                .query((rs, i) -> new ActivityRow(rs.getLong("id"), rs.getString("title"), rs.getString("type_name"),
                        rs.getString("organiser_name"), rs.getString("institution_name"),
                        rs.getObject("starts_at", LocalDateTime.class), rs.getString("place"), rs.getInt("participants"),
                        rs.getInt("signed_in")))
                .list();
        return new PageResult<>(rows, total, q.page(), q.size());
    }

    @Transactional(readOnly = true)
    public Activity get(long id) {
        Activity a = jdbc.sql(SELECT + " where a.id = ? and a.deleted_at is null").param(id).query(Activities::row)
                .optional().orElseThrow(NotFoundException::new);
        if (!canRead(a) && !isParticipant(id)) {
            throw new NotFoundException();
        }
        return a;
    }

    /** The user's own activities (as a participant) starting between from and to, soonest first: the dashboard's 近期活动. */
    @Transactional(readOnly = true)
    public List<ActivityRow> upcoming(LocalDateTime from, LocalDateTime to) {
        Long me = Access.user().personId();
        if (me == null) {
            return List.of();
        }
        return jdbc.sql("""
                select a.id, a.title, t.name as type_name, coalesce(u.short_name, u.name) as organiser_name,
                       i.name as institution_name, a.starts_at, coalesce(a.place, '') as place, 0 as participants, 0 as signed_in
                  from activity a join activity_participant p on p.activity_id = a.id and p.person_id = :me
                  join org_unit i on i.id = a.institution_id join org_unit u on u.id = a.organiser_unit_id
                  join activity_type t on t.id = a.type_id
                 where a.deleted_at is null and a.starts_at >= :from and a.starts_at < :to
                 order by a.starts_at limit 10""")
                .param("me", me).param("from", from).param("to", to)
                .query((rs, i) -> new ActivityRow(rs.getLong("id"), rs.getString("title"), rs.getString("type_name"),
                        rs.getString("organiser_name"), rs.getString("institution_name"),
                        rs.getObject("starts_at", LocalDateTime.class), rs.getString("place"), 0, 0))
                .list();
    }

    /** Participants and walk-ins with their sign-in, by name. */
    @Transactional(readOnly = true)
    public List<Attendance> attendance(long id) {
        get(id);
        return jdbc.sql("""
                select pe.id, pe.name, s.signed_at, s.method
                  from (select person_id from activity_participant where activity_id = :id
                        union select person_id from activity_signin where activity_id = :id) x
                  join person pe on pe.id = x.person_id
                  left join activity_signin s on s.activity_id = :id and s.person_id = pe.id
                 order by pe.name""")
                .param("id", id)
                .query((rs, i) -> new Attendance(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDateTime.class),
                        rs.getString(4))).list();
    }

    @Transactional(readOnly = true)
    public boolean isParticipant(long id) {
        Long me = Access.user().personId();
        return me != null && jdbc.sql("select count(*) from activity_participant where activity_id = ? and person_id = ?")
                .params(id, me).query(Long.class).single() > 0;
    }

    /**
     * The person's activities between from and to, newest first, at most 1,000: those they organised (created under one
     * of their user names), were invited to, or signed in to. One query; a person outside the scope is a 404.
     */
    @Transactional(readOnly = true)
    public List<PersonActivity> ofPerson(long personId, java.util.Collection<String> usernames, java.time.LocalDate from,
                                         java.time.LocalDate to) {
        requireReadPerson(personId);
        java.util.Collection<String> names = usernames.isEmpty() ? List.of("") : usernames;
        return jdbc.sql("""
                select a.id, a.title, t.name as type_name, coalesce(u.short_name, u.name) as organiser_name, a.starts_at,
                       case when a.created_by in (:names) then true else false end as organised,
                       case when exists (select 1 from activity_participant p where p.activity_id = a.id and p.person_id = :p)
                            then true else false end as participant,
                       s.signed_at
                  from activity a join org_unit u on u.id = a.organiser_unit_id join activity_type t on t.id = a.type_id
                  left join activity_signin s on s.activity_id = a.id and s.person_id = :p
                 where a.deleted_at is null and a.starts_at >= :from and a.starts_at < :to
                   and (a.created_by in (:names) or s.person_id is not null
                        or exists (select 1 from activity_participant p where p.activity_id = a.id and p.person_id = :p))
                 order by a.starts_at desc, a.id desc limit 1000""")
                .param("names", names).param("p", personId)
                .param("from", from.atStartOfDay()).param("to", to.plusDays(1).atStartOfDay())
                .query((rs, i) -> new PersonActivity(rs.getLong("id"), rs.getString("title"), rs.getString("type_name"),
                        rs.getString("organiser_name"), rs.getObject("starts_at", LocalDateTime.class),
                        rs.getBoolean("organised"), rs.getBoolean("participant"),
                        rs.getObject("signed_at", LocalDateTime.class)))
                .list();
    }

    /** A person outside the user's data scope (or unknown) is reported as not found. */
    void requireReadPerson(long personId) {
        Long institution = directory.institutionOfPerson(personId).orElseThrow(NotFoundException::new);
        if (!Access.scope().canReadPerson(personId, institution)) {
            throw new NotFoundException();
        }
    }

    /** Activities both people signed in to between from and to (a mentoring pair's year: 共同参加的活动). */
    @Transactional(readOnly = true)
    public long attendedTogether(long personA, long personB, java.time.LocalDate from, java.time.LocalDate to) {
        return jdbc.sql("""
                select count(*) from activity a
                 where a.deleted_at is null and a.starts_at >= ? and a.starts_at < ?
                   and exists (select 1 from activity_signin s where s.activity_id = a.id and s.person_id = ?)
                   and exists (select 1 from activity_signin s where s.activity_id = a.id and s.person_id = ?)""")
                .params(from.atStartOfDay(), to.plusDays(1).atStartOfDay(), personA, personB).query(Long.class).single();
    }

    // ---------------------------------------------------------------- changing

    public long create(ActivityData d) {
        long institution = checkOrganiser(d.organiserUnitId());
        checked(d);
        long id = Inserts.id(jdbc.sql("""
                insert into activity (institution_id, organiser_unit_id, type_id, title, starts_at, ends_at, place,
                                      plan_item_id, created_by, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(institution, d.organiserUnitId(), d.typeId(), d.title().strip(), d.startsAt(), d.endsAt(),
                        blankToNull(d.place()), d.planItemId(), Access.actor(), Access.actor()));
        for (long person : participants(d, institution)) {
            jdbc.sql("insert into activity_participant (activity_id, person_id) values (?, ?)").params(id, person).update();
        }
        if (d.planItemId() != null) {
            // fulfils the plan item: its status follows (the plan checks that the user may work on the item)
            planItems.linkRecord(d.planItemId(), "activity", id, d.title().strip(), d.startsAt().toLocalDate(), d.organiserUnitId());
        }
        audit.success("CREATE", "activity", id, d.title(), null);
        return id;
    }

    public void update(long id, int version, ActivityData d) {
        Activity before = get(id);
        checkOrganiser(before.organiserUnitId());
        if (d.organiserUnitId() != before.organiserUnitId()) {
            checkOrganiser(d.organiserUnitId());
        }
        checked(d);
        int n = jdbc.sql("""
                update activity set organiser_unit_id = ?, type_id = ?, title = ?, starts_at = ?, ends_at = ?, place = ?,
                       version = version + 1, updated_at = ?, updated_by = ?
                 where id = ? and version = ? and deleted_at is null""")
                .params(d.organiserUnitId(), d.typeId(), d.title().strip(), d.startsAt(), d.endsAt(), blankToNull(d.place()),
                        LocalDateTime.now(), Access.actor(), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("UPDATE", "activity", id, d.title(), null);
    }

    /** Saves 方案 (plan), 记录 (record) or 总结 (summary) as plain text. */
    public void saveText(long id, int version, String part, @Nullable String text) {
        Activity a = get(id);
        checkOrganiser(a.organiserUnitId());
        String column = switch (part) {
            case "plan" -> "plan_text";
            case "record" -> "record_text";
            case "summary" -> "summary_text";
            default -> throw new NotFoundException();
        };
        if (text != null && text.length() > 20_000) {
            throw new ValidationException(part, "validation.tooLong");
        }
        int n = jdbc.sql("update activity set " + column + " = ?, version = version + 1, updated_at = ?, updated_by = ?"
                        + " where id = ? and version = ?")
                .params(text == null || text.isBlank() ? null : text.strip(), LocalDateTime.now(), Access.actor(), id, version)
                .update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("UPDATE", "activity", id, a.title(), AuditLog.fact("part", part));
    }

    public void delete(long id, int version) {
        Activity a = get(id);
        checkOrganiser(a.organiserUnitId());
        int n = jdbc.sql("update activity set deleted_at = ?, deleted_by = ?, version = version + 1 where id = ? and version = ?")
                .params(LocalDateTime.now(), Access.actor(), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        if (a.planItemId() != null) {
            planItems.unlinkRecord(a.planItemId(), "activity", id);
        }
        audit.success("DELETE", "activity", id, a.title(), null);
    }

    /** Deleted activities the user organises (managed schools, groups led), newest deletion first. */
    @Transactional(readOnly = true)
    public List<ActivityRow> deleted() {
        CurrentUser u = Access.user();
        List<Long> groups = u.personId() == null ? List.of() : directory.groupsLedBy(u.personId());
        return jdbc.sql("""
                select a.id, a.title, t.name as type_name, coalesce(u.short_name, u.name) as organiser_name,
                       i.name as institution_name, a.starts_at, coalesce(a.place, '') as place, 0 as participants, 0 as signed_in
                  from activity a join org_unit i on i.id = a.institution_id join org_unit u on u.id = a.organiser_unit_id
                  join activity_type t on t.id = a.type_id
                 where a.deleted_at is not null
                   and (""" + (u.scope().all() ? "true" : "a.institution_id in (:manage) or a.organiser_unit_id in (:groups)") + """
                       ) order by a.deleted_at desc limit 200""")
                .param("manage", u.scope().manageIds()).param("groups", groups.isEmpty() ? List.of(DataScope.NONE) : groups)
                .query((rs, i) -> new ActivityRow(rs.getLong("id"), rs.getString("title"), rs.getString("type_name"),
                        rs.getString("organiser_name"), rs.getString("institution_name"),
                        rs.getObject("starts_at", LocalDateTime.class), rs.getString("place"), 0, 0))
                .list();
    }

    /** Brings a deleted activity back (and its plan item link). */
    public void restore(long id) {
        Activity a = jdbc.sql(SELECT + " where a.id = ? and a.deleted_at is not null").param(id).query(Activities::row)
                .optional().orElseThrow(NotFoundException::new);
        checkOrganiser(a.organiserUnitId());
        jdbc.sql("update activity set deleted_at = null, deleted_by = null, version = version + 1 where id = ?").param(id).update();
        if (a.planItemId() != null) {
            planItems.linkRecord(a.planItemId(), "activity", id, a.title(), a.startsAt().toLocalDate(), a.organiserUnitId());
        }
        audit.success("RESTORE", "activity", id, a.title(), null);
    }

    // ---------------------------------------------------------------- sign-in

    /** Opens (or renews) the QR sign-in: a new random token valid for {@value #SIGNIN_MINUTES} minutes. */
    public Activity openSignin(long id) {
        Activity a = get(id);
        checkOrganiser(a.organiserUnitId());
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("update activity set signin_token = ?, signin_expires_at = ? where id = ?")
                .params(token, LocalDateTime.now().plusMinutes(SIGNIN_MINUTES), id).update();
        return get(id);
    }

    /**
     * A participant signs in with the scanned code: refused with a clear message when the code is unknown or expired,
     * or the person belongs to another school; signing in twice keeps the first time. Returns the activity.
     */
    public Activity signIn(String token) {
        CurrentUser u = Access.user();
        Activity a = jdbc.sql(SELECT + " where a.signin_token = ? and a.deleted_at is null").param(token)
                .query(Activities::row).optional()
                .orElseThrow(() -> new ValidationException(null, "activity.signin.unknownCode"));
        if (!a.signinOpen(LocalDateTime.now())) {
            throw new ValidationException(null, "activity.signin.expired");
        }
        if (u.personId() == null || !directory.institutionOfPerson(u.personId()).map(i -> i == a.institutionId()).orElse(false)) {
            throw new ValidationException(null, "activity.signin.otherSchool");
        }
        record(a.id(), u.personId(), "QR");
        return a;
    }

    /** The organiser signs someone in by hand (forgot the phone); they must belong to the school. */
    public void signInByHand(long id, long personId) {
        Activity a = get(id);
        checkOrganiser(a.organiserUnitId());
        if (!directory.institutionOfPerson(personId).map(i -> i == a.institutionId()).orElse(false)) {
            throw new ValidationException("personId", "activity.signin.otherSchool");
        }
        record(id, personId, "MANUAL");
    }

    private void record(long activityId, long personId, String method) {
        jdbc.sql("""
                insert into activity_signin (activity_id, person_id, signed_at, method, signed_by)
                select ?, ?, ?, ?, ? where not exists (select 1 from activity_signin where activity_id = ? and person_id = ?)""")
                .params(activityId, personId, LocalDateTime.now(), method, Access.actor(), activityId, personId).update();
        jdbc.sql("""
                insert into activity_participant (activity_id, person_id)
                select ?, ? where not exists (select 1 from activity_participant where activity_id = ? and person_id = ?)""")
                .params(activityId, personId, activityId, personId).update();
    }

    // ---------------------------------------------------------------- reflections and files

    /** 体会: each participant writes their own; saving again replaces it. */
    public void saveReflection(long id, String body) {
        get(id);
        Long me = Access.user().personId();
        if (me == null || !isParticipant(id)) {
            throw new ForbiddenException();
        }
        if (body == null || body.isBlank()) {
            throw new ValidationException("body", "validation.required");
        }
        if (body.length() > 4000) {
            throw new ValidationException("body", "validation.tooLong");
        }
        int n = jdbc.sql("update activity_reflection set body = ?, version = version + 1, updated_at = ? where activity_id = ? and person_id = ?")
                .params(body.strip(), LocalDateTime.now(), id, me).update();
        if (n == 0) {
            jdbc.sql("insert into activity_reflection (activity_id, person_id, body) values (?, ?, ?)")
                    .params(id, me, body.strip()).update();
        }
    }

    @Transactional(readOnly = true)
    public List<Reflection> reflections(long id) {
        get(id);
        return jdbc.sql("""
                select r.person_id, pe.name, r.body, r.updated_at from activity_reflection r join person pe on pe.id = r.person_id
                 where r.activity_id = ? order by r.updated_at""").param(id)
                .query((rs, i) -> new Reflection(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDateTime.class))).list();
    }

    /** A participant's 体会. */
    public record Reflection(long personId, String name, String body, LocalDateTime updatedAt) {
    }

    /** Photos and files: the organiser and the participants may add them. */
    public long addFile(long id, StoredFile file) {
        Activity a = get(id);
        if (!canOrganise(a.organiserUnitId()) && !isParticipant(id)) {
            throw new ForbiddenException();
        }
        long fileId = attachments.attach(a.institutionId(), FILES, id, null, file).id();
        audit.success("UPLOAD", "activity", id, a.title(), AuditLog.fact("file", file.originalName()));
        return fileId;
    }

    /** Owner type of an activity's photos and files in the shared {@link org.jiaoyan.files.Attachments} table. */
    public static final String FILES = "activity";

    @Transactional(readOnly = true)
    public List<ActivityFile> files(long id) {
        get(id);
        return attachments.of(FILES, id).stream().map(f -> new ActivityFile(f.id(), f.fileName(), f.contentType(),
                f.sizeBytes(), f.storageKey(), f.createdAt(), f.createdBy())).toList();
    }

    /** An uploaded photo or file of an activity. */
    public record ActivityFile(long id, String fileName, @Nullable String contentType, long size, String storageKey,
                               LocalDateTime uploadedAt, @Nullable String uploadedBy) {
        public boolean image() {
            return contentType != null && contentType.startsWith("image/");
        }
    }

    // ---------------------------------------------------------------- internals

    private long checkOrganiser(long unitId) {
        Long inst = directory.institutionOfUnit(unitId).orElseThrow(NotFoundException::new);
        if (!canOrganise(unitId)) {
            throw Access.scope().canReadInstitution(inst) || Objects.equals(Access.user().institutionId(), inst)
                    ? new ForbiddenException() : new NotFoundException();
        }
        return inst;
    }

    private void checked(ActivityData d) {
        List<FieldProblem> problems = new ArrayList<>();
        if (d.title() == null || d.title().isBlank()) {
            problems.add(new FieldProblem("title", "validation.required"));
        } else if (d.title().strip().length() > 200) {
            problems.add(new FieldProblem("title", "validation.tooLong"));
        }
        if (!d.endsAt().isAfter(d.startsAt())) {
            problems.add(new FieldProblem("endTime", "activity.end.beforeStart"));
        }
        if (d.place() != null && d.place().length() > 100) {
            problems.add(new FieldProblem("place", "validation.tooLong"));
        }
        if (types().stream().noneMatch(t -> t.id() == d.typeId())) {
            problems.add(new FieldProblem("typeId", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /** The organiser unit's members and leader, or everyone of the school. */
    private Set<Long> participants(ActivityData d, long institution) {
        Set<Long> out = new LinkedHashSet<>();
        if (d.everyone()) {
            Access.asSystem(() -> people.ofInstitution(institution)).forEach(p -> out.add(p.id()));
        } else {
            out.addAll(directory.membersOf(List.of(d.organiserUnitId())));
            Long leader = Access.asSystem(() -> units.get(d.organiserUnitId())).leaderId();
            if (leader != null) {
                out.add(leader);
            }
        }
        return out;
    }

    private Set<Long> institutionsOfUser() {
        CurrentUser u = Access.user();
        Set<Long> ids = new LinkedHashSet<>(u.scope().institutionIds());
        if (u.institutionId() != null) {
            ids.add(u.institutionId());
        }
        return ids;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Activity row(ResultSet rs, int i) throws SQLException {
        return new Activity(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("institution_name"),
                rs.getLong("organiser_unit_id"), rs.getString("organiser_name"), rs.getLong("type_id"),
                rs.getString("type_name"), rs.getString("title"), rs.getObject("starts_at", LocalDateTime.class),
                rs.getObject("ends_at", LocalDateTime.class), rs.getString("place"), rs.getObject("plan_item_id", Long.class),
                rs.getString("plan_text"), rs.getString("record_text"), rs.getString("summary_text"),
                rs.getString("signin_token"), rs.getObject("signin_expires_at", LocalDateTime.class), rs.getInt("version"));
    }
}
