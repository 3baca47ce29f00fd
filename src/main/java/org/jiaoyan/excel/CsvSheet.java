package org.jiaoyan.excel;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A CSV file as one sheet: what personnel systems export, and what Excel or WPS save as "CSV" (in GB18030 on a Chinese
 * Windows, UTF-8 with or without a byte-order mark elsewhere). Quoted fields may hold commas, quotes ("") and line
 * breaks; a file whose first lines hold more tabs than commas is read as tab-separated. Every value is text, as the file has
 * it: dates and numbers are then read by the same rules as typed text in a workbook (an ID number keeps all 18 digits).
 */
final class CsvSheet {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private CsvSheet() {
    }

    /** The file as a sheet, or null when it is not text (a binary file, or one with control characters). */
    static SheetGrid.@Nullable Sheet read(byte[] bytes, int rowCap, String tooMany) {
        String text = decode(bytes);
        if (text == null || text.isBlank()) return null;
        char separator = separator(text);
        List<SheetGrid.Row> rows = new ArrayList<>();
        List<SheetGrid.Cell> cells = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int row = 0;
        int column = 0;
        boolean quoted = false;
        int quoteRow = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else if (i < text.length()) {
                    field.append(c);
                }
                continue;
            }
            if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
                quoteRow = row;
            } else if (c == separator || c == '\n' || c == '\r') {
                String value = field.toString().strip();
                if (!value.isEmpty()) cells.add(new SheetGrid.Cell(column, CellValue.of(value)));
                field.setLength(0);
                column++;
                if (c != separator) {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                    if (!cells.isEmpty()) {
                        if (rows.size() == rowCap) throw new ExcelFormatException(tooMany);
                        rows.add(new SheetGrid.Row(row, List.copyOf(cells)));
                    }
                    cells.clear();
                    row++;
                    column = 0;
                }
            } else {
                field.append(c);
            }
        }
        if (quoted) { // the rest of the file would be one value: refuse rather than lose rows
            throw new ExcelFormatException("CSV 文件第 " + (quoteRow + 1) + " 行的引号没有配对，请检查后重新上传");
        }
        return new SheetGrid.Sheet("", rows, row, List.of());
    }

    /** UTF-8 (a byte-order mark dropped) when the bytes are valid UTF-8, else GB18030; null when not text. */
    static @Nullable String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, GB18030);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return null;
            if (c == '\uFFFD') return null;
        }
        return text;
    }

    /** Tab when the first ten lines hold more tabs than commas (a title line above the header has neither). */
    private static char separator(String text) {
        int tabs = 0;
        int commas = 0;
        int lines = 0;
        for (int i = 0; i < text.length() && lines < 10; i++) {
            char c = text.charAt(i);
            if (c == '\t') tabs++;
            else if (c == ',') commas++;
            else if (c == '\n') lines++;
        }
        return tabs > commas ? '\t' : ',';
    }
}
