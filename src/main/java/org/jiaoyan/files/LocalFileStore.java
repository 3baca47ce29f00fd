package org.jiaoyan.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jiaoyan.shared.NotFoundException;

/**
 * Files in a local folder (jiaoyan.files.dir, default ./data/files), at ab/cd/&lt;sha-256&gt;; same content, one file.
 * The default; {@link S3FileStore} takes its place when jiaoyan.files.s3.endpoint is set (see {@link FileStoreConfiguration}).
 */
class LocalFileStore implements FileStore {

    private final Path root;

    LocalFileStore(String dir) {
        this.root = Path.of(dir).toAbsolutePath().normalize();
    }

    @Override
    public StoredFile put(InputStream in, String originalName, String contentType, long maxBytes) throws IOException {
        Files.createDirectories(root);
        Path temp = Files.createTempFile(root, "upload-", ".part");
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
            Path target = path(key);
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new StoredFile(key, size, originalName, contentType);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path p = path(key);
        if (!Files.isRegularFile(p)) {
            throw new NotFoundException();
        }
        return Files.newInputStream(p);
    }

    private Path path(String key) {
        if (!key.matches("[0-9a-f]{64}")) {
            throw new NotFoundException();
        }
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }
}
