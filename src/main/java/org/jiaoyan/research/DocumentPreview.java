package org.jiaoyan.research;

import java.io.IOException;
import java.io.InputStream;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.web.util.HtmlUtils;

/**
 * A .docx shown in the browser as simple HTML: headings, paragraphs and tables with their text escaped. Nothing of the
 * file's markup, styles or fields reaches the page, so a document cannot carry script into it.
 */
public final class DocumentPreview {

    /** Stops a very long document from making a page nobody can load. */
    private static final int MAX_CHARS = 400_000;

    private DocumentPreview() {
    }

    public static String html(InputStream docx) throws IOException {
        StringBuilder out = new StringBuilder();
        try (XWPFDocument d = new XWPFDocument(docx)) {
            for (IBodyElement e : d.getBodyElements()) {
                if (out.length() > MAX_CHARS) {
                    out.append("<p>…</p>");
                    break;
                }
                if (e instanceof XWPFParagraph p) {
                    paragraph(p, out);
                } else if (e instanceof XWPFTable t) {
                    table(t, out);
                }
            }
        }
        return out.toString();
    }

    private static void paragraph(XWPFParagraph p, StringBuilder out) {
        String text = p.getText();
        if (text == null || text.isBlank()) {
            return;
        }
        String tag = tag(p);
        out.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append('>');
    }

    /** Title and Heading 1–2 styles become h2/h3, deeper headings h4, everything else p. */
    private static String tag(XWPFParagraph p) {
        String style = p.getStyle();
        String name = style == null ? "" : style.toLowerCase(java.util.Locale.ROOT);
        if (p.getDocument() != null && style != null && p.getDocument().getStyles() != null) {
            var s = p.getDocument().getStyles().getStyle(style);
            if (s != null && s.getName() != null) {
                name = s.getName().toLowerCase(java.util.Locale.ROOT);
            }
        }
        if (name.equals("title") || name.matches("heading ?1")) {
            return "h2";
        }
        if (name.matches("heading ?2")) {
            return "h3";
        }
        if (name.matches("heading ?[3-9]")) {
            return "h4";
        }
        return "p";
    }

    private static void table(XWPFTable t, StringBuilder out) {
        out.append("<div class=\"table-responsive\"><table class=\"table table-bordered table-sm\"><tbody>");
        for (XWPFTableRow r : t.getRows()) {
            out.append("<tr>");
            for (XWPFTableCell c : r.getTableCells()) {
                out.append("<td>");
                boolean first = true;
                for (XWPFParagraph p : c.getParagraphs()) {
                    if (!first) {
                        out.append("<br>");
                    }
                    out.append(escape(p.getText()));
                    first = false;
                }
                for (XWPFTable inner : c.getTables()) {
                    table(inner, out);
                }
                out.append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</tbody></table></div>");
    }

    private static String escape(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
