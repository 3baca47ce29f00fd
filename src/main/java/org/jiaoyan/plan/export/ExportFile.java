package org.jiaoyan.plan.export;

import org.jiaoyan.web.Downloads;

/** A file to download: its name as the user sees it, its media type and its bytes. */
public record ExportFile(String fileName, String contentType, byte[] bytes) {

    static final String DOCX = Downloads.DOCX;
    static final String XLSX = Downloads.XLSX;

    /** A file name from a title: characters Windows refuses become "_", length kept reasonable. */
    static String safeName(String title, String extension) {
        return Downloads.safeName(title, extension);
    }
}
