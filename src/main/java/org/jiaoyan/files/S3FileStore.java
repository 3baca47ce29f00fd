package org.jiaoyan.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jiaoyan.shared.NotFoundException;
import org.springframework.beans.factory.DisposableBean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Files in an S3-compatible bucket (MinIO, s3rver, AWS), under the hex SHA-256 of their content; same content, one
 * object. Used instead of {@link LocalFileStore} when jiaoyan.files.s3.endpoint is set; path-style access, the bucket
 * is created at startup when missing.
 */
class S3FileStore implements FileStore, DisposableBean {

    private final S3Client s3;
    private final String bucket;

    S3FileStore(String endpoint, String bucket, String accessKey, String secretKey, String region) {
        this.bucket = bucket;
        this.s3 = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(true)
                // no aws-chunked uploads: s3rver (and other S3-compatible servers) stored the chunk signatures as
                // part of the object; the file is on disk with its length known, so one signed body is enough
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                // the SDK's default trailing CRC checksums (aws-chunked uploads) are not understood by every
                // S3-compatible server; the content hash is our key anyway
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        createBucketIfMissing();
    }

    private void createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            try {
                s3.createBucket(b -> b.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException createdMeanwhile) {
                // another instance was faster
            }
        }
    }

    @Override
    public StoredFile put(InputStream in, String originalName, String contentType, long maxBytes) throws IOException {
        Path temp = Files.createTempFile("jiaoyan-upload-", ".part");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (InputStream digesting = new DigestInputStream(in, sha); OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = digesting.read(buffer)) >= 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new UploadRejected("files.tooLarge", maxBytes / (1024 * 1024));
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw new UploadRejected("files.empty");
            }
            String key = HexFormat.of().formatHex(sha.digest());
            if (!exists(key)) {
                s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/octet-stream"), RequestBody.fromFile(temp));
            }
            return new StoredFile(key, size, originalName, contentType);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        if (!key.matches("[0-9a-f]{64}")) {
            throw new NotFoundException();
        }
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NotFoundException();
            }
            throw e;
        }
    }

    @Override
    public void destroy() {
        s3.close();
    }
}
