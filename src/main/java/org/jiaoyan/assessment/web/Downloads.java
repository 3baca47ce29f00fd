package org.jiaoyan.assessment.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jiaoyan.assessment.CheckNoticeDocx;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A generated Word file as an attachment whose Chinese name survives every browser (RFC 5987 filename*). */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<byte[]> docx(CheckNoticeDocx.File file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CheckNoticeDocx.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .body(file.bytes());
    }
}
