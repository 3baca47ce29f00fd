package org.jiaoyan.plan;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Keeps what a plan section needs (headings, paragraphs, lists, tables, emphasis) and drops everything else, so that
 * text pasted from Word or typed in the editor can be shown as HTML without scripts or foreign styles.
 */
@Component
public class HtmlSanitiser {

    private static final Safelist SECTION = new Safelist()
            .addTags("p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "ol", "ul", "li", "blockquote",
                    "table", "thead", "tbody", "tr", "th", "td", "span", "div")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan");

    public String clean(@Nullable String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.clean(html, SECTION);
    }

    /** Plain text of sanitised HTML (summaries, exports, search). */
    public static String text(@Nullable String html) {
        return html == null ? "" : Jsoup.parse(html).text();
    }

    /** Plain text turned into paragraphs (imported sections): one &lt;p&gt; per line, escaped. */
    public static String paragraphs(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                b.append("<p>").append(org.jsoup.nodes.Entities.escape(line.strip())).append("</p>");
            }
        }
        return b.toString();
    }
}
