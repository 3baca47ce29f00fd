package org.jiaoyan.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Accepts an upload when its type is allowed and its size within the limit, and stores it. */
@Service
public class Uploads {

    /** Allowed extensions and the content type files of that kind are served with. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("heic", "image/heic"),
            Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("mp4", "video/mp4"), Map.entry("zip", "application/zip"));

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
            throw new UploadRejected("files.typeNotAllowed", String.join("、", TYPES.keySet().stream().sorted().toList()));
        }
        return store.put(in, name.length() > 200 ? name.substring(name.length() - 200) : name, type, maxBytes);
    }

    public InputStream open(String key) throws IOException {
        return store.open(key);
    }

    /** The content type a stored file is served with, from its extension; null when the type is not allowed. */
    public static @org.jspecify.annotations.Nullable String contentType(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Images and PDFs open in the browser; the rest download. */
    public static boolean previewable(String name) {
        String t = contentType(name);
        return t != null && (t.startsWith("image/") && !t.equals("image/heic") || t.equals("application/pdf"));
    }
}
