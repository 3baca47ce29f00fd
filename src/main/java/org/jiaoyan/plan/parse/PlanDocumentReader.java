package org.jiaoyan.plan.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.EmptyFileException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * The text of an uploaded plan file, in the form {@link PlanTextParser} reads: .txt, .docx, .doc (Word 97–2003, and a
 * .wps saved in that structure), .xlsx / .xls schedules, a .pdf with a text layer, and a Word "document" that is really
 * a saved web page. The kind is told by the file's first bytes, so a .doc that is a .docx inside (WPS often does this)
 * reads all the same; the name only decides between text and an unknown binary.
 *
 * <p>Table rows become one line of cells joined by TAB; a cell merged over several rows carries its text to every row
 * it spans, so that no row loses its month or owner.
 */
public final class PlanDocumentReader {

    static final String UNSUPPORTED = "只支持 .docx、.doc、.wps、.xlsx、.xls、.pdf 和 .txt 文件";
    static final String NOT_DOCX = "文件不是有效的 Word（.docx）文件";
    static final String NOT_DOC = "文件不是有效的 Word 97–2003（.doc）文件";
    static final String NOT_EXCEL = "文件不是有效的 Excel 文件";
    static final String NOT_PDF = "文件不是有效的 PDF 文件";
    static final String WPS_OWN_FORMAT = "这个 .wps 文件是 WPS 自己的格式，无法直接读取。请在 WPS 文字中点“文件 → 另存为”，"
            + "文件类型选“Word 文档（*.docx）”，再上传另存的文件";
    static final String SCANNED_PDF = "这个 PDF 是扫描件（只有图片，没有文字），无法识别。请上传原来的 Word 文件，"
            + "或先用 WPS/Word 的“图片转文字”转换后再上传";
    static final String LOCKED = "文件设置了密码，请去掉密码后再上传";
    static final String RTF_OR_ODF = "这种文档格式无法读取，请在 Word 或 WPS 中另存为 .docx 后再上传";
    private static final Charset GB18030 = Charset.forName("GB18030");
    /** Fewer visible characters than this per page: the PDF is pictures (a scan or a photo). */
    private static final int TEXT_PER_PAGE = 20;

    /** The kind of file, told from its content. */
    enum Format { TEXT, DOCX, DOC, XLSX, XLS, PDF, HTML }

    private PlanDocumentReader() {
    }

    /**
     * The text of the file. The stream is read once and not closed.
     *
     * @throws IllegalArgumentException for a kind of file that is not read, with a Chinese message saying what to do
     * @throws IOException when the file cannot be read, with a Chinese message
     */
    public static String read(String fileName, InputStream in) throws IOException {
        String name = fileName.toLowerCase(Locale.ROOT).strip();
        byte[] bytes = in.readAllBytes();
        Format format = detect(name, bytes);
        return switch (format) {
            case TEXT -> decode(bytes);
            case DOCX -> docx(bytes);
            case DOC -> doc(bytes);
            case XLSX, XLS -> workbook(bytes);
            case PDF -> pdf(bytes);
            case HTML -> html(decode(bytes));
        };
    }

