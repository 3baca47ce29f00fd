package org.jiaoyan.excel;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Reads the visible sheets of an uploaded .xlsx or .xls (Excel 97–2003, still what many offices' systems export), or a
 * CSV file as one sheet ({@link CsvSheet}): finds each sheet's header row among its first 10 rows, maps columns by spec,
 * returns the non-blank rows of the sheets whose columns are the first sheet's ({@link #parse}).
 */
public final class SheetReader {

    static final String NOT_XLSX = "文件不是有效的 Excel 文件（.xlsx、.xls）或 CSV 文件。如是 WPS 表格（.et）等其他格式，请另存为 .xlsx 后再上传";
    static final String ENCRYPTED = "文件设置了打开密码，无法读取。请在 Excel 或 WPS 中取消密码（文件 → 文档加密）后再上传";
    private static final int HEADER_SEARCH_ROWS = 10;
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private final List<ColumnSpec> columns;
    private final int maxRows;
    private final Map<String, Integer> specByHeader = new HashMap<>();

    /** @param maxRows the most data rows accepted; more throws {@link ExcelFormatException} */
    public SheetReader(List<ColumnSpec> columns, int maxRows) {
        this.columns = List.copyOf(columns);
        this.maxRows = maxRows;
        for (int i = 0; i < this.columns.size(); i++) {
            ColumnSpec c = this.columns.get(i);
            specByHeader.putIfAbsent(ColumnSpec.normaliseHeader(c.header()), i);
            for (String s : c.synonyms()) specByHeader.putIfAbsent(ColumnSpec.normaliseHeader(s), i);
        }
    }

    /**
     * Reads the workbook (the stream is consumed, not closed). The streaming reader ({@link XlsxStream}) reads it unless
     * the file needs the full one (a formula saved without its result, and the like); both give the same cells.
     */
    public ParsedSheet read(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes(); // the upload is size-limited; POI holds the whole package in memory either way
        } catch (IOException e) {
            throw new ExcelFormatException(NOT_XLSX, e);
        }
        List<SheetGrid.Sheet> sheets;
        try {
            sheets = readStreaming(bytes);
        } catch (XlsxStream.Unsupported e) {
            sheets = isWorkbook(bytes) ? readFull(bytes) : csv(bytes);
        }
        return parse(sheets);
    }

    /** The streaming reader alone (the visible sheets); throws {@link XlsxStream.Unsupported} where it cannot. */
    List<SheetGrid.Sheet> readStreaming(byte[] bytes) {
        return XlsxStream.read(bytes, rowCap(), tooMany());
    }

    /** POI's full object model, .xlsx or .xls: evaluates formulas saved without a result (the visible sheets). */
    List<SheetGrid.Sheet> readFull(byte[] bytes) {
        try (Workbook wb = open(bytes)) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            boolean date1904 = date1904(wb);
            List<SheetGrid.Sheet> out = new ArrayList<>();
            int kept = 0;
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                if (wb.isSheetHidden(i) || wb.isSheetVeryHidden(i)) continue;
                Sheet sheet = wb.getSheetAt(i);
                List<SheetGrid.Row> rows = new ArrayList<>();
                for (Row row : sheet) { // physical rows only, ascending
                    List<SheetGrid.Cell> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        CellValue v = value(cell, formatter, evaluator, date1904);
                        if (!v.isBlank()) cells.add(new SheetGrid.Cell(cell.getColumnIndex(), v));
                    }
                    if (cells.isEmpty()) continue;
                    if (kept++ == rowCap()) throw new ExcelFormatException(tooMany());
                    rows.add(new SheetGrid.Row(row.getRowNum(), cells));
                }
                List<SheetGrid.Region> merged = sheet.getMergedRegions().stream()
                        .map(r -> new SheetGrid.Region(r.getFirstRow(), r.getLastRow(), r.getFirstColumn(), r.getLastColumn()))
                        .toList();
                out.add(new SheetGrid.Sheet(sheet.getSheetName(), rows, sheet.getPhysicalNumberOfRows(), merged));
            }
            return out;
        } catch (IOException e) {
            throw new ExcelFormatException(NOT_XLSX, e);
        }
    }

    /** Whether the bytes begin as a zip package (.xlsx) or an OLE2 compound file (.xls, or an encrypted workbook). */
    private static boolean isWorkbook(byte[] b) {
        return b.length >= 4 && (b[0] == 'P' && b[1] == 'K'
                || (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11 && (b[3] & 0xFF) == 0xE0);
    }

    /** A CSV file as its one sheet; anything else that is not a workbook is refused. */
    private List<SheetGrid.Sheet> csv(byte[] bytes) {
        SheetGrid.Sheet sheet = CsvSheet.read(bytes, rowCap(), tooMany());
        if (sheet == null) throw new ExcelFormatException(NOT_XLSX);
        return List.of(sheet);
    }

    /** Rows with a value kept while reading: data rows, the header and what is above it, and rows of unmatched columns. */
    private int rowCap() {
        return maxRows * 2 + HEADER_SEARCH_ROWS;
    }

    private String tooMany() {
        return "行数超过上限 " + maxRows + " 行";
    }

    private static Workbook open(byte[] bytes) {
        try {
            return WorkbookFactory.create(new java.io.ByteArrayInputStream(bytes)); // .xlsx, or .xls by its first bytes
        } catch (EncryptedDocumentException e) {
            throw new ExcelFormatException(ENCRYPTED, e);
        } catch (IOException | RuntimeException e) { // not a workbook, BIFF5 and older, EmptyFileException, POIXMLException …
            throw new ExcelFormatException(NOT_XLSX, e);
        }
    }

    private static boolean date1904(Workbook wb) {
        return wb instanceof XSSFWorkbook x ? x.isDate1904()
                : wb instanceof HSSFWorkbook h && h.getInternalWorkbook().isUsing1904DateWindowing();
    }

    /**
     * Matches the header and reads the data rows of the visible sheets. The first sheet with a header decides the
     * columns; a later sheet is read when its header has the same columns (a roster kept as one sheet per 教研组 or per
     * school), otherwise it is named in {@link ParsedSheet#sheetsNotRead()}, as is a sheet without a header (填表说明).
     * <p>Merged cells are read as a person reads them ({@link SheetGrid.Sheet#filledRows}), and two more layouts of real
     * rosters are understood:
     * <ul>
     * <li>a first required column (姓名) merged over several rows is one record over those rows: one teacher with a row
     * per subject or grade. Its other columns are combined, differing values joined with 、;</li>
     * <li>a row whose only value is merged across two or more of the matched columns is a caption, not a record (一、语文组,
     * 制表人：…, 注：…), and a row that repeats the header is the header again: both are left out and reported in
     * {@link ParsedSheet#skippedRows()}.</li>
     * </ul>
     */
    ParsedSheet parse(List<SheetGrid.Sheet> sheets) {
        List<Layout> read = new ArrayList<>();
        List<String> notRead = new ArrayList<>();
        ExcelFormatException noHeader = null;
        for (SheetGrid.Sheet sheet : sheets) {
            if (sheet.rows().isEmpty()) continue;
            List<SheetGrid.Row> grid = sheet.filledRows();
            Layout layout;
            try {
                layout = layout(sheet, grid, headerBlock(sheet, grid, findHeaderRow(grid)));
            } catch (ExcelFormatException e) {
                if (noHeader == null) noHeader = e;
                notRead.add(sheet.name());
                continue;
            }
            if (!read.isEmpty() && !layout.columnIndex.keySet().equals(read.get(0).columnIndex.keySet())) {
                notRead.add(sheet.name());
                continue;
            }
            read.add(layout);
        }
        if (read.isEmpty()) throw noHeader != null ? noHeader : new ExcelFormatException("工作表为空");
        boolean several = read.size() > 1;
        List<SheetRow> rows = new ArrayList<>();
        List<ParsedSheet.SkippedRow> skipped = new ArrayList<>();
        Set<String> unrecognised = new LinkedHashSet<>();
        for (Layout layout : read) {
            rows(layout, several ? layout.sheet.name() : "", rows, skipped);
            unrecognised.addAll(layout.unrecognised);
        }
        Layout first = read.get(0);
        List<String> missing = columns.stream()
                .filter(c -> c.required() && !first.columnIndex.containsKey(c.key()))
                .map(ColumnSpec::header)
                .toList();
        return new ParsedSheet(first.columnIndex, missing, rows, List.copyOf(unrecognised), skipped,
                read.stream().map(l -> l.sheet.name()).toList(), notRead);
    }

    /**
     * A header of two rows (姓名 merged down over both, 联系方式 over 手机号码 and 邮箱): the rows its cells are merged down
     * over belong to it, each column named by its lowest text (手机号码, not 联系方式), and the data begin below them.
     * Returns the header as one row with the index of its last row; a one-row header is returned as it is.
     */
    private static SheetGrid.Row headerBlock(SheetGrid.Sheet sheet, List<SheetGrid.Row> grid, SheetGrid.Row header) {
        int last = header.index();
        for (SheetGrid.Region region : sheet.merged()) {
            if (region.firstRow() == header.index() && region.lastRow() > last) last = region.lastRow();
        }
        if (last == header.index()) return header;
        last = Math.min(last, header.index() + 3); // a header is a few rows, not a page
        Map<Integer, SheetGrid.Cell> byColumn = new java.util.TreeMap<>();
        for (SheetGrid.Row row : grid) {
            if (row.index() < header.index() || row.index() > last) continue;
            for (SheetGrid.Cell cell : row.cells()) byColumn.put(cell.column(), cell); // lower rows win
        }
        return new SheetGrid.Row(last, List.copyOf(byColumn.values()));
    }

    /** One sheet's header: which column holds which key, and the header texts not understood. */
    private record Layout(SheetGrid.Sheet sheet, List<SheetGrid.Row> grid, int headerRow, Map<String, Integer> columnIndex,
            List<String> unrecognised) {
    }

    private Layout layout(SheetGrid.Sheet sheet, List<SheetGrid.Row> grid, SheetGrid.Row header) {
        Map<String, Integer> columnIndex = new LinkedHashMap<>();
        List<String> unrecognised = new ArrayList<>();
        for (SheetGrid.Cell cell : header.cells()) {
            String text = cell.value().text();
            if (text.isBlank()) continue;
            Integer spec = specByHeader.get(ColumnSpec.normaliseHeader(text));
            if (spec == null || columnIndex.putIfAbsent(columns.get(spec).key(), cell.column()) != null) {
                unrecognised.add(text); // unknown, or a second column for an already matched key
            }
        }
        return new Layout(sheet, grid, header.index(), columnIndex, unrecognised);
    }

    /** The sheet's records after its header, added to {@code out}; its caption rows added to {@code skipped}. */
    private void rows(Layout layout, String sheetLabel, List<SheetRow> out, List<ParsedSheet.SkippedRow> skipped) {
        List<Map.Entry<String, Integer>> matched = List.copyOf(layout.columnIndex.entrySet());
        Map<Long, SheetGrid.Region> regions = layout.sheet.regionsByCell();
        Integer keyColumn = columns.stream().filter(ColumnSpec::required).findFirst()
                .map(c -> layout.columnIndex.get(c.key())).orElse(null);
        List<Record> records = new ArrayList<>();
        for (SheetGrid.Row row : layout.grid) {
            if (row.index() <= layout.headerRow) continue;
            Map<String, CellValue> values = null;
            for (Map.Entry<String, Integer> col : matched) {
                CellValue v = row.at(col.getValue());
                if (v == null) continue;
                if (values == null) values = new LinkedHashMap<>();
                values.put(col.getKey(), v);
            }
            if (values == null) continue;
            if (repeatsTheHeader(values)) { // the header again further down (a sheet pasted together from sections)
                skipped.add(new ParsedSheet.SkippedRow(sheetLabel, row.index() + 1,
                        String.join(" ", values.values().stream().map(CellValue::text).toList())));
                continue;
            }
            if (row.cells().size() == 1) {
                SheetGrid.Cell only = row.cells().get(0);
                SheetGrid.Region region = regions.get(SheetGrid.Sheet.key(row.index(), only.column()));
                if (region != null && matched.stream().filter(c -> region.coversColumn(c.getValue())).count() >= 2) {
                    skipped.add(new ParsedSheet.SkippedRow(sheetLabel, row.index() + 1, only.value().text()));
                    continue;
                }
            }
            SheetGrid.Region keyRegion = keyColumn == null ? null : regions.get(SheetGrid.Sheet.key(row.index(), keyColumn));
            Record last = records.isEmpty() ? null : records.get(records.size() - 1);
            if (keyRegion != null && last != null && keyRegion.firstRow() < row.index()
                    && last.firstIndex >= keyRegion.firstRow()) {
                last.add(values); // the same teacher, one more row of the merged 姓名 cell
                continue;
            }
            if (out.size() + records.size() == maxRows) throw new ExcelFormatException(tooMany());
            records.add(new Record(row.index(), values));
        }
        records.forEach(r -> out.add(r.row(sheetLabel)));
    }

    /** Whether at least two of the row's values, and all of them, are header texts of their own columns. */
    private boolean repeatsTheHeader(Map<String, CellValue> values) {
        if (values.size() < 2) return false;
        for (Map.Entry<String, CellValue> e : values.entrySet()) {
            Integer spec = specByHeader.get(ColumnSpec.normaliseHeader(e.getValue().text()));
            if (spec == null || !columns.get(spec).key().equals(e.getKey())) return false;
        }
        return true;
    }

    /** The values of one record, over one row or over the rows of a merged first column. */
    private static final class Record {
        final int firstIndex;
        final Map<String, List<CellValue>> values = new LinkedHashMap<>();

        Record(int firstIndex, Map<String, CellValue> first) {
            this.firstIndex = firstIndex;
            add(first);
        }

        void add(Map<String, CellValue> row) {
            row.forEach((key, v) -> {
                List<CellValue> list = values.computeIfAbsent(key, k -> new ArrayList<>(1));
                if (list.stream().noneMatch(seen -> seen.text().equals(v.text()))) list.add(v);
            });
        }

        SheetRow row(String sheet) {
            Map<String, CellValue> out = new HashMap<>();
            values.forEach((key, list) -> out.put(key, list.size() == 1 ? list.get(0)
                    : CellValue.of(String.join("、", list.stream().map(CellValue::text).toList()))));
            return new SheetRow(sheet, firstIndex + 1, out);
        }
    }

    /** The row among the first 10 matching the most specs, at least one of them required. */
    private SheetGrid.Row findHeaderRow(List<SheetGrid.Row> rows) {
        boolean anyRequired = columns.stream().anyMatch(ColumnSpec::required);
        SheetGrid.Row best = null;
        int bestCount = 0;
        for (SheetGrid.Row row : rows) {
            if (row.index() >= HEADER_SEARCH_ROWS) break;
            boolean[] seen = new boolean[columns.size()];
            int count = 0;
            boolean requiredSeen = !anyRequired;
            for (SheetGrid.Cell cell : row.cells()) {
                Integer spec = specByHeader.get(ColumnSpec.normaliseHeader(cell.value().text()));
                if (spec == null || seen[spec]) continue;
                seen[spec] = true;
                count++;
                requiredSeen |= columns.get(spec).required();
            }
            if (requiredSeen && count > bestCount) {
                best = row;
                bestCount = count;
            }
        }
        if (best == null) {
            String example = columns.stream().filter(ColumnSpec::required).findFirst()
                    .or(() -> columns.stream().findFirst()).map(ColumnSpec::header).orElse("");
            throw new ExcelFormatException("未找到表头：请确认第一行包含“" + example + "”等列名");
        }
        return best;
    }

    private static CellValue value(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator, boolean date1904) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) type = evaluate(cell, evaluator);
        switch (type) {
            case STRING -> {
                String s = cell.getStringCellValue().strip();
                return s.isEmpty() ? CellValue.EMPTY : CellValue.of(s);
            }
            case NUMERIC -> {
                CellStyle style = cell.getCellStyle();
                return numeric(formatter, cell.getNumericCellValue(), style.getDataFormat(), style.getDataFormatString(),
                        date1904);
            }
            case BOOLEAN -> {
                return CellValue.of(cell.getBooleanCellValue() ? "TRUE" : "FALSE");
            }
            case ERROR -> {
                return CellValue.of(FormulaError.forInt(cell.getErrorCellValue()).getString());
            }
            default -> {
                return CellValue.EMPTY;
            }
        }
    }

    private static CellType evaluate(Cell cell, FormulaEvaluator evaluator) {
        try {
            return evaluator.evaluateFormulaCell(cell);
        } catch (RuntimeException e) { // unsupported function etc.: fall back to the value Excel cached
            return cell.getCachedFormulaResultType();
        }
    }

    /**
     * A numeric cell as the user sees it: a date-formatted one as its date (ISO for the built-in formats, which Excel
     * shows per the viewer's locale), General as {@link #plain}, any other format as Excel renders it.
     */
    static CellValue numeric(DataFormatter formatter, double d, int formatIndex, @Nullable String format, boolean date1904) {
        if (format == null) return new CellValue(plain(d), null, d); // a style pointing at a format the file lacks
        if (DateUtil.isADateFormat(formatIndex, format) && DateUtil.isValidExcelDate(d)) {
            LocalDateTime dt = DateUtil.getLocalDateTime(d, date1904);
            String text = formatIndex >= 164 ? formatter.formatRawCellContents(d, formatIndex, format)
                    : dt.toLocalTime().equals(LocalTime.MIDNIGHT) ? dt.toLocalDate().toString()
                    : dt.toString().replace('T', ' ');
            return new CellValue(text, dt.toLocalDate(), d);
        }
        String text = formatIndex == 0 || "General".equalsIgnoreCase(format) || "@".equals(format)
                ? plain(d) : formatter.formatRawCellContents(d, formatIndex, format);
        return new CellValue(text, null, d);
    }

    /** A number as Excel's General format shows it, minus E notation: integral without ".0", at most 15 significant digits. */
    static String plain(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return BigDecimal.valueOf(d).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
    }
}
