package org.jiaoyan.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing with growing delays instead of locking accounts. Failures are counted per client address
 * and per account name (known or not, so the answer never tells which names exist). After a few free failures each
 * further attempt from that address, or against that account from an address that has failed on it, must wait
 * 1 s, 2 s, 4 s … (capped); attempts during the wait are refused without the password being checked. An address that
 * has failed on the account fewer than the free number of times is not held by the account's delay (such addresses
 * share one check a second per account), so an outsider cannot lock the real user out.
 * <p>
 * State is in memory on this node (bounded, evicting Caffeine caches): several nodes each throttle on their own.
 */
@Component
public class LoginThrottle {

    private final int freeAccountFailures;
    private final int freeAddressFailures;
    private final Duration firstDelay;
    private final Duration maxAccountDelay;
    private final Duration maxAddressDelay;
    private final Duration forgetAfter;
    private final int maxEntries;
    private final Cache<String, Failures> byAddress;
    private final Cache<String, Failures> byAccount;
    /** address + account pairs that failed: their own delay, and they also wait for the account's. */
    private final Cache<String, Failures> byPair;
    private volatile Clock clock = Clock.systemUTC();

    LoginThrottle(@Value("${jiaoyan.security.login-throttle.free-account-failures:5}") int freeAccountFailures,
                  @Value("${jiaoyan.security.login-throttle.free-address-failures:20}") int freeAddressFailures,
                  @Value("${jiaoyan.security.login-throttle.first-delay:1s}") Duration firstDelay,
                  @Value("${jiaoyan.security.login-throttle.max-account-delay:5m}") Duration maxAccountDelay,
                  @Value("${jiaoyan.security.login-throttle.max-address-delay:15m}") Duration maxAddressDelay,
                  @Value("${jiaoyan.security.login-throttle.forget-after:1h}") Duration forgetAfter,
                  @Value("${jiaoyan.security.login-throttle.max-entries:20000}") int maxEntries) {
        this.freeAccountFailures = freeAccountFailures;
        this.freeAddressFailures = freeAddressFailures;
        this.firstDelay = firstDelay;
        this.maxAccountDelay = maxAccountDelay;
        this.maxAddressDelay = maxAddressDelay;
        this.forgetAfter = forgetAfter;
        this.maxEntries = maxEntries;
        this.byAddress = cache();
        this.byAccount = cache();
        this.byPair = cache();
    }

    private Cache<String, Failures> cache() {
        // Eviction runs on the calling thread, so the bound holds the moment an entry is added.
        return Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(forgetAfter).executor(Runnable::run).build();
    }

    /** A fixed or moving clock for tests; the delays are computed with it. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    /** Failures so far and when the next attempt may be checked. */
    record Failures(int count, Instant last, Instant notBefore, Instant lastCleanCheck) {
    }

    /** Whether an attempt may have its password checked now, or how long it must wait. */
    public record Verdict(boolean allowed, long retryAfterSeconds) {
        static final Verdict ALLOW = new Verdict(true, 0);

        static Verdict wait(Instant now, Instant until) {
            long ms = Duration.between(now, until).toMillis();
            return new Verdict(false, Math.max(1, (ms + 999) / 1000));
        }
    }

    /** Checks an attempt before its password is; a refusal means the password must not be looked at. */
    public Verdict check(@Nullable String address, String username) {
        Instant now = clock.instant();
        String addr = address(address);
        String account = account(username);
        Failures a = live(byAddress, addr, now);
        if (a != null && now.isBefore(a.notBefore())) {
            return Verdict.wait(now, a.notBefore());
        }
        Failures pair = live(byPair, pair(addr, account), now);
        if (pair != null && now.isBefore(pair.notBefore())) {
            return Verdict.wait(now, pair.notBefore());
        }
        Failures u = live(byAccount, account, now);
        if (u == null || !now.isBefore(u.notBefore())) {
            return Verdict.ALLOW;
        }
        if (pair != null && pair.count() >= freeAccountFailures) {
            return Verdict.wait(now, u.notBefore());
        }
        // An address that has not failed on this account (or made a typo or two): the real user, most likely, whom
        // the attack from elsewhere must not lock out. Such addresses share one check a second on this account.
        Instant[] taken = {null}; // the slot already taken by another address, if any (atomic per account)
        byAccount.asMap().computeIfPresent(account, (k, f) -> {
            Instant nextClean = f.lastCleanCheck().plusSeconds(1);
            if (now.isBefore(nextClean)) {
                taken[0] = nextClean;
                return f;
            }
            return new Failures(f.count(), f.last(), f.notBefore(), now);
        });
        return taken[0] == null ? Verdict.ALLOW : Verdict.wait(now, taken[0]);
    }

    /** A checked attempt with a wrong password (or an unknown name): counts for the address and the account. */
    public void failed(@Nullable String address, String username) {
        Instant now = clock.instant();
        String addr = address(address);
        String account = account(username);
        byAddress.asMap().compute(addr, (k, f) -> next(f, now, freeAddressFailures, maxAddressDelay));
        byAccount.asMap().compute(account, (k, f) -> next(f, now, freeAccountFailures, maxAccountDelay));
        byPair.asMap().compute(pair(addr, account), (k, f) -> next(f, now, freeAccountFailures, maxAccountDelay));
    }

    /**
     * The right password: the account's count and this address's count on it start again. Other addresses that
     * failed on the account keep their own delays, and this address keeps its overall count (no credit for spraying).
     */
    public void succeeded(@Nullable String address, String username) {
        String account = account(username);
        byAccount.invalidate(account);
        byPair.invalidate(pair(address(address), account));
    }

    /** Entries held, for the memory bound: addresses, accounts, address-account pairs. */
    long[] sizes() {
        byAddress.cleanUp();
        byAccount.cleanUp();
        byPair.cleanUp();
        return new long[] {byAddress.estimatedSize(), byAccount.estimatedSize(), byPair.estimatedSize()};
    }

    int maxEntries() {
        return maxEntries;
    }

    /** Forgets everything (tests). */
    void reset() {
        byAddress.invalidateAll();
        byAccount.invalidateAll();
        byPair.invalidateAll();
    }

    private @Nullable Failures live(Cache<String, Failures> cache, String key, Instant now) {
        Failures f = cache.getIfPresent(key);
        return f == null || f.last().plus(forgetAfter).isBefore(now) ? null : f;
    }

    private Failures next(@Nullable Failures f, Instant now, int free, Duration max) {
        int count = f == null || f.last().plus(forgetAfter).isBefore(now) ? 1 : f.count() + 1;
        Instant lastClean = f == null ? Instant.EPOCH : f.lastCleanCheck();
        return new Failures(count, now, now.plus(delay(count, free, max)), lastClean);
    }

    /** No delay for the first free failures, then first-delay doubling with each failure up to the cap. */
    Duration delay(int failures, int free, Duration max) {
        int over = failures - free;
        if (over <= 0) {
            return Duration.ZERO;
        }
        long ms = firstDelay.toMillis() << Math.min(over - 1, 30);
        return ms >= max.toMillis() || ms <= 0 ? max : Duration.ofMillis(ms);
    }

    private static String address(@Nullable String address) {
        return address == null || address.isBlank() ? "?" : address;
    }

    private static String account(String username) {
        String u = username.trim().toLowerCase(Locale.ROOT);
        return u.length() > 64 ? u.substring(0, 64) : u;
    }

    private static String pair(String address, String account) {
        return address + "\n" + account;
    }
}
