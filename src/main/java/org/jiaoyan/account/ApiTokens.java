package org.jiaoyan.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Personal API tokens (Bearer) for mini-apps and other systems. Only a SHA-256 hash is stored; the token acts
 * with exactly its owner's roles and data scope.
 */
@Service
@Transactional
public class ApiTokens {

    static final String PREFIX = "jy_";
    private static final int MAX_ACTIVE = 10;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final UserAccounts accounts;
    private final ApiCredentialCache cache;
    private final LastUseRecorder lastUse;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, AuditLog audit, UserAccounts accounts, ApiCredentialCache cache, LastUseRecorder lastUse) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.accounts = accounts;
        this.cache = cache;
        this.lastUse = lastUse;
    }

    /** Creates a token for the signed-in user and returns the secret, which is never shown again. */
    public String create(String name) {
        CurrentUser me = Access.user();
        String label = name == null ? "" : name.trim();
        if (label.isEmpty() || label.length() > 50) {
            throw new ValidationException("name", "token.name.invalid");
        }
        long active = jdbc.sql("select count(*) from api_token where user_id = ? and revoked_at is null")
                .param(me.id()).query(Long.class).single();
        if (active >= MAX_ACTIVE) {
            throw new ValidationException("name", "token.tooMany", MAX_ACTIVE);
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = Inserts.id(jdbc.sql("insert into api_token (user_id, name, token_hash, token_prefix) values (?, ?, ?, ?)")
                .params(me.id(), label, hash(secret), secret.substring(0, 8)));
        audit.success("CREATE", "api_token", id, label, null);
        return secret;
    }

    @Transactional(readOnly = true)
    public List<ApiToken> mine() {
        return jdbc.sql("""
                select id, name, token_prefix, created_at, last_used_at, revoked_at from api_token
                 where user_id = ? order by revoked_at nulls first, created_at desc""")
                .param(Access.user().id())
                .query((rs, i) -> new ApiToken(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toLocalDateTime(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toLocalDateTime(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toLocalDateTime()))
                .list();
    }

    public void revoke(long id) {
        int n = jdbc.sql("update api_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
                .params(LocalDateTime.now(), id, Access.user().id()).update();
        if (n == 0) {
            throw new NotFoundException();
        }
        cache.forgetToken(id);
        afterCommit(() -> cache.forgetToken(id)); // again, in case a request read the token before this committed
        audit.success("REVOKE", "api_token", id, "", null);
    }

    /**
     * The owner of a live token. Reads only: the owner is kept for a minute (dropped at once on revocation or an
     * account change), and the last use is recorded at most once a minute, in the background.
     */
    @Transactional(readOnly = true)
    Optional<CurrentUser> authenticate(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = hash(secret);
        ApiCredentialCache.TokenOwner owner = cache.token(hash);
        if (owner == null) {
            owner = jdbc.sql("select id, user_id from api_token where token_hash = ? and revoked_at is null")
                    .param(hash).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional()
                    .flatMap(t -> accounts.loadById(t[1]).map(u -> new ApiCredentialCache.TokenOwner(t[0], u)))
                    .orElse(null);
            if (owner == null) {
                return Optional.empty();
            }
            cache.rememberToken(hash, owner);
        }
        lastUse.tokenUsed(owner.tokenId());
        return Optional.of(owner.user());
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        }
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
