package org.jiaoyan.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jiaoyan.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * API callers send their credentials on every request. HTTP Basic: the BCrypt hash is checked once, then for a short
 * time an HMAC of username and password (keyed with a random secret of this process, so the cache holds nothing
 * that could be replayed or cracked elsewhere) stands for it. Bearer: the token's owner is kept for a short time.
 * Both are bounded and dropped when the account changes (password, roles, enabled, deletion) or the token is revoked.
 */
@Component
class ApiCredentialCache {

    private final byte[] key = new byte[32];
    private final Cache<String, CurrentUser> basic;
    private final Cache<String, TokenOwner> tokens;

    /** A live token and the account it acts for. */
    record TokenOwner(long tokenId, CurrentUser user) {
    }

    ApiCredentialCache(@Value("${jiaoyan.security.api-credentials.basic-ttl:5m}") Duration basicTtl,
                       @Value("${jiaoyan.security.api-credentials.token-ttl:1m}") Duration tokenTtl,
                       @Value("${jiaoyan.security.api-credentials.max-entries:10000}") int maxEntries) {
        new SecureRandom().nextBytes(key);
        basic = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(basicTtl).build();
        tokens = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(tokenTtl).build();
    }

    @Nullable
    CurrentUser basic(String username, String password) {
        return basic.getIfPresent(digest(username, password));
    }

    void rememberBasic(String username, String password, CurrentUser user) {
        basic.put(digest(username, password), user);
    }

    @Nullable
    TokenOwner token(String tokenHash) {
        return tokens.getIfPresent(tokenHash);
    }

    void rememberToken(String tokenHash, TokenOwner owner) {
        tokens.put(tokenHash, owner);
    }

    void forgetToken(long tokenId) {
        tokens.asMap().values().removeIf(o -> o.tokenId() == tokenId);
    }

    void forgetUser(long userId) {
        basic.asMap().values().removeIf(u -> u.id() == userId);
        tokens.asMap().values().removeIf(o -> o.user().id() == userId);
    }

    /** After the change is committed, so that a request running meanwhile cannot put the old state back for long. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(UserAccountChanged event) {
        forgetUser(event.userId());
    }

    long size() {
        basic.cleanUp();
        tokens.cleanUp();
        return basic.estimatedSize() + tokens.estimatedSize();
    }

    private String digest(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(username.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
