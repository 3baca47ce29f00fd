package org.jiaoyan.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts secrets kept in the database (passwords, robot webhooks) with AES-256-GCM. A stored value reads
 * {@code v1:<key id>:<base64 of 12-byte nonce, ciphertext and 16-byte tag>}; the key id (8 characters derived from the
 * key, not the key) tells "encrypted with another key" apart from "altered". A value without the prefix is a plain
 * legacy value from before encryption: {@link #decrypt} returns it as it is, {@link #isEncrypted} says it still needs
 * encrypting. The key comes from {@link SecretKeySource}.
 */
public final class SecretCipher {

    public static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String keyId;

    /** key: exactly 32 bytes (AES-256). */
    public SecretCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The secret key must be 32 bytes (AES-256), not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.keyId = keyId(key);
    }

    /** Whether a stored value is already encrypted (else it is a plain legacy value). */
    public static boolean isEncrypted(@Nullable String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The stored form of a secret; null stays null. */
    public @Nullable String encrypt(@Nullable String plain) {
        if (plain == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }

    /**
     * The plain secret of a stored value; a value without the prefix is returned as it is (legacy, not yet encrypted).
     *
     * @throws UnreadableSecretException when the value was encrypted with another key, or was altered or cut short
     */
    public @Nullable String decrypt(@Nullable String stored) {
        if (stored == null || !isEncrypted(stored)) {
            return stored;
        }
        String rest = stored.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new UnreadableSecretException("A stored secret is damaged: it has no key id after \"" + PREFIX + "\"");
        }
        String storedKeyId = rest.substring(0, colon);
        if (!storedKeyId.equals(keyId)) {
            throw new UnreadableSecretException("A stored secret was encrypted with another key (key id " + storedKeyId
                    + ", the current key is " + keyId + "): set jiaoyan.secret-key (JIAOYAN_SECRET_KEY) or restore the key"
                    + " file that was used, or enter the secret again");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(rest.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new UnreadableSecretException("A stored secret is damaged: it is not valid base64");
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableSecretException("A stored secret is damaged: it is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnreadableSecretException("A stored secret was altered: its authentication tag does not match");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }

    /** The current key's id, as stored values carry it. */
    public String keyId() {
        return keyId;
    }

    /** 8 characters naming a key: the start of SHA-256 over a label and the key (the key cannot be derived from it). */
    static String keyId(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("jiaoyan secret key id\n".getBytes(StandardCharsets.UTF_8));
            byte[] digest = sha.digest(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 6));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "SecretCipher[key id " + keyId + "]"; // never the key
    }

    /** A stored secret that cannot be decrypted: encrypted with another key, or altered. The message says which. */
    public static class UnreadableSecretException extends IllegalStateException {

        public UnreadableSecretException(String message) {
            super(message);
        }
    }
}
