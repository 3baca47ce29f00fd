package org.jiaoyan.word;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jiaoyan.word.OfficialDocument.Block;
import org.jiaoyan.word.OfficialDocument.Inline;
import org.jiaoyan.word.OfficialDocument.Merge;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * Writes sanitised section HTML (p, br, h2–h4, strong/b, em/i, u, ol/ul/li, table, span, div) into an official
 * document: paragraphs with the first-line indent, h2 in 黑体, h3 in 楷体, h4 in bold 仿宋, list items as paragraphs that
 * keep their numbers (1． then （1） then ①), tables as bordered Word tables with their spans. In body text a line break
 * starts a new paragraph, as every line of an official document is one; in a table cell it stays a line break.
 */
public final class HtmlDocx {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul", "li",
            "table", "blockquote", "thead", "tbody", "tfoot", "tr");
    /** Text that already starts with its number (pasted "1．…", "（2）…", "一、…", "③…") gets no second one. */
    private static final Pattern NUMBERED = Pattern.compile(
            "^[\\s\\u3000]*(?:[（(][0-9０-９一二三四五六七八九十]+[)）]|[0-9０-９]+[.．、]|[一二三四五六七八九十]+、|[①-⑳])");
    /** A cell holding just a number or a share is centred, as counts in the offices' tables are. */
    private static final Pattern NUMBER = Pattern.compile("[\\s\\u3000]*[0-9０-９.,%％]+[\\s\\u3000]*");
    private static final String CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    private static final int MAX_SPAN = 20;

    private final OfficialDocument doc;

    public HtmlDocx(OfficialDocument doc) {
        this.doc = doc;
    }

    /** Appends the HTML to the end of the document. */
    public void write(@Nullable String html) {
        if (html == null || html.isBlank()) {
            return;
        }
        write(Jsoup.parseBodyFragment(html).body());
    }

    /** Appends the children of an element (a parsed body) to the end of the document. */
    public void write(Element container) {
        blocks(container, new Target(() -> doc.document().createParagraph(), false), Block.BODY, 0);
    }

    // ---------------------------------------------------------------- where paragraphs go

    /** The document body, or a table cell (whose first paragraph exists already). */
    private static final class Target {
        private final Supplier<XWPFParagraph> next;
        private final boolean cell;
        private @Nullable String prefix; // a list number waiting for the first paragraph of its item

        Target(Supplier<XWPFParagraph> next, boolean cell) {
            this.next = next;
            this.cell = cell;
        }

        static Target cell(XWPFTableCell cell) {
            boolean[] first = {true};
            return new Target(() -> {
                if (first[0]) {
                    first[0] = false;
                    return cell.getParagraphs().get(0);
                }
                return cell.addParagraph();
            }, true);
        }

        @Nullable String takePrefix() {
            String p = prefix;
            prefix = null;
            return p;
        }
    }

    // ---------------------------------------------------------------- blocks

    private void blocks(Element container, Target t, Block kind, int listDepth) {
        List<Node> inline = new ArrayList<>();
        for (Node n : container.childNodes()) {
            if (n instanceof Element e && BLOCKS.contains(e.normalName())) {
                paragraph(inline, t, kind);
                inline = new ArrayList<>();
                block(e, t, kind, listDepth);
            } else {
                inline.add(n);
            }
        }
        paragraph(inline, t, kind);
    }

    private void block(Element e, Target t, Block kind, int listDepth) {
        switch (e.normalName()) {
            case "h1", "h2" -> heading(e, t, kind, Block.HEADING);
            case "h3" -> heading(e, t, kind, Block.SUBHEADING);
            case "h4", "h5", "h6" -> heading(e, t, kind, Block.MINOR_HEADING);
            case "ol", "ul" -> list(e, t, kind, listDepth + 1);
            case "li" -> blocks(e, t, kind, listDepth); // a stray item outside a list: its text as it is
            case "table", "thead", "tbody", "tfoot", "tr" -> {
                if (t.cell) {
                    flattenedTable(e, t, kind);
                } else {
                    table(e);
                }
            }
            default -> { // p, div, blockquote
                if (e.children().stream().anyMatch(c -> BLOCKS.contains(c.normalName()))) {
                    blocks(e, t, kind, listDepth);
                } else {
                    paragraph(e.childNodes(), t, kind);
                }
            }
        }
    }

    private void heading(Element e, Target t, Block kind, Block heading) {
        if (kind.inCell()) {
            Writer w = new Writer(t, kind);
            inline(e, Inline.PLAIN.withBold(), w);
            w.finish();
        } else {
            paragraph(e.childNodes(), t, heading);
        }
    }

    private void list(Element list, Target t, Block kind, int depth) {
        boolean ordered = list.normalName().equals("ol");
        int n = 0;
        for (Element li : list.children()) {
            if (!li.normalName().equals("li")) {
                block(li, t, kind, depth);
                continue;
            }
            n++;
            t.prefix = ordered && !NUMBERED.matcher(li.text()).find() ? number(n, depth) : null;
            blocks(li, t, kind, depth);
            t.prefix = null;
        }
    }

    /** 1． at the first level, （1） at the second, ① below: the official order after 一、 and （一）. */
    public static String number(int n, int depth) {
        return switch (depth) {
            case 1 -> n + "．";
            case 2 -> "（" + n + "）";
            default -> n <= CIRCLED.length() ? String.valueOf(CIRCLED.charAt(n - 1)) : "（" + n + "）";
        };
    }

    // ---------------------------------------------------------------- paragraphs

    private void paragraph(List<Node> nodes, Target t, Block kind) {
        Writer w = new Writer(t, kind);
        for (Node n : nodes) {
            inline(n, Inline.PLAIN, w);
        }
        w.finish();
    }

    private void inline(Node n, Inline style, Writer w) {
        if (n instanceof TextNode text) {
            w.text(text.text(), style);
        } else if (n instanceof Element e) {
            switch (e.normalName()) {
                case "br" -> w.lineBreak();
                case "strong", "b" -> children(e, style.withBold(), w);
                case "em", "i" -> children(e, style.withItalic(), w);
                case "u" -> children(e, style.withUnderline(), w);
                default -> children(e, style, w);
            }
        }
    }

    private void children(Element e, Inline style, Writer w) {
        for (Node c : e.childNodes()) {
            inline(c, style, w);
        }
    }

    /**
     * Writes one logical paragraph's runs; in body text a line break starts the next paragraph. A paragraph is only
     * created once there is text (or at the end, when the HTML asked for an empty one), so whitespace between blocks
     * makes none.
     */
    private static final class Writer {
        private final Target target;
        private final Block kind;
        private @Nullable XWPFParagraph current;
        private boolean atStart = true;
        private boolean pendingBreak;
        private boolean wroteAny;

        Writer(Target target, Block kind) {
            this.target = target;
            this.kind = kind;
        }

        void text(String s, Inline style) {
            String text = atStart ? stripLeading(s) : s;
            if (text.isEmpty()) {
                return;
            }
            if (pendingBreak) {
                pendingBreak = false;
                if (kind.inCell()) {
                    OfficialDocument.text(paragraph(), kind, "", Inline.PLAIN).addBreak();
                } else {
                    current = null;
                }
            }
            OfficialDocument.text(paragraph(), kind, text, style);
            atStart = false;
            wroteAny = true;
        }

        void lineBreak() {
            if (wroteAny) {
                pendingBreak = true;
                atStart = !kind.inCell();
            } else {
                paragraph(); // <p><br></p>: an intentionally empty line
            }
        }

        void finish() {
            if (current == null && target.prefix != null) {
                paragraph(); // a list item without text still shows its number
            }
        }

        private XWPFParagraph paragraph() {
            if (current == null) {
                current = target.next.get();
                OfficialDocument.style(current, kind);
                String prefix = target.takePrefix();
                if (prefix != null) {
                    OfficialDocument.text(current, kind, prefix, Inline.PLAIN);
                }
            }
            return current;
        }

        private static String stripLeading(String s) {
            int i = 0;
            while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\u3000' || s.charAt(i) == '\u00a0')) {
                i++;
            }
            return s.substring(i);
        }
    }

    // ---------------------------------------------------------------- tables

    /** One cell of the HTML table placed on the grid; covered positions point at their origin. */
    private record Placed(Element cell, int row, int col, int rowSpan, int colSpan) {
    }

    private void table(Element table) {
        List<Element> rows = rows(table);
        if (rows.isEmpty()) {
            return;
        }
        Map<Long, Placed> grid = new HashMap<>();
        int columns = 0;
        for (int r = 0; r < rows.size(); r++) {
            int col = 0;
            for (Element cell : rows.get(r).children()) {
                if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                    continue;
                }
                while (grid.containsKey(key(r, col))) {
                    col++;
                }
                int rs = Math.min(span(cell.attr("rowspan")), rows.size() - r);
                int cs = span(cell.attr("colspan"));
                Placed placed = new Placed(cell, r, col, rs, cs);
                for (int i = r; i < r + rs; i++) {
                    for (int j = col; j < col + cs; j++) {
                        grid.put(key(i, j), placed);
                    }
                }
                col += cs;
                columns = Math.max(columns, col);
            }
        }
        if (columns == 0) {
            return;
        }
        int[] widths = OfficialDocument.equalWidths(columns);
        XWPFTable t = doc.table(widths);
        boolean header = true;
        for (int r = 0; r < rows.size(); r++) {
            Element tr = rows.get(r);
            header = header && (tr.parent() != null && tr.parent().normalName().equals("thead")
                    || tr.children().stream().allMatch(c -> c.normalName().equals("th")));
            XWPFTableRow row = OfficialDocument.row(t, header);
            int col = 0;
            while (col < columns) {
                Placed p = grid.get(key(r, col));
                if (p == null) {
                    OfficialDocument.cellParagraph(OfficialDocument.cell(row, widths[col], 1, Merge.NONE), Block.CELL);
                    col++;
                    continue;
                }
                int width = 0;
                for (int j = p.col(); j < p.col() + p.colSpan(); j++) {
                    width += widths[j];
                }
                Merge merge = p.rowSpan() == 1 ? Merge.NONE : p.row() == r ? Merge.RESTART : Merge.CONTINUE;
                XWPFTableCell cell = OfficialDocument.cell(row, width, p.colSpan(), merge);
                Block kind = header ? Block.CELL_HEADER : NUMBER.matcher(p.cell().text()).matches() ? Block.CELL_CENTRED : Block.CELL;
                OfficialDocument.cellParagraph(cell, kind);
                if (p.row() == r) {
                    Target target = Target.cell(cell);
                    if (p.cell().normalName().equals("th") && !header) {
                        Writer w = new Writer(target, kind);
                        inline(p.cell(), Inline.PLAIN.withBold(), w);
                        w.finish();
                    } else {
                        blocks(p.cell(), target, kind, 0);
                    }
                }
                col += p.colSpan();
            }
        }
    }

    /** A table inside a table cell: each row one line, cells separated by spaces. */
    private void flattenedTable(Element table, Target t, Block kind) {
        for (Element tr : rows(table)) {
            Writer w = new Writer(t, kind);
            List<String> cells = new ArrayList<>();
            for (Element c : tr.children()) {
                cells.add(c.text());
            }
            w.text(String.join("　", cells), Inline.PLAIN);
            w.finish();
        }
    }

    /** Rows of a table (directly or in thead/tbody/tfoot), not those of tables nested in its cells. */
    private static List<Element> rows(Element table) {
        List<Element> rows = new ArrayList<>();
        if (table.normalName().equals("tr")) {
            rows.add(table);
            return rows;
        }
        for (Element child : table.children()) {
            switch (child.normalName()) {
                case "tr" -> rows.add(child);
                case "thead", "tbody", "tfoot" -> child.children().stream().filter(c -> c.normalName().equals("tr")).forEach(rows::add);
                default -> { }
            }
        }
        return rows;
    }

    private static int span(String value) {
        try {
            return Math.max(1, Math.min(MAX_SPAN, Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static long key(int row, int col) {
        return ((long) row << 32) | col;
    }
}
