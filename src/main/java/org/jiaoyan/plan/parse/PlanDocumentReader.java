package org.jiaoyan.plan.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.EmptyFileException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** The text of an uploaded plan file (.txt or .docx), in the form {@link PlanTextParser} reads. */
public final class PlanDocumentReader {

    static final String UNSUPPORTED = "只支持 .txt 和 .docx 文件";
    static final String NOT_DOCX = "文件不是有效的 Word（.docx）文件";
    private static final Charset GB18030 = Charset.forName("GB18030");

    private PlanDocumentReader() {
    }

    /**
     * Text of a .txt (UTF-8, or GB18030 when the bytes are not valid UTF-8) or a .docx (paragraphs and tables in body
     * order; a table row becomes one line of cells joined by TAB). The stream is read once and not closed.
     *
     * @throws IllegalArgumentException for any other extension ({@value #UNSUPPORTED})
     * @throws IOException when the file cannot be read or is no valid .docx
     */
    public static String read(String fileName, InputStream in) throws IOException {
        String name = fileName.toLowerCase(Locale.ROOT).strip();
        if (name.endsWith(".txt")) {
            return decode(in.readAllBytes());
        }
        if (name.endsWith(".docx")) {
            return docx(in);
        }
        throw new IllegalArgumentException(UNSUPPORTED);
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

    private static String docx(InputStream in) throws IOException {
        try (XWPFDocument document = new XWPFDocument(in)) {
            List<String> lines = new ArrayList<>();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    lines.add(paragraph.getText());
                } else if (element instanceof XWPFTable table) {
                    addTable(table, lines);
                } else if (element instanceof XWPFSDT sdt) {
                    lines.add(sdt.getContent().getText());
                }
            }
            return String.join("\n", lines);
        } catch (UnsupportedFileFormatException | EmptyFileException | POIXMLException e) {
            throw new IOException(NOT_DOCX, e); // not a zip, an old .doc, an empty file, or a zip without a Word body
        }
    }

    /** One line per row, cells joined by TAB (empty cells kept, so a merged cell leaves its column empty). */
    private static void addTable(XWPFTable table, List<String> lines) {
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                cells.add(cellText(cell));
            }
            lines.add(String.join("\t", cells));
        }
    }

    /**
     * A cell of several paragraphs or line breaks on one line: short names (王丽 / 李明) joined with "、", anything else
     * (numbered contents 1．… 2．…, sentences) with a space, so that the parser can split numbered contents again.
     */
    static String cellText(XWPFTableCell cell) {
        List<String> parts = new ArrayList<>();
        for (XWPFParagraph paragraph : cell.getParagraphs()) {
            for (String piece : paragraph.getText().split("[\\r\\n\\t\\u000B]+")) {
                if (!piece.isBlank()) {
                    parts.add(piece.strip());
                }
            }
        }
        for (XWPFTable nested : cell.getTables()) {
            List<String> nestedLines = new ArrayList<>();
            addTable(nested, nestedLines);
            for (String l : nestedLines) {
                if (!l.isBlank()) {
                    parts.add(l.replace('\t', ' ').strip());
                }
            }
        }
        boolean allNames = parts.size() > 1 && parts.stream().allMatch(Owners::looksLikeOwner);
        return String.join(allNames ? "、" : " ", parts);
    }
}
