package org.jiaoyan.plan.export;

/** A file to download: its name as the user sees it, its media type and its bytes. */
public record ExportFile(String fileName, String contentType, byte[] bytes) {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A file name from a title: characters Windows refuses become "_", length kept reasonable. */
    static String safeName(String title, String extension) {
        String name = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (name.isEmpty()) {
            name = "export";
        }
        if (name.length() > 120) {
            name = name.substring(0, 120);
        }
        return name + extension;
    }
}
