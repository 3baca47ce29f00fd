package org.jiaoyan.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Accepts an upload when its extension is allowed, its content is of that kind ({@link UploadTypes}: an .exe renamed
 * .jpg is refused) and its size within the limit, and stores it.
 */
@Service
public class Uploads {

    private final FileStore store;
    private final long maxBytes;

    Uploads(FileStore store, @Value("${jiaoyan.files.max-mb:10}") long maxMb) {
        this.store = store;
        this.maxBytes = maxMb * 1024 * 1024;
    }

    public StoredFile store(String originalName, InputStream in) throws IOException {
        String name = originalName == null ? "" : originalName.replaceAll("[\\\\/]", "_").strip();
        String type = contentType(name);
        if (name.isEmpty()) {
            throw new UploadRejected("files.required");
        }
        if (type == null) {
            throw new UploadRejected("files.typeNotAllowed",
                    String.join("、", UploadTypes.SERVED_AS.keySet().stream().sorted().toList()));
        }
        BufferedInputStream content = new BufferedInputStream(in, 64 * 1024);
        content.mark(1);
        if (content.read() < 0) {
            throw new UploadRejected("files.empty");
        }
        content.reset();
        String extension = UploadTypes.extension(name);
        if (!UploadTypes.contentMatches(extension, content)) {
            throw new UploadRejected("files.contentMismatch", extension);
        }
        return store.put(content, name.length() > 200 ? name.substring(name.length() - 200) : name, type, maxBytes);
    }

    public InputStream open(String key) throws IOException {
        return store.open(key);
    }

    /** The content type a stored file is served with, from its extension; null when the type is not allowed. */
    public static @org.jspecify.annotations.Nullable String contentType(String name) {
        return UploadTypes.servedAs(name);
    }

    /** Images and PDFs open in the browser; the rest download. */
    public static boolean previewable(String name) {
        String t = contentType(name);
        return t != null && (t.startsWith("image/") && !t.equals("image/heic") || t.equals("application/pdf"));
    }
}
