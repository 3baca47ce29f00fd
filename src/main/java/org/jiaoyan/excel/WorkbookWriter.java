package org.jiaoyan.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Fluent single-sheet .xlsx builder for exports and import templates, streamed (SXSSF) so 10,000-row exports stay small in
 * memory. Every export gets the same safeguards here: text a user wrote is never evaluated as a formula (see
 * {@link #isFormulaLike}), and the sheet prints on A4 with a title row, the header repeated on every page, one page wide,
 * landscape when wide.
 */
public final class WorkbookWriter implements AutoCloseable {

    static final String LISTS_SHEET = "_lists";
    private static final int WINDOW = 200;
    private static final int MIN_VALIDATED_LAST_ROW = 999; // drop-downs cover rows 2..1000 at least
    private static final int MAX_CELL_CHARS = 32_767;
    /** More columns than this, or more total width (half-width characters) than fits A4 portrait, print landscape. */
    static final int PORTRAIT_MAX_COLUMNS = 6;
    static final int PORTRAIT_MAX_WIDTH = 95;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private SXSSFSheet sheet;
    private final CellStyle dateStyle;
    private final CellStyle dateTimeStyle;
    private final CellStyle literalTextStyle;
    private @org.jspecify.annotations.Nullable String title;
    private int headerRow = -1;
    private int headerColumns;
    private final List<Integer> widths = new ArrayList<>(); // per column, in half-width characters
    private final Map<Integer, List<String>> dropDowns = new LinkedHashMap<>();
    private int nextRow;
    private boolean closed;

    private WorkbookWriter(String name, boolean titled) {
        this.title = titled ? name : null;
        sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
        short dateFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd");
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(dateFormat);
        dateTimeStyle = workbook.createCellStyle();
        dateTimeStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        // What Excel itself stores when someone types '=1+1: a text cell whose style has the quote prefix. The value keeps
        // no apostrophe (it reads back, and imports again, as typed), and editing the cell keeps it text.
        literalTextStyle = workbook.createCellStyle();
        literalTextStyle.setQuotePrefixed(true);
        literalTextStyle.setDataFormat(workbook.createDataFormat().getFormat("@"));
    }

    /** An export: the name is the sheet's name and its printed title row (change it with {@link #title}). */
    public static WorkbookWriter sheet(String name) {
        return new WorkbookWriter(name, true);
    }

    /** The title row above the header (call before {@link #header}); null for none. */
    public WorkbookWriter title(@org.jspecify.annotations.Nullable String text) {
        this.title = text == null || text.isBlank() ? null : text;
        return this;
    }

    /** An import template: canonical headers (hints as header comments), one example row of samples, drop-downs for allowed values. */
    public static WorkbookWriter template(String name, List<ColumnSpec> columns) {
        // no title row: a template's header stays on the first row, as people filling it in expect
        WorkbookWriter w = new WorkbookWriter(name, false).header(columns.stream().map(ColumnSpec::header).toList());
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec c = columns.get(i);
            if (!c.hint().isBlank()) w.comment(i, c.hint());
            if (!c.allowedValues().isEmpty()) w.dropDown(i, c.allowedValues());
        }
        if (columns.stream().anyMatch(c -> !c.sample().isBlank())) {
            w.row(columns.stream().map(c -> c.sample().isBlank() ? null : c.sample()).toList());
        }
        return w;
    }

    /** The header row (after the title row, if any): bold on a light fill, frozen, repeated on printed pages, columns sized for Chinese text. */
    public WorkbookWriter header(List<String> headers) {
        if (title != null && nextRow == 0) titleRow(title, headers.size());
        headerRow = nextRow;
        headerColumns = headers.size();
        CellStyle style = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        style.setAlignment(HorizontalAlignment.CENTER);
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(style);
            widen(i, displayWidth(headers.get(i)) + 2);
        }
        sheet.createFreezePane(0, nextRow);
        return this;
    }

    /** A data row: LocalDate/LocalDateTime as real date cells, numbers as numbers, booleans as booleans, null blank, else toString. */
    public WorkbookWriter row(List<?> values) {
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) continue;
            Cell cell = row.createCell(i);
            if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(dateStyle);
                widen(i, 11);
            } else if (v instanceof LocalDateTime dt) {
                cell.setCellValue(dt);
                cell.setCellStyle(dateTimeStyle);
                widen(i, 17);
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
                widen(i, n.toString().length() + 1);
            } else if (v instanceof Boolean b) {
                cell.setCellValue(b);
            } else {
                String s = v.toString();
                text(cell, s.length() > MAX_CELL_CHARS ? s.substring(0, MAX_CELL_CHARS) : s);
                widen(i, displayWidth(s) + 1);
            }
        }
        return this;
    }

    /** A string cell; one that a spreadsheet would take for a formula gets the quote-prefixed text style. */
    private void text(Cell cell, String s) {
        cell.setCellValue(s);
        if (isFormulaLike(s)) cell.setCellStyle(literalTextStyle);
    }

    /**
     * Whether a spreadsheet would read this text as a formula when typed or re-entered (or when saved as CSV and opened):
     * it starts, perhaps after blanks, with = + - @ (half- or full-width), or with a tab or carriage return (OWASP's list).
     */
    static boolean isFormulaLike(String s) {
        if (s.isEmpty()) return false;
        char first = s.charAt(0);
        if (first == '\t' || first == '\r' || first == '\n') return true;
        String t = s.stripLeading();
        if (t.isEmpty()) return false;
        return "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(t.charAt(0)) >= 0;
    }

    private void titleRow(String text, int columns) {
        CellStyle style = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        font.setFontHeightInPoints((short) 14);
        style.setFont(font);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        Row row = sheet.createRow(nextRow++);
        row.setHeightInPoints(26);
        Cell cell = row.createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(style);
        if (columns > 1) sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, columns - 1));
    }

    /** A4, one page wide (as many pages long as needed), landscape when wide, the header row on every page, page numbers. */
    private void printSetup() {
        int columns = Math.max(headerColumns, widths.size());
        int width = 0;
        for (int i = 0; i < widths.size(); i++) width += columnWidth(i);
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(columns > PORTRAIT_MAX_COLUMNS || width > PORTRAIT_MAX_WIDTH);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0); // 0: as many pages down as the rows need
        sheet.setHorizontallyCenter(true);
        sheet.setPrintGridlines(true); // data cells have no borders: without gridlines a printed list is hard to follow
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        if (headerRow >= 0) sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        sheet.getFooter().setCenter("&P / &N"); // page number / page count
    }

    private int columnWidth(int column) {
        return Math.min(60, Math.max(8, widths.get(column)));
    }

    /** A drop-down list on a column (0-based) for rows 2..1000 (or the last written row), fed from the hidden {@code _lists} sheet. */
    public WorkbookWriter dropDown(int columnIndex, List<String> values) {
        if (!values.isEmpty()) dropDowns.put(columnIndex, List.copyOf(values));
        return this;
    }

    /**
     * Finishes the current sheet (column widths, print setup) and starts another with its own title row and header;
     * drop-downs belong to the last sheet only.
     */
    public WorkbookWriter nextSheet(String name) {
        if (!dropDowns.isEmpty()) throw new IllegalStateException("drop-downs only on the last sheet");
        finishSheet();
        sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
        title = name;
        headerRow = -1;
        headerColumns = 0;
        widths.clear();
        nextRow = 0;
        return this;
    }

    private void finishSheet() {
        for (int i = 0; i < widths.size(); i++) {
            sheet.setColumnWidth(i, columnWidth(i) * 256);
        }
        printSetup();
    }

    /** Writes the workbook, then closes this writer; it cannot be used afterwards. */
    public void writeTo(OutputStream out) throws IOException {
        try {
            finishSheet();
            if (!dropDowns.isEmpty()) addDropDowns();
            workbook.write(out);
        } finally {
            close();
        }
    }

    /** Releases the workbook and SXSSF's temp files; only needed when {@link #writeTo} is never reached (e.g. a failed export). */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            workbook.dispose(); // temp files first: close() alone warns when rows were never written
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addDropDowns() {
        Sheet lists = workbook.createSheet(LISTS_SHEET);
        workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
        List<List<String>> columns = List.copyOf(dropDowns.values());
        int longest = columns.stream().mapToInt(List::size).max().orElse(0);
        for (int r = 0; r < longest; r++) { // row by row: SXSSF only writes forwards
            Row row = lists.createRow(r);
            for (int c = 0; c < columns.size(); c++) {
                if (r < columns.get(c).size()) text(row.createCell(c), columns.get(c).get(r));
            }
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int lastRow = Math.max(MIN_VALIDATED_LAST_ROW, nextRow - 1);
        int c = 0;
        for (Map.Entry<Integer, List<String>> e : dropDowns.entrySet()) {
            String letter = CellReference.convertNumToColString(c++);
            String ref = "'" + LISTS_SHEET + "'!$" + letter + "$1:$" + letter + "$" + e.getValue().size();
            DataValidation dv = helper.createValidation(helper.createFormulaListConstraint(ref),
                    new CellRangeAddressList(headerRow + 1, lastRow, e.getKey(), e.getKey()));
            dv.setEmptyCellAllowed(true);
            dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
            dv.setShowErrorBox(true);
            dv.createErrorBox("输入有误", "请从下拉列表中选择");
            sheet.addValidationData(dv);
        }
    }

    private void comment(int column, String text) {
        ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
        anchor.setCol1(column);
        anchor.setCol2(column + 3);
        anchor.setRow1(0);
        anchor.setRow2(4);
        Comment comment = sheet.createDrawingPatriarch().createCellComment(anchor);
        comment.setString(workbook.getCreationHelper().createRichTextString(text));
        sheet.getRow(0).getCell(column).setCellComment(comment);
    }

    private void widen(int column, int chars) {
        while (widths.size() <= column) widths.add(0);
        if (chars > widths.get(column)) widths.set(column, chars);
    }

    /** Width in half-width character units: CJK and other wide characters count double. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) w += s.charAt(i) >= '\u2E80' ? 2 : 1;
        return w;
    }
}
