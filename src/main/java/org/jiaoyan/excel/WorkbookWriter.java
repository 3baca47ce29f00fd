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
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Fluent single-sheet .xlsx builder for exports and import templates, streamed (SXSSF) so 10,000-row exports stay small in memory. */
public final class WorkbookWriter implements AutoCloseable {

    static final String LISTS_SHEET = "_lists";
    private static final int WINDOW = 200;
    private static final int MIN_VALIDATED_LAST_ROW = 999; // drop-downs cover rows 2..1000 at least
    private static final int MAX_CELL_CHARS = 32_767;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final SXSSFSheet sheet;
    private final CellStyle dateStyle;
    private final CellStyle dateTimeStyle;
    private final List<Integer> widths = new ArrayList<>(); // per column, in half-width characters
    private final Map<Integer, List<String>> dropDowns = new LinkedHashMap<>();
    private int nextRow;
    private boolean closed;

    private WorkbookWriter(String name) {
        sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
        short dateFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd");
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(dateFormat);
        dateTimeStyle = workbook.createCellStyle();
        dateTimeStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
    }

    public static WorkbookWriter sheet(String name) {
        return new WorkbookWriter(name);
    }

    /** An import template: canonical headers (hints as header comments), one example row of samples, drop-downs for allowed values. */
    public static WorkbookWriter template(String name, List<ColumnSpec> columns) {
        WorkbookWriter w = sheet(name).header(columns.stream().map(ColumnSpec::header).toList());
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

    /** The header row: bold on a light fill, frozen, columns sized for Chinese text. */
    public WorkbookWriter header(List<String> headers) {
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
                cell.setCellValue(s.length() > MAX_CELL_CHARS ? s.substring(0, MAX_CELL_CHARS) : s);
                widen(i, displayWidth(s) + 1);
            }
        }
        return this;
    }

    /** A drop-down list on a column (0-based) for rows 2..1000 (or the last written row), fed from the hidden {@code _lists} sheet. */
    public WorkbookWriter dropDown(int columnIndex, List<String> values) {
        if (!values.isEmpty()) dropDowns.put(columnIndex, List.copyOf(values));
        return this;
    }

    /** Writes the workbook, then closes this writer; it cannot be used afterwards. */
    public void writeTo(OutputStream out) throws IOException {
        try {
            for (int i = 0; i < widths.size(); i++) {
                sheet.setColumnWidth(i, Math.min(60, Math.max(8, widths.get(i))) * 256);
            }
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
                if (r < columns.get(c).size()) row.createCell(c).setCellValue(columns.get(c).get(r));
            }
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int lastRow = Math.max(MIN_VALIDATED_LAST_ROW, nextRow - 1);
        int c = 0;
        for (Map.Entry<Integer, List<String>> e : dropDowns.entrySet()) {
            String letter = CellReference.convertNumToColString(c++);
            String ref = "'" + LISTS_SHEET + "'!$" + letter + "$1:$" + letter + "$" + e.getValue().size();
            DataValidation dv = helper.createValidation(helper.createFormulaListConstraint(ref),
                    new CellRangeAddressList(1, lastRow, e.getKey(), e.getKey()));
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
