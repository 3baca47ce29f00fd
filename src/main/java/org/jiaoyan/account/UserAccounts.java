package org.jiaoyan.account;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.DataScope;
import org.jiaoyan.security.Role;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jiaoyan.shared.SqlFilter;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts: create, roles, enable, password change and reset, plus loading the signed-in user. */
@Service
@Transactional
public class UserAccounts {

    private static final String SELECT = """
            select a.id, a.username, a.display_name, a.person_id, p.name as person_name, u.name as institution_name,
                   a.enabled, a.last_login_at, a.version, a.deleted_at, a.password_hash
              from app_user a left join person p on p.id = a.person_id left join org_unit u on u.id = p.institution_id""";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final ScopeResolver scopes;
    private final OrgDirectory directory;
    private final ApplicationEventPublisher events;

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit, ScopeResolver scopes,
                 OrgDirectory directory, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.scopes = scopes;
        this.directory = directory;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public PageResult<UserAccount> search(@Nullable String q, @Nullable Role role, boolean deleted, PageQuery page) {
        Access.requireAdmin();
        SqlFilter w = new SqlFilter().where(deleted ? "a.deleted_at is not null" : "a.deleted_at is null")
                .contains(q, "(lower(a.username) like :q or lower(a.display_name) like :q or lower(p.name) like :q)", "q")
                .whenSet(role == null ? null : role.name(), "exists (select 1 from user_role r where r.user_id = a.id and r.role = :role)", "role");
        long total = w.bind(jdbc.sql("select count(*) from app_user a left join person p on p.id = a.person_id" + w.sql()))
                .query(Long.class).single();
        List<UserAccount> rows = w.bind(jdbc.sql(SELECT + w.sql() + " order by a.username limit :limit offset :offset"))
                .param("limit", page.size()).param("offset", page.offset()).query(this::row).list();
        return new PageResult<>(withRoles(rows), total, page.page(), page.size());
    }

    @Transactional(readOnly = true)
    public UserAccount get(long id) {
        CurrentUser me = Access.user();
        if (!me.isAdmin() && me.id() != id) {
            throw new NotFoundException();
        }
        return withRoles(List.of(jdbc.sql(SELECT + " where a.id = ?").param(id).query(this::row).optional()
                .orElseThrow(NotFoundException::new))).get(0);
    }

