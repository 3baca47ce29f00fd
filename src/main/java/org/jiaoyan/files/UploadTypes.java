package org.jiaoyan.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.jspecify.annotations.Nullable;

/**
 * The allowed extensions, the type each is served with, and whether a file's first bytes are of that family (Apache
 * Tika's magic-byte detection, tika-core only). An .exe or a web page renamed to .jpg, .pdf or .docx is refused; a
 * Word 97–2003 .doc, .xls, .ppt or WPS .wps (OLE2 compound file), an Office .docx/.xlsx/.pptx (zip), a PDF, an image
 * or a text file passes.
 */
final class UploadTypes {

    /** Extension → the content type files of that kind are served with. */
    static final Map<String, String> SERVED_AS = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("heic", "image/heic"),
            Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("wps", "application/vnd.ms-works"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("mp4", "video/mp4"), Map.entry("zip", "application/zip"));

    /** OLE2 compound files: what tika-core reports for Word/Excel/PowerPoint 97–2003 and WPS files. */
    private static final Set<String> OLE2 = Set.of("application/x-tika-msoffice", "application/msword",
            "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "application/x-tika-ooxml-protected",
            "application/vnd.ms-works", "application/x-mspublisher");
    /** Zip containers: OOXML when [Content_Types].xml comes first, else plain zip (tika-core cannot open the zip). */
    private static final Set<String> ZIP = Set.of("application/zip", "application/x-tika-ooxml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");

    /** Extension → detected types that are of its family. */
    private static final Map<String, Set<String>> FAMILY = Map.ofEntries(
            Map.entry("jpg", Set.of("image/jpeg")), Map.entry("jpeg", Set.of("image/jpeg")),
            Map.entry("png", Set.of("image/png")), Map.entry("gif", Set.of("image/gif")),
            Map.entry("webp", Set.of("image/webp")),
            Map.entry("heic", Set.of("image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence", "image/avif")),
            Map.entry("pdf", Set.of("application/pdf")),
            Map.entry("txt", Set.of("text/plain")),
            // many "Word" files from older systems are RTF inside
            Map.entry("doc", union(OLE2, Set.of("application/rtf"))),
            Map.entry("wps", OLE2), Map.entry("xls", OLE2), Map.entry("ppt", OLE2),
            Map.entry("docx", ZIP), Map.entry("xlsx", ZIP), Map.entry("pptx", ZIP), Map.entry("zip", ZIP),
            Map.entry("mp4", Set.of("video/mp4", "video/quicktime", "video/x-m4v", "application/mp4", "video/3gpp")));

    private UploadTypes() {
    }

    /** The extension of a file name, lower case, or "" without one. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static @Nullable String servedAs(String name) {
        return SERVED_AS.get(extension(name));
    }

    /**
     * Whether the content starting the stream is of the extension's family. Reads at most Tika's magic length and resets
     * the stream, so the caller stores it whole afterwards.
     */
    static boolean contentMatches(String extension, BufferedInputStream in) throws IOException {
        Set<String> family = FAMILY.get(extension);
        if (family == null) {
            return false;
        }
        MediaType detected = MimeTypes.getDefaultMimeTypes().detect(in, new Metadata()); // no name: by content alone
        String type = detected.getBaseType().toString();
        if (family.contains(type)) {
            return true;
        }
        // text in a legacy Chinese encoding (GBK) has no magic and is not taken for UTF-8: plain bytes without controls
        return "txt".equals(extension) && MediaType.OCTET_STREAM.equals(detected) && looksLikeText(in);
    }

    /** No NUL or other control characters (tab, CR, LF and form feed aside) in the first 8 KiB. */
    private static boolean looksLikeText(BufferedInputStream in) throws IOException {
        in.mark(8192);
        try {
            byte[] head = in.readNBytes(8192);
            for (byte b : head) {
                int c = b & 0xFF;
                if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != 0x1A) {
                    return false;
                }
            }
            return true;
        } finally {
            in.reset();
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
