package org.jiaoyan.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Where the key of {@link SecretCipher} comes from: jiaoyan.secret-key (env JIAOYAN_SECRET_KEY, base64 of 32 bytes)
 * when set; otherwise a key file, generated once with SecureRandom and readable by the owner only, at
 * jiaoyan.secret-key-file (default: secret.key beside the uploads folder jiaoyan.files.dir, i.e. ./data/secret.key next
 * to the H2 database). The start log says which. Losing the key loses the stored secrets (they must be entered again);
 * all nodes of a cluster need the same key, so a cluster sets JIAOYAN_SECRET_KEY.
 */
@Configuration(proxyBeanMethods = false)
public class SecretKeySource {

    private static final Logger log = LoggerFactory.getLogger(SecretKeySource.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @Bean
    SecretCipher secretCipher(Environment env) {
        String configured = env.getProperty("jiaoyan.secret-key", "");
        if (!configured.isBlank()) {
            SecretCipher cipher = new SecretCipher(decode(configured, "jiaoyan.secret-key (JIAOYAN_SECRET_KEY)"));
            log.info("Secret key: from jiaoyan.secret-key (JIAOYAN_SECRET_KEY), key id {}", cipher.keyId());
            return cipher;
        }
        String file = env.getProperty("jiaoyan.secret-key-file", "");
        Path path = file.isBlank()
                ? Path.of(env.getProperty("jiaoyan.files.dir", "./data/files")).toAbsolutePath().normalize().resolveSibling("secret.key")
                : Path.of(file).toAbsolutePath().normalize();
        return fromFile(path);
    }

    /** The key in the file, creating the file with a new random key when there is none. */
    static SecretCipher fromFile(Path path) {
        try {
            if (Files.notExists(path)) {
                try {
                    create(path);
                    SecretCipher cipher = new SecretCipher(read(path));
                    log.warn("Secret key: generated a new key in {} (owner-only), key id {}. Back it up apart from the "
                            + "database: without it the stored passwords and webhooks cannot be read. A cluster sets "
                            + "JIAOYAN_SECRET_KEY (base64 of 32 bytes) on every node instead.", path, cipher.keyId());
                    return cipher;
                } catch (FileAlreadyExistsException raced) {
                    // another process created it a moment ago: read theirs
                }
            }
            ownerOnly(path);
            SecretCipher cipher = new SecretCipher(read(path));
            log.info("Secret key: from the key file {}, key id {}", path, cipher.keyId());
            return cipher;
        } catch (IOException e) {
            throw new UncheckedIOException("The secret key file " + path + " cannot be read or created; set "
                    + "jiaoyan.secret-key-file to a writable place or JIAOYAN_SECRET_KEY (base64 of 32 bytes)", e);
        }
    }

    private static void create(Path path) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        if (posix(path)) {
            // created with the permissions at once: there is no moment in which others could read it
            Files.createFile(path, new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)});
        } else {
            Files.createFile(path);
            var f = path.toFile();
            boolean ok = f.setReadable(false, false) & f.setReadable(true, true)
                    & f.setWritable(false, false) & f.setWritable(true, true);
            if (!ok) {
                log.warn("Secret key: could not make {} readable by its owner only; restrict it by hand", path);
            }
        }
        Files.write(path, text);
    }

    /** An existing key file that others may read is tightened to owner-only, saying so. */
    private static void ownerOnly(Path path) throws IOException {
        if (!posix(path)) {
            return;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path);
        if (!OWNER_ONLY.containsAll(now)) {
            Files.setPosixFilePermissions(path, OWNER_ONLY);
            log.warn("Secret key: {} was readable by others ({}); now owner-only", path, PosixFilePermissions.toString(now));
        }
    }

    private static boolean posix(Path path) {
        Path dir = path.toAbsolutePath().getParent();
        return Files.getFileAttributeView(dir == null ? path : dir,
                java.nio.file.attribute.PosixFileAttributeView.class) != null;
    }

    private static byte[] read(Path path) throws IOException {
        // a process that lost the race to create the file may find it still empty for a moment
        for (int i = 0; i < 50; i++) {
            String text = Files.readString(path, StandardCharsets.US_ASCII).strip();
            if (!text.isEmpty()) {
                return decode(text, "the key file " + path);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("The secret key file " + path + " is empty; delete it to generate a new key "
                + "(secrets stored with the old key must then be entered again)");
    }

    private static byte[] decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64; it must be the base64 of 32 random bytes "
                    + "(e.g. openssl rand -base64 32)");
        }
        if (key.length != 32) {
            throw new IllegalStateException(where + " holds " + key.length + " bytes; it must be the base64 of 32 random "
                    + "bytes (e.g. openssl rand -base64 32)");
        }
        return key;
    }
}
