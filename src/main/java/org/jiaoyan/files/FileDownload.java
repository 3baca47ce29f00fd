package org.jiaoyan.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The response that serves a stored file under its original name: images and PDFs inline (previewed in the browser),
 * everything else as a download; never sniffed. The caller has checked that the user may read the owning record.
 */
public final class FileDownload {

    private FileDownload() {
    }

    public static ResponseEntity<InputStreamResource> of(Uploads uploads, String fileName, @Nullable String contentType,
                                                         String storageKey) throws IOException {
        ContentDisposition disposition = (Uploads.previewable(fileName) ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(fileName, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(contentType == null ? "application/octet-stream" : contentType))
                .body(new InputStreamResource(uploads.open(storageKey)));
    }
}
