package org.jiaoyan.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import org.jiaoyan.shared.SecretCipher.UnreadableSecretException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class SecretCipherTests {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final SecretCipher cipher = new SecretCipher(key(7));

    @Test
    void aSecretComesBackAsItWasAndIsNotReadableInItsStoredForm() {
        String secret = "Smtp-密码-2100 äöü";
        String stored = cipher.encrypt(secret);
        assertThat(stored).startsWith("v1:" + cipher.keyId() + ":").doesNotContain(secret, "Smtp");
        assertThat(SecretCipher.isEncrypted(stored)).isTrue();
        assertThat(cipher.decrypt(stored)).isEqualTo(secret);
        // a fresh nonce every time: the same secret is stored differently twice
        assertThat(cipher.encrypt(secret)).isNotEqualTo(stored);
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
        assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
    }

    @Test
    void anAlteredValueIsRefusedWithAClearError() {
        String stored = cipher.encrypt("https://oapi.dingtalk.com/robot/send?access_token=abc");
        int at = stored.length() - 10;
        char flipped = stored.charAt(at) == 'A' ? 'B' : 'A';
        String altered = stored.substring(0, at) + flipped + stored.substring(at + 1);
        assertThatThrownBy(() -> cipher.decrypt(altered))
                .isInstanceOf(UnreadableSecretException.class).hasMessageContaining("altered");
        assertThatThrownBy(() -> cipher.decrypt(stored.substring(0, stored.lastIndexOf(':') + 8)))
                .isInstanceOf(UnreadableSecretException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> cipher.decrypt("v1:" + cipher.keyId() + ":not*base64"))
                .isInstanceOf(UnreadableSecretException.class).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> cipher.decrypt("v1:nokeyid"))
                .isInstanceOf(UnreadableSecretException.class).hasMessageContaining("damaged");
    }

    @Test
    void aValueEncryptedWithAnotherKeyIsRefusedNamingBothKeys() {
        SecretCipher other = new SecretCipher(key(8));
        String stored = other.encrypt("SECsigning");
        assertThatThrownBy(() -> cipher.decrypt(stored))
                .isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining("another key")
                .hasMessageContaining(other.keyId())
                .hasMessageContaining(cipher.keyId())
                .hasMessageContaining("JIAOYAN_SECRET_KEY")
                .hasMessageNotContaining("SECsigning");
        // the same key id with a different key (cannot happen by chance; a forged id) still fails the tag
        String forged = stored.replace(other.keyId(), cipher.keyId());
        assertThatThrownBy(() -> cipher.decrypt(forged)).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void aPlainValueFromBeforeEncryptionIsReadAsItIs() {
        assertThat(SecretCipher.isEncrypted("Mail-Pass-2100")).isFalse();
        assertThat(cipher.decrypt("Mail-Pass-2100")).isEqualTo("Mail-Pass-2100");
        assertThat(cipher.decrypt("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"))
                .isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc");
    }

    @Test
    void aKeyMustBe32BytesAndIsNeverPrinted() {
        assertThatThrownBy(() -> new SecretCipher(new byte[16])).hasMessageContaining("32 bytes");
        assertThat(cipher.toString()).contains(cipher.keyId()).doesNotContain(Base64.getEncoder().encodeToString(key(7)));
    }

    @Test
    void theConfiguredKeyWinsAndABadOneStopsTheStartSayingWhatIsExpected(@TempDir Path dir) {
        String base64 = Base64.getEncoder().encodeToString(key(9));
        MockEnvironment env = new MockEnvironment().withProperty("jiaoyan.secret-key", base64)
                .withProperty("jiaoyan.secret-key-file", dir.resolve("unused.key").toString());
        SecretCipher configured = new SecretKeySource().secretCipher(env);
        assertThat(configured.keyId()).isEqualTo(new SecretCipher(key(9)).keyId());
        assertThat(dir.resolve("unused.key")).doesNotExist();

        assertThatThrownBy(() -> new SecretKeySource().secretCipher(new MockEnvironment().withProperty("jiaoyan.secret-key", "short")))
                .hasMessageContaining("JIAOYAN_SECRET_KEY").hasMessageContaining("32");
        assertThatThrownBy(() -> new SecretKeySource().secretCipher(new MockEnvironment().withProperty("jiaoyan.secret-key", "!!!")))
                .hasMessageContaining("not base64");
    }

    @Test
    void withoutAConfiguredKeyAFileIsGeneratedOnceReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        MockEnvironment env = new MockEnvironment().withProperty("jiaoyan.files.dir", dir.resolve("data/files").toString());
        SecretCipher first = new SecretKeySource().secretCipher(env);
        Path file = dir.resolve("data/secret.key");
        assertThat(file).exists();
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);

        // the next start reads the same key: what the first stored, the second reads
        SecretCipher second = new SecretKeySource().secretCipher(env);
        assertThat(second.decrypt(first.encrypt("Mail-Pass-2100"))).isEqualTo("Mail-Pass-2100");

        // a key file others can read is tightened
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            new SecretKeySource().secretCipher(env);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }

        // an empty key file is an error that says what to do, not a new key that silently loses the secrets
        Path empty = dir.resolve("empty.key");
        Files.createFile(empty);
        assertThatThrownBy(() -> new SecretKeySource().secretCipher(
                new MockEnvironment().withProperty("jiaoyan.secret-key-file", empty.toString())))
                .hasMessageContaining("empty");
    }
}
