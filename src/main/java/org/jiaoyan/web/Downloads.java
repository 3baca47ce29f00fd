package org.jiaoyan.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Generated files (Word, Excel) as downloads under a Chinese name that every browser keeps. */
public final class Downloads {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Downloads() {
    }

    /** A file name from a title: characters Windows refuses become "_", length kept reasonable. */
    public static String safeName(String title, String extension) {
        String name = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (name.isEmpty()) {
            name = "export";
        }
        if (name.length() > 120) {
            name = name.substring(0, 120);
        }
        return name + extension;
    }

    /** The bytes as an attachment named in UTF-8 (filename*), as the plan and observation exports send them. */
    public static ResponseEntity<byte[]> attachment(String fileName, String contentType, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .body(bytes);
    }
}
