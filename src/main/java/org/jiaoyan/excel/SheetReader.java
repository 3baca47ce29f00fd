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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/** Reads the first visible sheet of an uploaded .xlsx: finds the header row among the first 10 rows, maps columns by spec, returns non-blank rows. */
public final class SheetReader {

    static final String NOT_XLSX = "文件不是有效的 Excel（.xlsx）文件";
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

    /** Reads the workbook (the stream is consumed, not closed). */
    public ParsedSheet read(InputStream in) {
        try (XSSFWorkbook wb = open(in)) {
            Sheet sheet = firstVisibleSheet(wb);
            if (sheet == null || sheet.getPhysicalNumberOfRows() == 0) throw new ExcelFormatException("工作表为空");
            return new Reading(wb).parse(sheet);
        } catch (IOException e) {
            throw new ExcelFormatException(NOT_XLSX, e);
        }
    }

    private static XSSFWorkbook open(InputStream in) {
        try {
            return new XSSFWorkbook(in);
        } catch (IOException | RuntimeException e) { // NotOfficeXmlFileException, OLE2 (.xls), EmptyFileException, POIXMLException …
            throw new ExcelFormatException(NOT_XLSX, e);
        }
    }

    private static @Nullable Sheet firstVisibleSheet(XSSFWorkbook wb) {
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            if (!wb.isSheetHidden(i) && !wb.isSheetVeryHidden(i)) return wb.getSheetAt(i);
        }
        return null;
    }

    /** Per-workbook state: one formatter and one evaluator shared by all cells. */
    private final class Reading {

        private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
        private final FormulaEvaluator evaluator;

        Reading(XSSFWorkbook wb) {
            this.evaluator = wb.getCreationHelper().createFormulaEvaluator();
        }

        ParsedSheet parse(Sheet sheet) {
            int headerRow = findHeaderRow(sheet);
            Map<String, Integer> columnIndex = new LinkedHashMap<>();
            List<String> unrecognised = new ArrayList<>();
            for (Cell cell : sheet.getRow(headerRow)) {
                String text = value(cell).text();
                if (text.isBlank()) continue;
                Integer spec = specByHeader.get(ColumnSpec.normaliseHeader(text));
                if (spec == null || columnIndex.putIfAbsent(columns.get(spec).key(), cell.getColumnIndex()) != null) {
                    unrecognised.add(text); // unknown, or a second column for an already matched key
                }
            }
            List<String> missing = columns.stream()
                    .filter(c -> c.required() && !columnIndex.containsKey(c.key()))
                    .map(ColumnSpec::header)
                    .toList();

            List<Map.Entry<String, Integer>> matched = List.copyOf(columnIndex.entrySet());
            List<SheetRow> rows = new ArrayList<>();
            for (Row row : sheet) { // physical rows only, ascending
                int r = row.getRowNum();
                if (r <= headerRow) continue;
                Map<String, CellValue> values = null;
                for (Map.Entry<String, Integer> col : matched) {
                    Cell cell = row.getCell(col.getValue());
                    if (cell == null) continue;
                    CellValue v = value(cell);
                    if (v.isBlank()) continue;
                    if (values == null) values = new HashMap<>();
                    values.put(col.getKey(), v);
                }
                if (values == null) continue;
                if (rows.size() == maxRows) throw new ExcelFormatException("行数超过上限 " + maxRows + " 行");
                rows.add(new SheetRow(r + 1, values));
            }
            return new ParsedSheet(columnIndex, missing, rows, unrecognised);
        }

        /** The row (0-based) among the first 10 matching the most specs, at least one of them required. */
        private int findHeaderRow(Sheet sheet) {
            boolean anyRequired = columns.stream().anyMatch(ColumnSpec::required);
            int best = -1;
            int bestCount = 0;
            for (int r = 0; r < HEADER_SEARCH_ROWS && r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) continue;
                boolean[] seen = new boolean[columns.size()];
                int count = 0;
                boolean requiredSeen = !anyRequired;
                for (Cell cell : row) {
                    Integer spec = specByHeader.get(ColumnSpec.normaliseHeader(value(cell).text()));
                    if (spec == null || seen[spec]) continue;
                    seen[spec] = true;
                    count++;
                    requiredSeen |= columns.get(spec).required();
                }
                if (requiredSeen && count > bestCount) {
                    best = r;
                    bestCount = count;
                }
            }
            if (best < 0) {
                String example = columns.stream().filter(ColumnSpec::required).findFirst()
                        .or(() -> columns.stream().findFirst()).map(ColumnSpec::header).orElse("");
                throw new ExcelFormatException("未找到表头：请确认第一行包含“" + example + "”等列名");
            }
            return best;
        }

        private CellValue value(Cell cell) {
            CellType type = cell.getCellType();
            if (type == CellType.FORMULA) type = evaluate(cell);
            switch (type) {
                case STRING -> {
                    String s = cell.getStringCellValue().strip();
                    return s.isEmpty() ? CellValue.EMPTY : CellValue.of(s);
                }
                case NUMERIC -> {
                    return numeric(cell);
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

        private CellType evaluate(Cell cell) {
            try {
                return evaluator.evaluateFormulaCell(cell);
            } catch (RuntimeException e) { // unsupported function etc.: fall back to the value Excel cached
                return cell.getCachedFormulaResultType();
            }
        }

        private CellValue numeric(Cell cell) {
            double d = cell.getNumericCellValue();
            CellStyle style = cell.getCellStyle();
            short formatIndex = style.getDataFormat();
            String format = style.getDataFormatString();
            if (DateUtil.isADateFormat(formatIndex, format) && DateUtil.isValidExcelDate(d)) {
                LocalDateTime dt = cell.getLocalDateTimeCellValue();
                // built-in date formats render per the viewer's locale; show those as ISO instead of US m/d/yy
                String text = formatIndex >= 164 ? formatter.formatRawCellContents(d, formatIndex, format)
                        : dt.toLocalTime().equals(LocalTime.MIDNIGHT) ? dt.toLocalDate().toString()
                        : dt.toString().replace('T', ' ');
                return new CellValue(text, dt.toLocalDate(), d);
            }
            String text = formatIndex == 0 || "General".equalsIgnoreCase(format) || "@".equals(format)
                    ? plain(d) : formatter.formatRawCellContents(d, formatIndex, format);
            return new CellValue(text, null, d);
        }
    }

    /** A number as Excel's General format shows it, minus E notation: integral without ".0", at most 15 significant digits. */
    static String plain(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return BigDecimal.valueOf(d).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
    }
}
