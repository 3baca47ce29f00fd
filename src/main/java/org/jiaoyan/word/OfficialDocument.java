package org.jiaoyan.word;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jiaoyan.shared.ChineseDates;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

/**
 * A Word document laid out like a Chinese official document (GB/T 9704): A4 with margins 37/35/28/26 mm, the title in
 * 方正小标宋简体 二号, body in 仿宋_GB2312 三号 at a fixed 28.95 pt line pitch (22 lines in the 225 mm type area) with a
 * two-character first-line indent, headings in 黑体 (一、) and 楷体 (（一）), page numbers "— 1 —" in 宋体 四号 centred.
 * Fonts missing on the reader's machine fall back to 宋体 / 仿宋 / 楷体 through the font table.
 */
public final class OfficialDocument {

    public static final int PAGE_WIDTH = 11906;   // A4 in twips
    public static final int PAGE_HEIGHT = 16838;
    public static final int MARGIN_TOP = mm(37);
    public static final int MARGIN_BOTTOM = mm(35);
    public static final int MARGIN_LEFT = mm(28);
    public static final int MARGIN_RIGHT = mm(26);
    /** Width of the type area in twips: tables span it. */
    public static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

    public static final String TITLE_FONT = "方正小标宋简体";
    public static final String BODY_FONT = "仿宋_GB2312";
    public static final String HEADING_FONT = "黑体";
    public static final String SUBHEADING_FONT = "楷体_GB2312";
    public static final String PAGE_NUMBER_FONT = "宋体";

    /** The red of a 红头 and its rule. */
    public static final String RED = "FF0000";

    /** Line pitch of body text: 28.95 pt exactly, so that 22 lines fill the type area. */
    public static final int LINE = 579;

    /** What a paragraph is; decides font, size, alignment, indent and line spacing. */
    public enum Block {
        TITLE(TITLE_FONT, 22, ParagraphAlignment.CENTER, false, 720, false),
        SUBTITLE(BODY_FONT, 16, ParagraphAlignment.CENTER, false, LINE, false),
        HEADING(HEADING_FONT, 16, ParagraphAlignment.BOTH, true, LINE, false),
        SUBHEADING(SUBHEADING_FONT, 16, ParagraphAlignment.BOTH, true, LINE, false),
        MINOR_HEADING(BODY_FONT, 16, ParagraphAlignment.BOTH, true, LINE, true),
        BODY(BODY_FONT, 16, ParagraphAlignment.BOTH, true, LINE, false),
        /** A centred heading over an appended table (行事历). */
        TABLE_TITLE(HEADING_FONT, 16, ParagraphAlignment.CENTER, false, LINE, false),
        CELL(BODY_FONT, 12, ParagraphAlignment.LEFT, false, 0, false),
        CELL_CENTRED(BODY_FONT, 12, ParagraphAlignment.CENTER, false, 0, false),
        CELL_HEADER(HEADING_FONT, 12, ParagraphAlignment.CENTER, false, 0, false);

        final String font;
        final double size;
        final ParagraphAlignment alignment;
        final boolean indent;
        final int line; // exact line pitch in twips; 0 = single
        final boolean bold;

        Block(String font, double size, ParagraphAlignment alignment, boolean indent, int line, boolean bold) {
            this.font = font;
            this.size = size;
            this.alignment = alignment;
            this.indent = indent;
            this.line = line;
            this.bold = bold;
        }

        public boolean inCell() {
            return this == CELL || this == CELL_CENTRED || this == CELL_HEADER;
        }
    }

    /** Emphasis inside a paragraph (strong, em, u). */
    public record Inline(boolean bold, boolean italic, boolean underline) {
        public static final Inline PLAIN = new Inline(false, false, false);

        public Inline withBold() {
            return new Inline(true, italic, underline);
        }

        public Inline withItalic() {
            return new Inline(bold, true, underline);
        }

        public Inline withUnderline() {
            return new Inline(bold, italic, true);
        }
    }

    /** How a table cell takes part in a vertical merge. */
    public enum Merge { NONE, RESTART, CONTINUE }

    private final XWPFDocument doc = new XWPFDocument();

    public OfficialDocument() {
        defaults();
        fontTable();
        page();
        pageNumbers();
    }

    public XWPFDocument document() {
        return doc;
    }

    // ---------------------------------------------------------------- paragraphs

    public void title(String text) {
        text(paragraph(Block.TITLE), Block.TITLE, text, Inline.PLAIN);
    }

    public void subtitle(String text) {
        text(paragraph(Block.SUBTITLE), Block.SUBTITLE, text, Inline.PLAIN);
    }

    /** An empty body line (after the title block, as official documents leave one). */
    public void blankLine() {
        paragraph(Block.SUBTITLE);
    }