    /** What the bytes are: ZIP (docx/xlsx), OLE2 (doc/xls/wps), %PDF, a saved web page, or text. */
    static Format detect(String name, byte[] bytes) throws IOException {
        if (startsWith(bytes, 'P', 'K', 3, 4)) {
            return zipFormat(bytes, name);
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return oleFormat(bytes, name);
        }
        if (startsWith(bytes, '%', 'P', 'D', 'F')) {
            return Format.PDF;
        }
        if (startsWith(bytes, '{', '\\', 'r', 't', 'f')) {
            throw new IllegalArgumentException(RTF_OR_ODF);
        }
        if (name.endsWith(".wps")) {
            throw new IllegalArgumentException(WPS_OWN_FORMAT);
        }
        if (bytes.length == 0) {
            if (name.endsWith(".txt")) {
                return Format.TEXT;
            }
            throw new IOException(name.endsWith(".docx") ? NOT_DOCX : name.endsWith(".doc") ? NOT_DOC : UNSUPPORTED);
        }
        if (looksLikeText(bytes)) {
            String head = decode(java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 2048))).stripLeading()
                    .toLowerCase(Locale.ROOT);
            if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml") && head.contains("<html")
                    || (name.endsWith(".doc") || name.endsWith(".htm") || name.endsWith(".html")) && head.contains("<table")) {
                return Format.HTML; // a web page saved with a .doc name, as many school sites hand out plans
            }
            if (name.endsWith(".txt") || name.endsWith(".text") || name.endsWith(".md") || name.endsWith(".csv")
                    || !name.contains(".")) {
                return Format.TEXT;
            }
            if (name.endsWith(".docx")) {
                throw new IOException(NOT_DOCX);
            }
            if (name.endsWith(".doc")) {
                throw new IOException(NOT_DOC);
            }
        }
        if (name.endsWith(".docx")) {
            throw new IOException(NOT_DOCX);
        }
        if (name.endsWith(".doc")) {
            throw new IOException(NOT_DOC);
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            throw new IOException(NOT_EXCEL);
        }
        if (name.endsWith(".pdf")) {
            throw new IOException(NOT_PDF);
        }
        throw new IllegalArgumentException(UNSUPPORTED);
    }

    private static Format zipFormat(byte[] bytes, String name) throws IOException {
        boolean word = false;
        boolean excel = false;
        boolean odf = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String entry = e.getName();
                word |= entry.equals("word/document.xml") || entry.startsWith("word/") && entry.endsWith(".xml");
                excel |= entry.equals("xl/workbook.xml");
                odf |= entry.equals("content.xml");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(name.endsWith(".xlsx") ? NOT_EXCEL : NOT_DOCX, e);
        }
        if (excel) {
            return Format.XLSX;
        }
        if (word) {
            return Format.DOCX;
        }
        if (odf) {
            throw new IllegalArgumentException(RTF_OR_ODF);
        }
        throw new IOException(name.endsWith(".xlsx") ? NOT_EXCEL : NOT_DOCX);
    }

    private static Format oleFormat(byte[] bytes, String name) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("WordDocument")) {
                return Format.DOC; // Word 97–2003, and the .wps files WPS writes in the same structure
            }
            if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
                return Format.XLS;
            }
            if (root.hasEntryCaseInsensitive("EncryptedPackage")) {
                throw new IllegalArgumentException(LOCKED);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && LOCKED.equals(iae.getMessage())) {
                throw iae;
            }
            throw new IOException(name.endsWith(".xls") ? NOT_EXCEL : NOT_DOC, e);
        }
        if (name.endsWith(".wps")) {
            throw new IllegalArgumentException(WPS_OWN_FORMAT);
        }
        throw new IllegalArgumentException(UNSUPPORTED);
    }

    private static boolean startsWith(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** No NUL and few control bytes in the first 8 KB: text in some encoding. */
    private static boolean looksLikeText(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return false;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return control * 50 < n + 1;
    }

    /** Offices save text as UTF-8 or, from older Windows, as GBK/GB18030; a byte-order mark is dropped. */
    static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, GB18030);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    // ---------------------------------------------------------------- .docx

    private static String docx(byte[] bytes) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<String> lines = new ArrayList<>();
            WordListNumbers numbers = new WordListNumbers();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    lines.add(numbers.label(paragraph) + paragraph.getText());
                } else if (element instanceof XWPFTable table) {
                    addTable(table, lines, numbers);
                } else if (element instanceof XWPFSDT sdt) {
                    lines.add(sdt.getContent().getText());
                }
            }
            return String.join("\n", lines);
        } catch (UnsupportedFileFormatException | EmptyFileException | POIXMLException e) {
            throw new IOException(NOT_DOCX, e); // not a zip, an old .doc, an empty file, or a zip without a Word body
        }
    }

    /**
     * One line per row, cells joined by TAB. A cell spanning columns is followed by empty cells for the columns it
     * covers; a cell merged down (vMerge) repeats the text of the cell that starts the merge in the same grid column.
     */
    private static void addTable(XWPFTable table, List<String> lines, WordListNumbers numbers) {
        Map<Integer, String> mergedDown = new HashMap<>();
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            int column = 0;
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr pr = cell.getCTTc().getTcPr();
                int span = pr != null && pr.isSetGridSpan() && pr.getGridSpan().getVal() != null
                        ? Math.max(1, pr.getGridSpan().getVal().intValue()) : 1;
                String text = cellText(cell, numbers);
                if (pr != null && pr.isSetVMerge()) {
                    STMerge.Enum val = pr.getVMerge().getVal();
                    if (val == null || val == STMerge.CONTINUE) {
                        text = mergedDown.getOrDefault(column, text);
                    } else {
                        mergedDown.put(column, text);
                    }
                } else {
                    mergedDown.remove(column);
                }
                cells.add(text);
                for (int s = 1; s < span; s++) {
                    cells.add("");
                }
                column += span;
            }
            lines.add(String.join("\t", cells));
        }
    }

    /**
     * A cell of several paragraphs or line breaks on one line: short names (王丽 / 李明) joined with "、", anything else
     * (numbered contents 1．… 2．…, sentences) with a space, so that the parser can split numbered contents again.
     */
    static String cellText(XWPFTableCell cell, WordListNumbers numbers) {
        List<String> parts = new ArrayList<>();
        for (XWPFParagraph paragraph : cell.getParagraphs()) {
            String label = numbers.label(paragraph);
            for (String piece : (label + paragraph.getText()).split("[\\r\\n\\t\\u000B]+")) {
                if (!piece.isBlank()) {
                    parts.add(piece.strip());
                }
            }
        }
        for (XWPFTable nested : cell.getTables()) {
            List<String> nestedLines = new ArrayList<>();
            addTable(nested, nestedLines, numbers);
            for (String l : nestedLines) {
                if (!l.isBlank()) {
                    parts.add(l.replace('\t', ' ').strip());
                }
            }
        }
        return joinCellParts(parts);
    }

    private static String joinCellParts(List<String> parts) {
        boolean allNames = parts.size() > 1 && parts.stream().allMatch(Owners::looksLikeOwner);
        return String.join(allNames ? "、" : " ", parts);
    }

    // ---------------------------------------------------------------- .doc / .wps

    private static String doc(byte[] bytes) throws IOException {
        try (HWPFDocument document = new HWPFDocument(new ByteArrayInputStream(bytes))) {
            Range range = document.getRange();
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < range.numParagraphs(); i++) {
                Paragraph p = range.getParagraph(i);
                if (p.isInTable()) {
                    Table table = range.getTable(p);
                    addTable(table, lines);
                    i += table.numParagraphs() - 1;
                    continue;
                }
                lines.add(docText(p.text()));
            }
            return String.join("\n", lines);
        } catch (RuntimeException e) {
            throw new IOException(NOT_DOC, e); // a damaged file makes HWPF fail in many ways
        }
    }

    /** Like the .docx table: a cell merged down repeats the text where the merge starts (matched by its left edge). */
    private static void addTable(Table table, List<String> lines) {
        Map<Integer, String> mergedDown = new HashMap<>();
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                List<String> parts = new ArrayList<>();
                for (int p = 0; p < cell.numParagraphs(); p++) {
                    String piece = docText(cell.getParagraph(p).text());
                    for (String part : piece.split("[\\r\\n\\t\\u000B]+")) {
                        if (!part.isBlank()) {
                            parts.add(part.strip());
                        }
                    }
                }
                String text = joinCellParts(parts);
                int edge = cell.getLeftEdge();
                if (cell.isFirstVerticallyMerged()) {
                    mergedDown.put(edge, text);
                } else if (cell.isVerticallyMerged()) {
                    text = mergedDown.getOrDefault(edge, text);
                } else {
                    mergedDown.remove(edge);
                }
                cells.add(text);
            }
            lines.add(String.join("\t", cells));
        }
    }

    /** A .doc paragraph's text without field codes, cell and paragraph marks. */
    private static String docText(String raw) {
        String text = Range.stripFields(raw);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0007' || c == '\r') {
                continue;
            }
            out.append(c == '\u000B' ? '\n' : c);
        }
        return out.toString().strip();
    }

    // ---------------------------------------------------------------- .xlsx / .xls

    /**
     * Every sheet with content, its rows as TAB-joined cells from the first to the last used column. A region merged
     * over rows gives its text to the first column of every row it spans (a merged 月份 or 负责人 cell); a region merged
     * only across columns (a title) keeps its text in the first cell. A row with one cell is written alone, like a
     * paragraph. A sheet named like a month (九月) heads its rows.
     */
    private static String workbook(byte[] bytes) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            DataFormatter formatter = new DataFormatter(Locale.CHINA);
            List<String> lines = new ArrayList<>();
            int sheetsWithRows = 0;
            for (Sheet sheet : workbook) {
                List<List<String>> rows = sheetRows(sheet, formatter);
                if (rows.isEmpty()) {
                    continue;
                }
                if (sheetsWithRows++ > 0) {
                    lines.add("");
                }
                if (TimeExpression.readPure(sheet.getSheetName(), TimeExpression.Unit.NONE).hasMonthsOrWeeks()) {
                    lines.add(sheet.getSheetName());
                }
                for (List<String> row : rows) {
                    long filled = row.stream().filter(c -> !c.isBlank()).count();
                    lines.add(filled <= 1 ? String.join("", row).strip() : String.join("\t", row));
                }
            }
            return String.join("\n", lines);
        } catch (RuntimeException e) {
            throw new IOException(NOT_EXCEL, e); // empty, damaged, or not a workbook after all
        }
    }

    private static List<List<String>> sheetRows(Sheet sheet, DataFormatter formatter) {
        Map<Long, String> fills = new HashMap<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            Row top = sheet.getRow(region.getFirstRow());
            Cell first = top == null ? null : top.getCell(region.getFirstColumn());
            String text = first == null ? "" : cellText(first, formatter);
            for (int r = region.getFirstRow() + 1; r <= region.getLastRow(); r++) {
                fills.put(key(r, region.getFirstColumn()), text);
            }
        }
        int firstColumn = Integer.MAX_VALUE;
        int lastColumn = -1;
        List<Map<Integer, String>> raw = new ArrayList<>();
        for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum() && r >= 0; r++) {
            Row row = sheet.getRow(r);
            Map<Integer, String> cells = new HashMap<>();
            if (row != null) {
                for (Cell cell : row) {
                    String text = cellText(cell, formatter);
                    if (!text.isBlank()) {
                        cells.put(cell.getColumnIndex(), text);
                    }
                }
            }
            for (Map.Entry<Long, String> fill : fills.entrySet()) {
                if (fill.getKey() / 100_000 == r && !fill.getValue().isBlank()) {
                    cells.putIfAbsent((int) (fill.getKey() % 100_000), fill.getValue());
                }
            }
            for (int c : cells.keySet()) {
                firstColumn = Math.min(firstColumn, c);
                lastColumn = Math.max(lastColumn, c);
            }
            raw.add(cells);
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map<Integer, String> cells : raw) {
            if (cells.isEmpty()) {
                rows.add(List.of(""));
                continue;
            }
            List<String> row = new ArrayList<>();
            for (int c = firstColumn; c <= lastColumn; c++) {
                row.add(cells.getOrDefault(c, ""));
            }
            rows.add(row);
        }
        while (!rows.isEmpty() && String.join("", rows.get(rows.size() - 1)).isBlank()) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }

    private static long key(int row, int column) {
        return row * 100_000L + column;
    }

    /** A date cell as 9月1日 (how a plan writes it); numbers and text as shown; a formula by its last value. */
    private static String cellText(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String text;
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            var date = cell.getLocalDateTimeCellValue().toLocalDate();
            text = date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        } else if (type == CellType.STRING) {
            text = cell.getRichStringCellValue().getString();
        } else if (type == CellType.NUMERIC) {
            text = cell.getCellType() == CellType.FORMULA
                    ? formatter.formatRawCellContents(cell.getNumericCellValue(), cell.getCellStyle().getDataFormat(),
                    cell.getCellStyle().getDataFormatString())
                    : formatter.formatCellValue(cell);
        } else if (type == CellType.BOOLEAN) {
            text = String.valueOf(cell.getBooleanCellValue());
        } else {
            text = "";
        }
        List<String> parts = new ArrayList<>();
        for (String p : text.split("[\\r\\n]+")) {
            if (!p.isBlank()) {
                parts.add(p.strip());
            }
        }
        return joinCellParts(parts).replace('\t', ' ');
    }

    // ---------------------------------------------------------------- .pdf

    private static String pdf(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document);
            long visible = text.codePoints().filter(c -> !Character.isWhitespace(c) && c != 0x3000).count();
            if (visible < (long) TEXT_PER_PAGE * Math.max(1, document.getNumberOfPages())) {
                throw new IllegalArgumentException(SCANNED_PDF);
            }
            return text;
        } catch (InvalidPasswordException e) {
            throw new IllegalArgumentException(LOCKED);
        } catch (IOException e) {
            throw new IOException(NOT_PDF, e);
        }
    }

    // ---------------------------------------------------------------- a web page saved as .doc

    /** Paragraphs and headings one per line, in page order; table rows as TAB-joined cells (a rowspan cell repeated below). */
    private static String html(String source) {
        Document page = Jsoup.parse(source);
        List<String> lines = new ArrayList<>();
        walk(page.body(), lines);
        return String.join("\n", lines);
    }

    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "div", "table", "li", "ul", "ol", "h1", "h2",
            "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote", "br");

    private static void walk(Element element, List<String> lines) {
        if (element.tagName().equals("table")) {
            htmlTable(element, lines);
            return;
        }
        boolean hasBlocks = element.children().stream().anyMatch(c -> BLOCKS.contains(c.tagName()));
        if (!hasBlocks) {
            String text = element.text();
            if (!text.isBlank()) {
                lines.add(text);
            }
            return;
        }
        for (Element child : element.children()) {
            walk(child, lines);
        }
    }

    private static void htmlTable(Element table, List<String> lines) {
        Map<Integer, String[]> spans = new HashMap<>(); // column → {text, rows left}
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                continue; // a row of a nested table
            }
            List<String> cells = new ArrayList<>();
            int column = 0;
            List<Element> tds = tr.children().stream().filter(c -> c.tagName().equals("td") || c.tagName().equals("th")).toList();
            for (int i = 0; i <= tds.size(); i++) {
                while (spans.containsKey(column)) {
                    String[] span = spans.get(column);
                    cells.add(span[0]);
                    int left = Integer.parseInt(span[1]) - 1;
                    if (left <= 0) {
                        spans.remove(column);
                    } else {
                        span[1] = String.valueOf(left);
                    }
                    column++;
                }
                if (i == tds.size()) {
                    break;
                }
                Element td = tds.get(i);
                String text = td.text();
                int rowspan = parseSpan(td.attr("rowspan"));
                if (rowspan > 1) {
                    spans.put(column, new String[] {text, String.valueOf(rowspan - 1)});
                }
                cells.add(text);
                column++;
                for (int s = 1; s < parseSpan(td.attr("colspan")); s++) {
                    cells.add("");
                    column++;
                }
            }
            long filled = cells.stream().filter(c -> !c.isBlank()).count();
            lines.add(filled <= 1 ? String.join("", cells).strip() : String.join("\t", cells));
        }
    }

    private static int parseSpan(String value) {
        try {
            return Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
