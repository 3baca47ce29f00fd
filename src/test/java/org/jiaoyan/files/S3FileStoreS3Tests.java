package org.jiaoyan.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.jiaoyan.shared.NotFoundException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link S3FileStore} against a real S3-compatible server: s3rver on 127.0.0.1:4569 (-Djiaoyan.s3.url to change it),
 * which .ci/run starts. A server that cannot be reached fails these tests, never skips them.
 */
class S3FileStoreS3Tests {

    static final String URL = System.getProperty("jiaoyan.s3.url", "http://127.0.0.1:4569");
    /** s3rver's built-in credentials. */
    static final String KEY = "S3RVER";
    /** A bucket of this run: the store creates it on start. */
    static final String BUCKET = "jiaoyan-it-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis();
    static final long MAX = 1024 * 1024;

    static S3FileStore store;
    static S3Client s3;
    final Random random = new Random();

    @BeforeAll
    static void server() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(URL).toURL().openConnection();
            c.setConnectTimeout(3000);
            c.setReadTimeout(3000);
            c.getResponseCode();
            c.disconnect();
        } catch (Exception e) {
            fail("No S3-compatible server at " + URL + " (" + e + "). These tests are mandatory; start s3rver with\n"
                    + "  npm install --prefix ~/.cache/jiaoyan-s3rver s3rver@3.7.1\n"
                    + "  ~/.cache/jiaoyan-s3rver/node_modules/.bin/s3rver -d /tmp/s3rver -a 127.0.0.1 -p 4569 &\n"
                    + "(or pass -Djiaoyan.s3.url=http://host:port of another one; .ci/run does this for you)");
        }
        store = new S3FileStore(URL, BUCKET, KEY, KEY, "us-east-1");
        s3 = S3Client.builder().endpointOverride(URI.create(URL)).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.destroy();
            s3.close();
        }
    }

    @Test
    void createsTheBucketAndRoundTripsTheBytes() throws Exception {
        s3.headBucket(b -> b.bucket(BUCKET));
        byte[] content = bytes(300 * 1024);

        StoredFile stored = store.put(new ByteArrayInputStream(content), "photo.jpg", "image/jpeg", MAX);

        assertThat(stored.key()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
        try (InputStream in = store.open(stored.key())) {
            assertSameBytes(in.readAllBytes(), content);
        }
    }

    @Test
    void sameContentTwiceIsOneObjectUnderOneKey() throws Exception {
        byte[] content = bytes(10_000);

        StoredFile first = store.put(new ByteArrayInputStream(content), "a.pdf", "application/pdf", MAX);
        StoredFile second = store.put(new ByteArrayInputStream(content), "b.pdf", "application/pdf", MAX);

        assertThat(second.key()).isEqualTo(first.key());
        assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(first.key())).contents()).hasSize(1);
        try (InputStream in = store.open(second.key())) {
            assertSameBytes(in.readAllBytes(), content);
        }
    }

    @Test
    void tooLargeIsRejectedAndNotStored() {
        byte[] content = bytes((int) MAX + 1);
        int before = s3.listObjectsV2(b -> b.bucket(BUCKET)).contents().size();

        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(content), "big.mp4", "video/mp4", MAX))
                .isInstanceOfSatisfying(UploadRejected.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("files.tooLarge");
                    assertThat(e.args()).containsExactly(1L);
                });
        assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).hasSize(before);
    }

    @Test
    void emptyIsRejected() {
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[0]), "empty.txt", "text/plain", MAX))
                .isInstanceOfSatisfying(UploadRejected.class, e -> assertThat(e.messageKey()).isEqualTo("files.empty"));
    }

    @Test
    void unknownOrMalformedKeyIsNotFound() {
        assertThatThrownBy(() -> store.open("0".repeat(64))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.open("../etc/passwd")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void chineseFileNameSurvivesThroughUploads() throws Exception {
        Uploads uploads = new Uploads(store, 1);
        byte[] content = "第一周听课记录：课堂提问有层次。".getBytes(StandardCharsets.UTF_8);

        StoredFile stored = uploads.store("七年级数学 听课记录（第一周）.txt", new ByteArrayInputStream(content));

        assertThat(stored.originalName()).isEqualTo("七年级数学 听课记录（第一周）.txt");
        assertThat(stored.contentType()).isEqualTo("text/plain");
        try (InputStream in = uploads.open(stored.key())) {
            assertSameBytes(in.readAllBytes(), content);
        }
    }

    @Test
    void exactlyOneFileStoreBeanEitherWay() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withUserConfiguration(FileStoreConfiguration.class);
        runner.withPropertyValues("jiaoyan.files.dir=target/test-files").run(context -> {
            assertThat(context).hasSingleBean(FileStore.class);
            assertThat(context.getBean(FileStore.class)).isInstanceOf(LocalFileStore.class);
        });
        runner.withPropertyValues("jiaoyan.files.s3.endpoint=", "jiaoyan.files.dir=target/test-files").run(context ->
                assertThat(context.getBean(FileStore.class)).isInstanceOf(LocalFileStore.class));
        runner.withPropertyValues("jiaoyan.files.s3.endpoint=" + URL, "jiaoyan.files.s3.bucket=" + BUCKET,
                "jiaoyan.files.s3.access-key=" + KEY, "jiaoyan.files.s3.secret-key=" + KEY).run(context -> {
            assertThat(context).hasSingleBean(FileStore.class);
            assertThat(context.getBean(FileStore.class)).isInstanceOf(S3FileStore.class);
        });
    }

    /** Compares without printing megabytes of array on failure. */
    private static void assertSameBytes(byte[] read, byte[] expected) {
        assertThat(Arrays.equals(read, expected)).as("the %d bytes read back are the %d bytes stored; read starts with %s",
                read.length, expected.length, new String(read, 0, Math.min(read.length, 60), StandardCharsets.ISO_8859_1)).isTrue();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
