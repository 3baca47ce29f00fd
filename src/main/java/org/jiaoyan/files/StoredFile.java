package org.jiaoyan.files;

/** A stored upload: the key (its SHA-256), its size, the original name and content type as the browser sent them. */
public record StoredFile(String key, long size, String originalName, String contentType) {
}