    public void paragraph(Block block, String text) {
        text(paragraph(block), block, text, Inline.PLAIN);
    }

    /** A new paragraph at the end of the document, styled as the block. */
    public XWPFParagraph paragraph(Block block) {
        XWPFParagraph p = doc.createParagraph();
        style(p, block);
        return p;
    }

    /** Sets alignment, line pitch and first-line indent of a paragraph. */
    public static void style(XWPFParagraph p, Block block) {
        p.setAlignment(block.alignment);
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTSpacing spacing = ppr.isSetSpacing() ? ppr.getSpacing() : ppr.addNewSpacing();
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.ZERO);
        if (block.line > 0) {
            spacing.setLine(BigInteger.valueOf(block.line));
            spacing.setLineRule(STLineSpacingRule.EXACT);
        } else {
            spacing.setLine(BigInteger.valueOf(240));
            spacing.setLineRule(STLineSpacingRule.AUTO);
        }
        if (block.indent) {
            var ind = ppr.isSetInd() ? ppr.getInd() : ppr.addNewInd();
            ind.setFirstLineChars(BigInteger.valueOf(200));
            ind.setFirstLine(BigInteger.valueOf(Math.round(block.size * 2 * 20)));
        }
    }

    /** A run of text in the block's font, with emphasis. */
    public static XWPFRun text(XWPFParagraph p, Block block, String text, Inline inline) {
        XWPFRun r = p.createRun();
        font(r, block.font, block.size);
        if (block.bold || inline.bold()) {
            r.setBold(true);
        }
        if (inline.italic()) {
            r.setItalic(true);
        }
        if (inline.underline()) {
            r.setUnderline(org.apache.poi.xwpf.usermodel.UnderlinePatterns.SINGLE);
        }
        r.setText(text);
        return r;
    }

    public static void font(XWPFRun r, String font, double size) {
        CTRPr rpr = r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr();
        CTFonts fonts = rpr.sizeOfRFontsArray() > 0 ? rpr.getRFontsArray(0) : rpr.addNewRFonts();
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        fonts.setEastAsia(font);
        fonts.setCs(font);
        fonts.setHint(STHint.EAST_ASIA);
        r.setFontSize(size);
    }

    // ---------------------------------------------------------------- 版头 and 版记 parts

    /**
     * The 发文机关标志 (红头): the issuing organ's name in red 方正小标宋, centred, as large as 小初 (36 pt) but never
     * wider than the type area; followed by a blank line. Put {@link #docNumber} and {@link #redRule} under it.
     */
    public void redHeader(String organ) {
        String name = organ.strip();
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        spacing(p, 0, 0);
        double size = headerSize(name);
        XWPFRun r = p.createRun();
        font(r, TITLE_FONT, size);
        r.setColor(RED);
        r.setText(name);
        paragraph(Block.SUBTITLE);
    }

    /** Size of a 红头 of this name: 36 pt, smaller for a long name so that it keeps to one line of the type area. */
    static double headerSize(String organ) {
        double width = Math.max(1, charWidths(organ));
        double fit = Math.floor(TEXT_WIDTH / 20.0 / width); // points per character that still fit
        return Math.max(16, Math.min(36, fit));
    }

    /** The 发文字号 (e.g. 教科〔2026〕5号), centred in the body font. */
    public void docNumber(String number) {
        paragraph(Block.SUBTITLE, number.strip());
    }

    /** The red 分隔线 across the type area that closes the 红头 (an empty paragraph with a red bottom border). */
    public void redRule() {
        XWPFParagraph p = doc.createParagraph();
        spacing(p, 0, 0);
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        var borders = ppr.isSetPBdr() ? ppr.getPBdr() : ppr.addNewPBdr();
        var bottom = borders.isSetBottom() ? borders.getBottom() : borders.addNewBottom();
        bottom.setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder.SINGLE);
        bottom.setSz(BigInteger.valueOf(18)); // eighths of a point: 2.25 pt
        bottom.setSpace(BigInteger.ONE);
        bottom.setColor(RED);
        XWPFRun r = p.createRun();
        font(r, BODY_FONT, 8); // a low line: the rule sits about 4 mm under the 文号
    }

    /**
     * 发文机关署名 and 成文日期 after the body (GB/T 9704 without a seal): one blank line, the organ centred over the
     * date, the date (2026年10月8日) right-aligned four characters in from the right margin.
     */
    public void signature(String organ, LocalDate date) {
        String day = ChineseDates.date(date);
        String name = organ.strip();
        paragraph(Block.BODY);
        int charTwips = (int) Math.round(Block.BODY.size * 20);
        double shift = 4 + (charWidths(day) - charWidths(name)) / 2;
        rightAligned(name, (int) Math.round(Math.max(0, shift) * charTwips));
        rightAligned(day, 4 * charTwips);
    }

    private void rightAligned(String text, int rightIndent) {
        XWPFParagraph p = paragraph(Block.BODY);
        p.setAlignment(ParagraphAlignment.RIGHT);
        CTPPr ppr = p.getCTP().getPPr();
        var ind = ppr.isSetInd() ? ppr.getInd() : ppr.addNewInd();
        ind.setFirstLine(BigInteger.ZERO);
        ind.setFirstLineChars(BigInteger.ZERO);
        ind.setRight(BigInteger.valueOf(rightIndent));
        text(p, Block.BODY, text, Inline.PLAIN);
    }

    /** Width of a text in full-width characters: Chinese one each, digits and Latin letters half. */
    static double charWidths(String text) {
        double w = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            w += c < 0x2E80 ? 0.5 : 1;
            i += Character.charCount(c);
        }
        return w;
    }

    private static void spacing(XWPFParagraph p, int before, int after) {
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTSpacing spacing = ppr.isSetSpacing() ? ppr.getSpacing() : ppr.addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(before));
        spacing.setAfter(BigInteger.valueOf(after));
        spacing.setLine(BigInteger.valueOf(240));
        spacing.setLineRule(STLineSpacingRule.AUTO);
    }

    // ---------------------------------------------------------------- tables

    /** An empty bordered table across the type area with the given column widths (twips); rows are added by {@link #row}. */
    public XWPFTable table(int[] widths) {
        XWPFTable t = doc.createTable();
        while (t.getNumberOfRows() > 0) {
            t.removeRow(0);
        }
        CTTbl ct = t.getCTTbl();
        CTTblPr pr = ct.getTblPr() != null ? ct.getTblPr() : ct.addNewTblPr();
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        var tw = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        tw.setType(STTblWidth.DXA);
        tw.setW(BigInteger.valueOf(total));
        (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        (pr.isSetJc() ? pr.getJc() : pr.addNewJc()).setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STJcTable.CENTER);
        CTTblGrid grid = ct.getTblGrid() != null ? ct.getTblGrid() : ct.addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        XWPFTable.XWPFBorderType single = XWPFTable.XWPFBorderType.SINGLE;
        t.setTopBorder(single, 4, 0, "000000");
        t.setBottomBorder(single, 4, 0, "000000");
        t.setLeftBorder(single, 4, 0, "000000");
        t.setRightBorder(single, 4, 0, "000000");
        t.setInsideHBorder(single, 4, 0, "000000");
        t.setInsideVBorder(single, 4, 0, "000000");
        t.setCellMargins(40, 100, 40, 100);
        return t;
    }

    /** Equal columns across the type area. */
    public static int[] equalWidths(int columns) {
        int[] widths = new int[columns];
        for (int i = 0; i < columns; i++) {
            widths[i] = TEXT_WIDTH / columns;
        }
        widths[columns - 1] += TEXT_WIDTH - (TEXT_WIDTH / columns) * columns;
        return widths;
    }

    /** A new last row; a header row repeats at the top of every page the table runs onto. */
    public static XWPFTableRow row(XWPFTable t, boolean header) {
        XWPFTableRow row = t.insertNewTableRow(t.getNumberOfRows());
        if (header) {
            row.setRepeatHeader(true);
            row.setCantSplitRow(true);
        }
        return row;
    }

    /**
     * The next cell of a row, spanning columns and taking part in a vertical merge; its one paragraph is ready for
     * {@link #cellParagraph}.
     */
    public static XWPFTableCell cell(XWPFTableRow row, int width, int span, Merge merge) {
        XWPFTableCell cell = row.addNewTableCell();
        CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        var w = pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(width));
        if (span > 1) {
            pr.addNewGridSpan().setVal(BigInteger.valueOf(span));
        }
        if (merge == Merge.RESTART) {
            pr.addNewVMerge().setVal(STMerge.RESTART);
        } else if (merge == Merge.CONTINUE) {
            pr.addNewVMerge(); // no value: continues the merge above
        }
        pr.addNewVAlign().setVal(STVerticalJc.CENTER);
        if (cell.getParagraphs().isEmpty()) {
            cell.addParagraph();
        }
        return cell;
    }

    /** The cell's first paragraph styled for the block (a new cell holds one empty paragraph). */
    public static XWPFParagraph cellParagraph(XWPFTableCell cell, Block block) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        style(p, block);
        return p;
    }

    public static void cellText(XWPFTableCell cell, Block block, String text) {
        String[] lines = text.split("\n", -1);
        XWPFParagraph p = cellParagraph(cell, block);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun r = text(p, block, lines[i], Inline.PLAIN);
            if (i < lines.length - 1) {
                r.addBreak();
            }
        }
    }

    // ---------------------------------------------------------------- output

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        write(out);
        return out.toByteArray();
    }

    public void write(OutputStream out) {
        try (doc) {
            doc.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- set-up

    /** Document defaults: 仿宋 三号, Chinese language, no spacing between paragraphs. */
    private void defaults() {
        CTStyles styles = CTStyles.Factory.newInstance();
        var defaults = styles.addNewDocDefaults();
        CTRPr rpr = defaults.addNewRPrDefault().addNewRPr();
        CTFonts fonts = rpr.addNewRFonts();
        fonts.setAscii(BODY_FONT);
        fonts.setHAnsi(BODY_FONT);
        fonts.setEastAsia(BODY_FONT);
        fonts.setCs(BODY_FONT);
        fonts.setHint(STHint.EAST_ASIA);
        rpr.addNewSz().setVal(BigInteger.valueOf(32));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(32));
        var lang = rpr.addNewLang();
        lang.setVal("en-US");
        lang.setEastAsia("zh-CN");
        CTSpacing spacing = defaults.addNewPPrDefault().addNewPPr().addNewSpacing();
        spacing.setAfter(BigInteger.ZERO);
        spacing.setBefore(BigInteger.ZERO);
        doc.createStyles().setStyles(styles);
    }

    /**
     * Declares the official fonts with a fallback (altName, and the panose / charset of the fallback) so that a
     * machine without 方正小标宋简体 or 仿宋_GB2312 shows 宋体 or 仿宋 rather than a Latin default.
     */
    private void fontTable() {
        Map<String, String[]> fonts = new LinkedHashMap<>(); // name → altName, panose, family, pitch
        fonts.put(TITLE_FONT, new String[] {"宋体", "02010600030101010101", "auto", "variable"});
        fonts.put(BODY_FONT, new String[] {"仿宋", "02010609060101010101", "modern", "fixed"});
        fonts.put(SUBHEADING_FONT, new String[] {"楷体", "02010609060101010101", "modern", "fixed"});
        fonts.put(HEADING_FONT, new String[] {null, "02010609060101010101", "modern", "fixed"});
        fonts.put(PAGE_NUMBER_FONT, new String[] {"SimSun", "02010600030101010101", "auto", "variable"});
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        fonts.forEach((name, f) -> {
            xml.append("<w:font w:name=\"").append(name).append("\">");
            if (f[0] != null) {
                xml.append("<w:altName w:val=\"").append(f[0]).append("\"/>");
            }
            xml.append("<w:panose1 w:val=\"").append(f[1]).append("\"/><w:charset w:val=\"86\"/>")
                    .append("<w:family w:val=\"").append(f[2]).append("\"/><w:pitch w:val=\"").append(f[3]).append("\"/></w:font>");
        });
        xml.append("</w:fonts>");
        try {
            PackagePartName name = PackagingURIHelper.createPartName(XWPFRelation.FONT_TABLE.getDefaultFileName());
            PackagePart part = doc.getPackage().createPart(name, XWPFRelation.FONT_TABLE.getContentType());
            try (OutputStream out = part.getOutputStream()) {
                out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            }
            doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, XWPFRelation.FONT_TABLE.getRelation());
        } catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException("Could not add the font table", e);
        }
    }

    private void page() {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(MARGIN_TOP));
        mar.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        mar.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        mar.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        mar.setHeader(BigInteger.valueOf(mm(15)));
        mar.setFooter(BigInteger.valueOf(mm(25)));   // the number sits about 7 mm below the type area
        mar.setGutter(BigInteger.ZERO);
    }

    /** "— 1 —" centred in the footer, the number a PAGE field. */
    private void pageNumbers() {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        p.setAlignment(ParagraphAlignment.CENTER);
        pageNumberRun(p).setText("— ");
        pageNumberRun(p).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instr = pageNumberRun(p);
        var text = instr.getCTR().addNewInstrText();
        text.setStringValue(" PAGE ");
        text.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        pageNumberRun(p).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        pageNumberRun(p).setText("1");
        pageNumberRun(p).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        pageNumberRun(p).setText(" —");
    }

    private static XWPFRun pageNumberRun(XWPFParagraph p) {
        XWPFRun r = p.createRun();
        font(r, PAGE_NUMBER_FONT, 14);
        return r;
    }

    public static int mm(double mm) {
        return (int) Math.round(mm * 1440 / 25.4);
    }

    /** 一, 二 … 九十九: the numbers of section headings (一、) and sub-headings (（一）). */
    public static String chineseNumber(int n) {
        String digits = "零一二三四五六七八九";
        if (n <= 0 || n >= 100) {
            return String.valueOf(n);
        }
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(digits.charAt(tens))) + "十" + (ones == 0 ? "" : String.valueOf(digits.charAt(ones)));
    }
}