    /** Creates an account; the password must meet the policy and the username must be free. */
    public long create(String username, String password, @Nullable Long personId, @Nullable String displayName,
                       List<RoleGrant> roles) {
        Access.requireAdmin();
        String name = username.trim();
        if (!name.matches("[A-Za-z0-9_.@-]{3,64}")) {
            throw new ValidationException("username", "user.username.invalid");
        }
        if (jdbc.sql("select count(*) from app_user where lower(username) = lower(?)").param(name).query(Long.class).single() > 0) {
            throw new ValidationException("username", "user.username.duplicate");
        }
        PasswordPolicy.check("password", name, password);
        if (roles.isEmpty()) {
            throw new ValidationException("roles", "user.roles.required");
        }
        String display = displayName != null && !displayName.isBlank() ? displayName.trim()
                : personId == null ? name : directory.personName(personId).orElseThrow(
                        () -> new ValidationException("personId", "user.person.unknown"));
        if (personId != null && directory.personName(personId).isEmpty()) {
            throw new ValidationException("personId", "user.person.unknown");
        }
        long id = Inserts.id(jdbc.sql("""
                insert into app_user (username, password_hash, person_id, display_name, password_changed_at, created_by, updated_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(name, encoder.encode(password), personId, display, LocalDateTime.now(), Access.actor(), Access.actor()));
        writeRoles(id, roles);
        audit.success("CREATE", "app_user", id, name + " " + describe(roles), null);
        return id;
    }

    public void updateRoles(long id, int version, @Nullable Long personId, String displayName, boolean enabled,
                            List<RoleGrant> roles) {
        Access.requireAdmin();
        UserAccount before = get(id);
        if (roles.isEmpty()) {
            throw new ValidationException("roles", "user.roles.required");
        }
        if (Access.user().id() == id && (!enabled || roles.stream().noneMatch(r -> r.role() == Role.ADMIN))) {
            throw new ValidationException("roles", "user.self.lockout");
        }
        int n = jdbc.sql("""
                update app_user set person_id = ?, display_name = ?, enabled = ?, version = version + 1,
                       updated_at = ?, updated_by = ? where id = ? and version = ? and deleted_at is null""")
                .params(personId, displayName.trim(), enabled, LocalDateTime.now(), Access.actor(), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        jdbc.sql("delete from user_role where user_id = ?").param(id).update();
        writeRoles(id, roles);
        events.publishEvent(new UserAccountChanged(id));
        audit.success("UPDATE", "app_user", id, before.username(),
                AuditLog.diff(Map.of("roles", describe(before.roles()), "enabled", before.enabled()),
                        Map.of("roles", describe(roles), "enabled", enabled)));
    }

    /** Admin reset: sets a new password (API credentials cached for the old one are dropped). */
    public void resetPassword(long id, String newPassword) {
        Access.requireAdmin();
        UserAccount u = get(id);
        PasswordPolicy.check("password", u.username(), newPassword);
        jdbc.sql("""
                update app_user set password_hash = ?, password_changed_at = ?, failed_attempts = 0, locked_until = null,
                       version = version + 1 where id = ?""")
                .params(encoder.encode(newPassword), LocalDateTime.now(), id).update();
        events.publishEvent(new UserAccountChanged(id));
        audit.success("RESET_PASSWORD", "app_user", id, u.username(), null);
    }

    /** The signed-in user changes their own password after confirming the current one. */
    public void changeOwnPassword(String current, String newPassword) {
        CurrentUser me = Access.user();
        String hash = jdbc.sql("select password_hash from app_user where id = ?").param(me.id()).query(String.class).single();
        if (!encoder.matches(current, hash)) {
            throw new ValidationException("currentPassword", "user.password.wrongCurrent");
        }
        if (encoder.matches(newPassword, hash)) {
            throw new ValidationException("newPassword", "user.password.same");
        }
        PasswordPolicy.check("newPassword", me.username(), newPassword);
        jdbc.sql("update app_user set password_hash = ?, password_changed_at = ?, version = version + 1 where id = ?")
                .params(encoder.encode(newPassword), LocalDateTime.now(), me.id()).update();
        events.publishEvent(new UserAccountChanged(me.id()));
        audit.success("CHANGE_PASSWORD", "app_user", me.id(), me.username(), null);
    }

    public void delete(long id, int version) {
        Access.requireAdmin();
        UserAccount u = get(id);
        if (Access.user().id() == id) {
            throw new ValidationException(null, "user.self.lockout");
        }
        int n = jdbc.sql("update app_user set deleted_at = ?, deleted_by = ?, enabled = false, version = version + 1 where id = ? and version = ?")
                .params(LocalDateTime.now(), Access.actor(), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        jdbc.sql("update api_token set revoked_at = ? where user_id = ? and revoked_at is null").params(LocalDateTime.now(), id).update();
        events.publishEvent(new UserAccountChanged(id));
        audit.success("DELETE", "app_user", id, u.username(), null);
    }

    public void restore(long id) {
        Access.requireAdmin();
        UserAccount u = get(id);
        jdbc.sql("update app_user set deleted_at = null, deleted_by = null, enabled = true, version = version + 1 where id = ?")
                .param(id).update();
        events.publishEvent(new UserAccountChanged(id));
        audit.success("RESTORE", "app_user", id, u.username(), null);
    }

    /** A successful form login: the time of the last login (one write per login, none per API call). */
    void recordLogin(long id) {
        jdbc.sql("update app_user set last_login_at = ? where id = ?").params(LocalDateTime.now(), id).update();
    }

    /** People holding a role at a unit (the 教科室主任 of a school: DEPT_HEAD at the school), for notices; as the system. */
    @Transactional(readOnly = true)
    public List<Long> personsWithRole(long unitId, Role role) {
        return jdbc.sql("""
                select distinct u.person_id from app_user u join user_role r on r.user_id = u.id
                 where r.role = ? and r.unit_id = ? and u.person_id is not null and u.deleted_at is null and u.enabled = true""")
                .params(role.name(), unitId).query(Long.class).list();
    }

    /**
     * User names of the person's accounts (deleted ones too: their records keep the name), to find what the person
     * created (created_by). Empty for a person the user may not read.
     */
    @Transactional(readOnly = true)
    public List<String> usernamesOf(long personId) {
        Long institution = directory.institutionOfPerson(personId).orElse(null);
        if (institution == null || !Access.scope().canReadPerson(personId, institution)) {
            return List.of();
        }
        return jdbc.sql("select username from app_user where person_id = ? order by id limit 20").param(personId)
                .query(String.class).list();
    }

    /** Whether any account exists (first start creates the administrator). */
    @Transactional(readOnly = true)
    public boolean anyUser() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single() > 0;
    }

    /** Account by user id for an authenticated principal (API tokens); empty when disabled or deleted. */
    @Transactional(readOnly = true)
    Optional<CurrentUser> loadById(long id) {
        return jdbc.sql("select username from app_user where id = ? and deleted_at is null and enabled = true")
                .param(id).query(String.class).optional().flatMap(this::load);
    }

    /** Builds the principal with roles and data scope; empty when the username is unknown or deleted. */
    @Transactional(readOnly = true)
    Optional<CurrentUser> load(String username) {
        record Row(long id, String username, String display, @Nullable Long personId, String hash, boolean enabled) {
        }
        Optional<Row> found = jdbc.sql("""
                select id, username, display_name, person_id, password_hash, enabled
                  from app_user where lower(username) = lower(?) and deleted_at is null""")
                .param(username.trim())
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        (Long) rs.getObject(4, Long.class), rs.getString(5), rs.getBoolean(6)))
                .optional();
        return found.map(r -> {
            List<RoleGrant> grants = rolesOf(List.of(r.id())).getOrDefault(r.id(), List.of());
            DataScope scope = scopes.resolve(grants, r.personId());
            EnumSet<Role> roles = EnumSet.noneOf(Role.class);
            grants.forEach(g -> roles.add(g.role()));
            // No account lockout any more (LoginThrottle slows guessing instead); locked_until is no longer read.
            return new CurrentUser(r.id(), r.username(), r.display(), r.personId(),
                    scopes.institutionOf(grants, r.personId()), roles, scope, r.hash(), r.enabled(), true);
        });
    }

    /** Random password for a first administrator or a reset: 16 URL-safe characters. */
    public static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "9a";
    }

    /** "DEPT_HEAD@12, TEACHER" for audit entries: role codes with the unit they apply to. */
    private static String describe(List<RoleGrant> roles) {
        return String.join(", ", roles.stream()
                .map(g -> g.unitId() == null ? g.role().name() : g.role().name() + "@" + g.unitId()).toList());
    }

    private void writeRoles(long userId, List<RoleGrant> roles) {
        for (RoleGrant g : roles.stream().distinct().toList()) {
            jdbc.sql("insert into user_role (user_id, role, unit_id) values (?, ?, ?)")
                    .params(userId, g.role().name(), g.unitId()).update();
        }
    }

    private Map<Long, List<RoleGrant>> rolesOf(List<Long> userIds) {
        Map<Long, List<RoleGrant>> m = new HashMap<>();
        jdbc.sql("select user_id, role, unit_id from user_role where user_id in (:ids) order by id")
                .param("ids", userIds).query(rs -> {
                    m.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new RoleGrant(Role.valueOf(rs.getString(2)), (Long) rs.getObject(3, Long.class)));
                });
        return m;
    }

    private List<UserAccount> withRoles(List<UserAccount> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<RoleGrant>> roles = rolesOf(rows.stream().map(UserAccount::id).toList());
        return rows.stream().map(u -> new UserAccount(u.id(), u.username(), u.displayName(), u.personId(), u.personName(),
                u.institutionName(), u.enabled(), u.lastLoginAt(), roles.getOrDefault(u.id(), List.of()),
                u.version(), u.deleted())).toList();
    }

    private UserAccount row(ResultSet rs, int i) throws SQLException {
        var last = rs.getTimestamp("last_login_at");
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                (Long) rs.getObject("person_id", Long.class), rs.getString("person_name"), rs.getString("institution_name"),
                rs.getBoolean("enabled"),
                last == null ? null : last.toLocalDateTime(), List.of(), rs.getInt("version"),
                rs.getTimestamp("deleted_at") != null);
    }
}
