package org.jiaoyan.account;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jiaoyan.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Which passwords an account may have: 8 to 64 characters, not containing the username, not on the list of common
 * passwords (common-passwords.txt, its sources named there), and not easy to guess by the zxcvbn estimate (score 3 of
 * 4 or better, "safely unguessable" against a throttled online attack and a slow hash). Each refusal says why.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 64;
    static final int MIN_SCORE = 3;

    private static final Set<String> COMMON = load();
    private static final Zxcvbn ESTIMATOR = new Zxcvbn();

    private PasswordPolicy() {
    }

    /** Throws a field error (a Chinese reason) when the password may not be used for this username. */
    public static void check(String field, @Nullable String username, @Nullable String password) {
        String problem = problem(username, password);
        if (problem != null) {
            throw new ValidationException(field, problem);
        }
    }

    /** The message key of the first rule the password breaks, or null when it is good enough. */
    public static @Nullable String problem(@Nullable String username, @Nullable String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "user.password.tooShort";
        }
        if (password.length() > MAX_LENGTH) {
            return "user.password.tooLong";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (name.length() >= 3 && lower.contains(name)) {
            return "user.password.containsUsername";
        }
        if (COMMON.contains(lower)) {
            return "user.password.common";
        }
        List<String> inputs = new ArrayList<>();
        if (!name.isEmpty()) {
            inputs.add(name);
        }
        if (ESTIMATOR.measure(password, inputs).getScore() < MIN_SCORE) {
            return "user.password.weak";
        }
        return null;
    }

    static boolean isCommon(String password) {
        return COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = Objects.requireNonNull(PasswordPolicy.class.getResourceAsStream("common-passwords.txt"),
                "common-passwords.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
