package org.jiaoyan.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SheetReaderTests {

    static final List<ColumnSpec> ROSTER = List.of(
            ColumnSpec.required("name", "姓名", "教师姓名"),
            ColumnSpec.optional("gender", "性别"),
            ColumnSpec.required("birthDate", "出生日期", "出生年月"),
            ColumnSpec.optional("workStart", "参加工作时间", "参加工作年月", "工作时间"),
            ColumnSpec.optional("title", "职称"),
            ColumnSpec.optional("subjects", "学科", "任教学科"),
            ColumnSpec.required("mobile", "手机号码", "手机", "联系电话"),
            ColumnSpec.optional("remark", "备注"));

    private final SheetReader reader = new SheetReader(ROSTER, 100);

    @Test
    void matchesHeaderSynonymsAndReportsUnknownHeaders() {
        ParsedSheet sheet = reader.read(xlsx(
                row("* 姓名（必填）", "出生年月", "籍贯", "联系电话", "手机"),
                row("孙浩", "1995年7月", "杭州", "13800010002", "13900000000")));

        assertThat(sheet.columnIndex()).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("name", 0, "birthDate", 1, "mobile", 3));
        assertThat(sheet.unrecognisedHeaders()).containsExactly("籍贯", "手机");
        assertThat(sheet.missingRequiredColumns()).isEmpty();
        assertThat(sheet.rows()).singleElement().satisfies(r -> {
            assertThat(r.rowNumber()).isEqualTo(2);
            assertThat(r.text("mobile")).isEqualTo("13800010002");
            assertThat(r.text("birthDate")).isEqualTo("1995年7月");
            assertThat(r.text("remark")).isEmpty();
        });
    }

    @Test
    void findsTheHeaderBelowATitleRowAndKeepsExcelRowNumbers() {
        ParsedSheet sheet = reader.read(xlsx(
                row("XX 学校 2025 学年教师花名册"),
                row("制表日期：2025-09-01", null, "姓名"), // mentions one header, the real header row matches more
                row("序号", "教师姓名", "手机号码", "出生日期"),
                row(1, "周晓燕", "13800010001", "1988-04-12"),
                row(),
                row(null, "  ", ""),
                row(3, "何雨桐", "13800010005", "2000/2/29")));

        assertThat(sheet.columnIndex()).containsEntry("name", 1).containsEntry("mobile", 2).containsEntry("birthDate", 3);
        assertThat(sheet.unrecognisedHeaders()).containsExactly("序号");
        assertThat(sheet.rows()).extracting(SheetRow::rowNumber).containsExactly(4, 7);
        assertThat(sheet.rows()).extracting(r -> r.text("name")).containsExactly("周晓燕", "何雨桐");
    }

    @Test
    void listsMissingRequiredColumns() {
        ParsedSheet sheet = reader.read(xlsx(row("姓名", "性别"), row("马丽", "女")));
        assertThat(sheet.missingRequiredColumns()).containsExactly("出生日期", "手机号码");
        assertThat(sheet.rows()).singleElement().satisfies(r -> assertThat(r.text("gender")).isEqualTo("女"));
    }

    @Test
    void withoutARequiredHeaderInTheFirstTenRowsItRefuses() {
        assertThatThrownBy(() -> reader.read(xlsx(row("性别", "职称", "备注"), row("女", "一级教师", ""))))
                .isInstanceOf(ExcelFormatException.class)
                .hasMessage("未找到表头：请确认第一行包含“姓名”等列名");
        Object[][] rows = new Object[11][];
        for (int i = 0; i < 10; i++) rows[i] = row("说明 " + i);
        rows[10] = row("姓名", "手机号码");
        assertThatThrownBy(() -> reader.read(xlsx(rows))).isInstanceOf(ExcelFormatException.class);
    }

    @Test
    void readsCellsAsTheUserSeesThem() throws IOException {
        try (Workbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("名单");
            Row h = s.createRow(0);
            String[] headers = {"姓名", "手机号码", "出生日期", "参加工作时间", "备注", "职称"};
            for (int i = 0; i < headers.length; i++) h.createCell(i).setCellValue(headers[i]);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy年m月d日"));
            CellStyle builtinDate = wb.createCellStyle();
            builtinDate.setDataFormat((short) 14);
            CellStyle twoDecimals = wb.createCellStyle();
            twoDecimals.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            Row r = s.createRow(1);
            r.createCell(0).setCellValue("  孙  浩 ");
            r.createCell(1).setCellValue(13800010001d);
            r.createCell(2).setCellValue(LocalDate.of(1988, 4, 12));
            r.getCell(2).setCellStyle(date);
            r.createCell(3).setCellValue(1971.11);
            r.createCell(4).setCellFormula("\"工龄\"&(2025-2015)");
            r.createCell(5).setCellValue(true);
            Row r2 = s.createRow(2);
            r2.createCell(0).setCellFormula("\"郭\"&\"建国\"");
            r2.createCell(1).setCellValue(123456789012345678d);
            r2.createCell(2).setCellValue(LocalDate.of(1971, 11, 1));
            r2.getCell(2).setCellStyle(builtinDate);
            r2.createCell(3).setCellValue(1985.1);
            r2.getCell(3).setCellStyle(twoDecimals);
            r2.createCell(4).setCellFormula("1/0");
            r2.createCell(5).setCellFormula("0.1+0.2");

            List<SheetRow> rows = reader.read(bytes(wb)).rows();

            SheetRow first = rows.get(0);
            assertThat(first.text("name")).isEqualTo("孙  浩");
            assertThat(first.get("mobile")).isEqualTo(new CellValue("13800010001", null, 13800010001d));
            assertThat(first.get("birthDate").text()).isEqualTo("1988年4月12日");
            assertThat(first.get("birthDate").date()).isEqualTo(LocalDate.of(1988, 4, 12));
            assertThat(first.get("workStart")).isEqualTo(new CellValue("1971.11", null, 1971.11));
            assertThat(CellText.date(first.get("workStart"))).contains(LocalDate.of(1971, 11, 1));
            assertThat(first.text("remark")).isEqualTo("工龄10");
            assertThat(first.text("title")).isEqualTo("TRUE");

            SheetRow second = rows.get(1);
            assertThat(second.text("name")).isEqualTo("郭建国");
            assertThat(second.text("mobile")).isEqualTo("123456789012346000").doesNotContain("E");
            assertThat(second.text("birthDate")).isEqualTo("1971-11-01");
            assertThat(second.text("workStart")).isEqualTo("1985.10");
            assertThat(CellText.date(second.get("workStart"))).contains(LocalDate.of(1985, 10, 1));
            assertThat(second.text("remark")).isEqualTo("#DIV/0!");
            assertThat(second.text("title")).isEqualTo("0.3");
        }
    }

    @Test
    void skipsHiddenSheets() throws IOException {
        try (Workbook wb = new XSSFWorkbook()) {
            wb.createSheet("说明").createRow(0).createCell(0).setCellValue("填写说明");
            Sheet data = wb.createSheet("名单");
            data.createRow(0).createCell(0).setCellValue("姓名");
            data.createRow(1).createCell(0).setCellValue("周晓燕");
            wb.setActiveSheet(1);
            wb.setSheetHidden(0, true);
            assertThat(reader.read(bytes(wb)).rows()).extracting(r -> r.text("name")).containsExactly("周晓燕");
        }
    }

    @Test
    void refusesWhatIsNotAWorkbookAndSaysWhatToDo() throws IOException {
        for (byte[] content : List.of(new byte[0], "  \n".getBytes(StandardCharsets.UTF_8),
                new byte[] {0x50, 0x4b, 0x03, 0x04, 1, 2, 3}, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2},
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D}, // a picture
                "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\u0000".getBytes(StandardCharsets.ISO_8859_1))) {
            assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(content)))
                    .isInstanceOf(ExcelFormatException.class)
                    .hasMessage("文件不是有效的 Excel 文件（.xlsx、.xls）或 CSV 文件。如是 WPS 表格（.et）等其他格式，请另存为 .xlsx 后再上传");
        }
    }

    /**
     * CSV as systems export it and as Excel or WPS save it: UTF-8 with a byte-order mark, GB18030 (Chinese Windows),
     * tab-separated; quoted fields with commas, quotes and line breaks; a title line; blank lines; an 18-digit number kept.
     */
    @Test
    void readsCsvInTheEncodingsAndLayoutsItComesIn() {
        String csv = "示范县实验小学教师名单\r\n\r\n姓名,出生日期,手机号码,备注\r\n周晓燕,1988-04-12,13800010001,\"语文组，\"\"骨干\"\"\r\n二行\"\r\n"
                + ",,,\r\n孙浩,1995年7月,13800010002,330102198804120034\r\n";
        byte[] utf8 = csv.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        byte[] tabs = csv.replace(',', '\t').getBytes(StandardCharsets.UTF_8);
        for (byte[] file : List.of(utf8, bom, csv.getBytes(java.nio.charset.Charset.forName("GB18030")), tabs)) {
            ParsedSheet sheet = reader.read(new ByteArrayInputStream(file));
            assertThat(sheet.missingRequiredColumns()).isEmpty();
            // row numbers as Excel shows the file: a quoted line break stays inside its record
            assertThat(sheet.rows()).extracting(SheetRow::rowNumber).containsExactly(4, 6);
            assertThat(sheet.rows()).extracting(r -> r.text("name")).containsExactly("周晓燕", "孙浩");
            assertThat(sheet.rows().get(0).text("remark")).isEqualTo("语文组，\"骨干\"\r\n二行");
            assertThat(sheet.rows().get(1).text("remark")).isEqualTo("330102198804120034");
            assertThat(sheet.rows().get(1).text("birthDate")).isEqualTo("1995年7月");
        }
        byte[] unclosed = "姓名,出生日期,手机号码\n周晓燕,1988-04-12,13800010001\n\"孙浩,1995年7月,13800010002\n李明,1990-01-05,138\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(unclosed))).isInstanceOf(ExcelFormatException.class)
                .hasMessage("CSV 文件第 3 行的引号没有配对，请检查后重新上传");
    }

    /** An .xls (Excel 97–2003) reads as the same roster saved as .xlsx reads: values, dates, merged cells. */
    @Test
    void readsAnXlsAsItsXlsxReads() throws IOException {
        ParsedSheet fromXlsx = reader.read(new ByteArrayInputStream(mergedRoster()));
        byte[] xls;
        try (Workbook wb = new HSSFWorkbook()) {
            xls = bytes(mergedRoster(wb)).readAllBytes();
        }
        ParsedSheet fromXls = reader.read(new ByteArrayInputStream(xls));
        assertThat(fromXls).isEqualTo(fromXlsx);
        assertThat(fromXls.rows()).extracting(r -> r.get("birthDate").date())
                .containsExactly(LocalDate.of(1988, 4, 12), LocalDate.of(1979, 11, 3), LocalDate.of(1990, 1, 5));
        assertThat(reader.read(new ByteArrayInputStream(xls())).rows()).isEmpty(); // a header alone: read, no data rows
    }

    @Test
    void aWorkbookWithAnOpeningPasswordGetsItsOwnMessage() throws Exception {
        var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem();
        var info = new org.apache.poi.poifs.crypt.EncryptionInfo(org.apache.poi.poifs.crypt.EncryptionMode.agile);
        var encryptor = info.getEncryptor();
        encryptor.confirmPassword("jiaoyan");
        try (var os = encryptor.getDataStream(fs)) {
            os.write(mergedRoster());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        fs.close();
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(out.toByteArray())))
                .isInstanceOf(ExcelFormatException.class).hasMessageStartingWith("文件设置了打开密码");
    }

    @Test
    void refusesAnEmptySheet() throws IOException {
        try (Workbook wb = new XSSFWorkbook()) {
            wb.createSheet("Sheet1");
            assertThatThrownBy(() -> reader.read(bytes(wb))).isInstanceOf(ExcelFormatException.class)
                    .hasMessage("工作表为空");
        }
    }

    @Test
    void refusesMoreThanMaxRowsOfData() {
        Object[][] rows = {row("姓名"), row("甲"), row(), row("乙"), row("丙"), row("丁")};
        assertThat(new SheetReader(ROSTER, 4).read(xlsx(rows)).rows()).hasSize(4);
        assertThatThrownBy(() -> new SheetReader(ROSTER, 3).read(xlsx(rows)))
                .isInstanceOf(ExcelFormatException.class)
                .hasMessage("行数超过上限 3 行");
    }

    @Test
    void readsTenThousandRowsWithTheirSheetRowNumbers() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookWriter w = WorkbookWriter.sheet("名单")
                .header(List.of("姓名", "性别", "出生日期", "参加工作时间", "职称", "学科", "手机号码", "备注", "序号", "籍贯"));
        for (int i = 0; i < 10_000; i++) {
            w.row(List.of("教师" + i, "女", LocalDate.of(1980, 1, 1).plusDays(i), "2010.09", "一级教师", "语文、数学",
                    13800000000L + i, "备注" + i, i, "浙江"));
        }
        w.writeTo(out);

        read(out.toByteArray()); // warm-up
        long start = System.nanoTime();
        ParsedSheet sheet = read(out.toByteArray());
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("read 10,000 × 10 in " + millis + " ms");

        assertThat(sheet.rows()).hasSize(10_000);
        assertThat(sheet.rows().get(9_999).rowNumber()).isEqualTo(10_002);   // row 1 is the export's title, row 2 the header
        assertThat(sheet.rows().get(9_999).text("mobile")).isEqualTo("13800009999");
        // speed is measured by bench/run (roster import against a plain POI read), not asserted here: a time bound
        // failed on a busy CI machine
    }

    @Test
    void readsTheMessyRosterSample() throws IOException {
        ParsedSheet sheet;
        try (InputStream in = getClass().getResourceAsStream("/excel/roster-sample.xlsx")) {
            sheet = reader.read(in);
        }
        sheet.rows().forEach(r -> System.out.println(r.rowNumber() + " " + ROSTER.stream()
                .map(c -> c.header() + "=" + r.get(c.key())).toList()));

        assertThat(sheet.missingRequiredColumns()).isEmpty();
        assertThat(sheet.unrecognisedHeaders()).isEmpty();
        assertThat(sheet.columnIndex()).hasSize(8);
        assertThat(sheet.rows()).extracting(SheetRow::rowNumber).containsExactly(2, 3, 4, 5, 6);
        assertThat(sheet.rows()).extracting(r -> CellText.personName(r.text("name")))
                .containsExactly("周晓燕", "孙浩", "马丽", "郭建国", "何雨桐");
        assertThat(sheet.rows()).extracting(r -> CellText.date(r.get("birthDate")).orElseThrow()).containsExactly(
                LocalDate.of(1988, 4, 12), // Excel serial 32245 in a yyyy-mm-dd cell (the brief's 04-13 is off by one)
                LocalDate.of(1995, 7, 1),
                LocalDate.of(1992, 3, 15),
                LocalDate.of(1971, 11, 1),
                LocalDate.of(2000, 2, 29));
        assertThat(sheet.rows()).extracting(r -> CellText.date(r.get("workStart")).orElseThrow()).containsExactly(
                LocalDate.of(2010, 9, 1),
                LocalDate.of(2018, 8, 1),
                LocalDate.of(2015, 9, 1),
                LocalDate.of(1992, 8, 1),
                LocalDate.of(2023, 9, 1));
        assertThat(sheet.rows()).extracting(r -> CellText.digits(r.text("mobile")))
                .containsExactly("13800010001", "13800010002", "13800010003", "13800010004", "13800010005");
        assertThat(CellText.splitMulti(sheet.rows().get(2).text("subjects"))).containsExactly("英语", "综合实践");
        assertThat(sheet.rows().get(4).text("title")).isEmpty();
        assertThat(sheet.rows().get(0).text("remark")).isEmpty();
    }

    /**
     * The streaming reader gives every cell the full reader gives: the same text, date and number, in workbooks written
     * the ways schools' files are (shared strings with runs and phonetic guides, inline strings, saved formula results,
     * custom and built-in date formats, the 1904 date system, escaped characters, hidden sheets, gaps).
     */
    @Test
    void theStreamingReaderReadsWhatTheFullReaderReads() throws IOException {
        for (byte[] file : List.of(mixedWorkbook(false), mixedWorkbook(true), inlineStrings(), resource("/excel/roster-sample.xlsx"),
                tenThousandRows())) {
            SheetReader big = new SheetReader(ROSTER, 20_000);
            SheetGrid.Sheet streamed = big.readStreaming(file).get(0);
            SheetGrid.Sheet full = big.readFull(file).get(0);
            assertThat(big.readStreaming(file)).isEqualTo(big.readFull(file));
            assertThat(streamed.rows()).hasSameSizeAs(full.rows());
            for (int i = 0; i < full.rows().size(); i++) {
                assertThat(streamed.rows().get(i)).as("row %d", full.rows().get(i).index() + 1).isEqualTo(full.rows().get(i));
            }
            assertThat(streamed).isEqualTo(full);
        }
    }

    /**
     * Merged cells as a school's roster uses them, read the same by both readers: a title and captions merged across the
     * table, a two-row header, a teacher over two rows (姓名 merged down, one subject per row), a 备注 merged down the
     * group, a spacer row blank but for a tall merged cell.
     */
    @Test
    void mergedCellsAreReadAsAPersonReadsThem() throws IOException {
        byte[] file = mergedRoster();
        for (List<SheetGrid.Sheet> grid : List.of(reader.readStreaming(file), reader.readFull(file))) {
            ParsedSheet sheet = reader.parse(grid);
            assertThat(sheet.columnIndex()).containsEntry("name", 0).containsEntry("mobile", 3).containsEntry("remark", 6);
            assertThat(sheet.missingRequiredColumns()).isEmpty();
            assertThat(sheet.rows()).extracting(SheetRow::rowNumber).containsExactly(5, 6, 8);
            assertThat(sheet.rows()).extracting(r -> r.text("name")).containsExactly("周晓燕", "王海燕", "李明");
            SheetRow wang = sheet.rows().get(1);
            assertThat(wang.text("subjects")).isEqualTo("语文、道德与法治");
            assertThat(wang.text("gender")).isEqualTo("女");
            assertThat(wang.get("birthDate").date()).isEqualTo(LocalDate.of(1979, 11, 3));
            assertThat(wang.text("mobile")).isEqualTo("13800010002");
            assertThat(sheet.rows()).extracting(r -> r.text("remark")).containsExactly("在编", "在编", "在编");
            assertThat(sheet.skippedRows()).containsExactly(new ParsedSheet.SkippedRow("", 4, "一、语文组"),
                    new ParsedSheet.SkippedRow("", 11, "制表人：何雨桐　审核：王校长"));
        }
    }

    /**
     * A roster kept as one sheet per group: every visible sheet with the first one's columns is read, in tab order, its
     * rows named by sheet; instructions, a sheet of other columns and a hidden sheet are not.
     */
    @Test
    void readsEverySheetWithTheFirstOnesColumns() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fill(wb.createSheet("填表说明").createRow(0), "请按模板填写，出生日期写成 1988-03-15");
            Sheet chinese = wb.createSheet("语文组");
            fill(chinese.createRow(0), "语文组教师名单");
            fill(chinese.createRow(1), "姓名", "出生日期", "手机号码");
            fill(chinese.createRow(2), "周晓燕", "1988-04-12", "13800010001");
            fill(chinese.createRow(3), "孙浩", "1995年7月", "13800010002");
            Sheet maths = wb.createSheet("数学组");
            fill(maths.createRow(0), "手机号码", "教师姓名", "出生年月"); // the same columns, in another order and words
            fill(maths.createRow(1), "13800010003", "马丽", "1992.03");
            Sheet old = wb.createSheet("旧名单");
            fill(old.createRow(0), "姓名", "出生日期", "手机号码");
            fill(old.createRow(1), "郭建国", "1971-11-01", "13800010004");
            wb.setSheetHidden(wb.getSheetIndex(old), true);
            Sheet awards = wb.createSheet("获奖统计");
            fill(awards.createRow(0), "姓名", "出生日期", "奖项");
            fill(awards.createRow(1), "周晓燕", "1988-04-12", "县优质课一等奖");
            wb.createSheet("空白");
            byte[] file = bytes(wb).readAllBytes();

            assertThat(reader.readStreaming(file)).isEqualTo(reader.readFull(file));
            ParsedSheet sheet = reader.read(new ByteArrayInputStream(file));
            assertThat(sheet.sheetsRead()).containsExactly("语文组", "数学组");
            assertThat(sheet.sheetsNotRead()).containsExactly("填表说明", "获奖统计");
            assertThat(sheet.rows()).extracting(SheetRow::place).containsExactly("语文组 第 3 行", "语文组 第 4 行", "数学组 第 2 行");
            assertThat(sheet.rows()).extracting(r -> r.text("name")).containsExactly("周晓燕", "孙浩", "马丽");
            assertThat(sheet.rows().get(2).text("mobile")).isEqualTo("13800010003");
            assertThat(new ImportError("数学组", 2, "手机号码", "手机号码与语文组 第 3 行重复").display())
                    .isEqualTo("数学组 第 2 行 · 手机号码 · 手机号码与语文组 第 3 行重复");
        }
    }

    @Test
    void theRowLimitCountsEverySheet() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            for (String name : List.of("一组", "二组")) {
                Sheet s = wb.createSheet(name);
                fill(s.createRow(0), "姓名", "出生日期", "手机号码");
                for (int r = 1; r <= 60; r++) fill(s.createRow(r), "教师", "1990-01-01", "138");
            }
            byte[] file = bytes(wb).readAllBytes();
            assertThat(new SheetReader(ROSTER, 120).read(new ByteArrayInputStream(file)).rows()).hasSize(120);
            assertThatThrownBy(() -> new SheetReader(ROSTER, 100).read(new ByteArrayInputStream(file)))
                    .isInstanceOf(ExcelFormatException.class).hasMessage("行数超过上限 100 行");
        }
    }

    /** Sections pasted one under another, each with its header: the repeated header is left out, not read as a teacher. */
    @Test
    void aRepeatedHeaderIsLeftOut() {
        ParsedSheet sheet = reader.read(xlsx(
                row("姓名", "出生日期", "手机号码", "备注"),
                row("周晓燕", "1988-04-12", "13800010001"),
                row("教师姓名", "出生年月", "联系电话"), // the same columns in other words
                row("孙浩", "1995年7月", "13800010002", "姓名")));
        assertThat(sheet.rows()).extracting(r -> r.text("name")).containsExactly("周晓燕", "孙浩");
        assertThat(sheet.skippedRows()).containsExactly(new ParsedSheet.SkippedRow("", 3, "教师姓名 出生年月 联系电话"));
    }

    @Test
    void aRegionMergedOverOneMatchedColumnIsStillData() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("名单");
            fill(s.createRow(0), "姓名", null, "出生日期", "手机号码");
            fill(s.createRow(1), "孙浩", null, null, null); // the name spread over two columns, one of them no header's
            s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(1, 1, 0, 1));
            byte[] file = bytes(wb).readAllBytes();
            ParsedSheet sheet = reader.read(new ByteArrayInputStream(file));
            assertThat(sheet.rows()).extracting(r -> r.text("name")).containsExactly("孙浩");
            assertThat(sheet.skippedRows()).isEmpty();
        }
    }

    @Test
    void aFileWithMoreMergedRegionsThanAnyRosterIsRefused() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("名单");
            fill(s.createRow(0), "姓名", "出生日期", "手机号码");
            for (int r = 1; r <= SheetGrid.MAX_REGIONS + 1; r++) {
                s.addMergedRegionUnsafe(new org.apache.poi.ss.util.CellRangeAddress(r, r, 0, 1));
            }
            byte[] file = bytes(wb).readAllBytes();
            assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(file))).isInstanceOf(ExcelFormatException.class)
                    .hasMessageContaining("合并单元格过多");
        }
    }

    private static byte[] mergedRoster() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            return bytes(mergedRoster(wb)).readAllBytes();
        }
    }

    private static Workbook mergedRoster(Workbook wb) {
        {
            Sheet s = wb.createSheet("花名册");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat((short) 14);
            fill(s.createRow(0), "示范县实验小学教师花名册");
            fill(s.createRow(1), "姓名", "性别", "出生日期", "联系方式", null, "学科", "备注");
            fill(s.createRow(2), null, null, null, "手机号码", "邮箱");
            fill(s.createRow(3), "一、语文组");
            fill(s.createRow(4), "周晓燕", "女", null, "13800010001", "zxy@example.cn", "语文", "在编");
            fill(s.createRow(5), "王海燕", "女", null, "13800010002", null, "语文");
            fill(s.createRow(6), null, null, null, null, null, "道德与法治");
            fill(s.createRow(7), "李明", "男", null, "13800010003", null, "数学");
            s.createRow(8); // a spacer row: blank but for the 备注 region below
            fill(s.createRow(9), null, null, null, null, null, null, null);
            fill(s.createRow(10), "制表人：何雨桐　审核：王校长");
            for (int[] d : new int[][] {{4, 1988, 4, 12}, {5, 1979, 11, 3}, {7, 1990, 1, 5}}) {
                var c = s.getRow(d[0]).createCell(2);
                c.setCellValue(LocalDate.of(d[1], d[2], d[3]));
                c.setCellStyle(date);
            }
            int[][] regions = {{0, 0, 0, 6}, {1, 2, 0, 0}, {1, 2, 1, 1}, {1, 2, 2, 2}, {1, 1, 3, 4}, {1, 2, 5, 5},
                    {1, 2, 6, 6}, {3, 3, 0, 6}, {4, 8, 6, 6}, {5, 6, 0, 0}, {5, 6, 1, 1}, {5, 6, 2, 2}, {5, 6, 3, 3},
                    {10, 10, 0, 6}};
            for (int[] r : regions) s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(r[0], r[1], r[2], r[3]));
            return wb;
        }
    }

    /** Text cells from column A on; null leaves a cell out. */
    private static void fill(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) row.createCell(i).setCellValue(values[i]);
        }
    }

    @Test
    void aFormulaSavedWithoutItsResultIsReadByTheFullReader() throws IOException {
        try (Workbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("名单");
            s.createRow(0).createCell(0).setCellValue("姓名");
            s.createRow(1).createCell(0).setCellFormula("\"郭\"&\"建国\""); // POI, like some tools, saves no result
            byte[] file = bytes(wb).readAllBytes();
            assertThatThrownBy(() -> reader.readStreaming(file)).isInstanceOf(XlsxStream.Unsupported.class);
            assertThat(reader.read(new ByteArrayInputStream(file)).rows()).extracting(r -> r.text("name")).containsExactly("郭建国");
        }
    }

    @Test
    void decodesEscapedCharactersAsExcelDoes() {
        assertThat(XlsxStream.decode("第一行_x000D_第二行")).isEqualTo("第一行\r第二行");
        assertThat(XlsxStream.decode("a_x005F_b_xZZZZ_")).isEqualTo("a_b_xZZZZ_");
        assertThat(XlsxStream.decode("孙浩")).isEqualTo("孙浩");
    }

    /** Text, numbers, dates in several formats, booleans, formulas with saved results, errors, gaps; optionally 1904 dates. */
    private static byte[] mixedWorkbook(boolean date1904) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var book = wb.getCTWorkbook();
            (book.isSetWorkbookPr() ? book.getWorkbookPr() : book.addNewWorkbookPr()).setDate1904(date1904);
            wb.createSheet("说明").createRow(0).createCell(0).setCellValue("填写说明");
            wb.setSheetHidden(0, true);
            Sheet s = wb.createSheet("名单");
            String[] headers = {"姓名", "手机号码", "出生日期", "参加工作时间", "备注", "职称", "学科"};
            Row h = s.createRow(2); // a title row and a blank row above
            s.createRow(0).createCell(0).setCellValue("示范县实验小学教师花名册");
            for (int i = 0; i < headers.length; i++) h.createCell(i).setCellValue(headers[i]);
            CellStyle custom = wb.createCellStyle();
            custom.setDataFormat(wb.createDataFormat().getFormat("yyyy年m月d日"));
            CellStyle builtin = wb.createCellStyle();
            builtin.setDataFormat((short) 14);
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat((short) 22);
            CellStyle twoDecimals = wb.createCellStyle();
            twoDecimals.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            CellStyle text = wb.createCellStyle();
            text.setDataFormat((short) 49);
            Row r = s.createRow(3);
            r.createCell(0).setCellValue(new org.apache.poi.xssf.usermodel.XSSFRichTextString("  孙  浩 "));
            r.createCell(1).setCellValue(13800010001d);
            r.createCell(2).setCellValue(LocalDate.of(1988, 4, 12));
            r.getCell(2).setCellStyle(custom);
            r.createCell(3).setCellValue(1971.11);
            r.createCell(4).setCellFormula("\"工龄\"&(2025-2015)");
            r.createCell(5).setCellValue(true);
            r.createCell(6).setCellValue("语文_x000D_数学");
            Row r2 = s.createRow(4);
            var rich = new org.apache.poi.xssf.usermodel.XSSFRichTextString("郭建国");
            var bold = wb.createFont();
            bold.setBold(true);
            rich.applyFont(0, 1, bold); // two runs
            r2.createCell(0).setCellValue(rich);
            r2.createCell(1).setCellValue(123456789012345678d);
            r2.createCell(2).setCellValue(LocalDate.of(1971, 11, 1));
            r2.getCell(2).setCellStyle(builtin);
            r2.createCell(3).setCellValue(1985.1);
            r2.getCell(3).setCellStyle(twoDecimals);
            r2.createCell(4).setCellFormula("1/0");
            r2.createCell(5).setCellFormula("0.1+0.2");
            r2.createCell(6).setCellFormula("1=2");
            Row r3 = s.createRow(7); // rows 6 and 7 absent
            r3.createCell(0).setCellValue("何雨桐");
            r3.createCell(2).setCellValue(java.time.LocalDateTime.of(2000, 2, 29, 8, 30));
            r3.getCell(2).setCellStyle(dateTime);
            r3.createCell(3).setCellValue("2023.09");
            r3.getCell(3).setCellStyle(text);
            r3.createCell(4).setCellValue("   ");
            r3.createCell(9).setCellValue(7); // a column far right, unmatched
            s.createRow(8).createCell(0).setCellValue(""); // a blank row
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll(); // saved results, as Excel and WPS write them
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Streaming writers (POI's SXSSF, many exporters) write text inline instead of in shared strings. */
    private static byte[] inlineStrings() throws IOException {
        try (var wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook()) {
            Sheet s = wb.createSheet("名单");
            Row h = s.createRow(0);
            h.createCell(0).setCellValue("姓名");
            h.createCell(1).setCellValue("手机号码");
            h.createCell(2).setCellValue("出生日期");
            for (int i = 1; i <= 50; i++) {
                Row r = s.createRow(i);
                r.createCell(0).setCellValue(" 教师" + i + "_x000A_");
                r.createCell(1).setCellValue(13800000000d + i);
                r.createCell(2).setCellValue(i % 2 == 0 ? "1988.03" : "");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] tenThousandRows() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookWriter w = WorkbookWriter.sheet("名单").header(List.of("姓名", "出生日期", "手机号码", "备注"));
        for (int i = 0; i < 10_000; i++) {
            w.row(java.util.Arrays.asList("教师" + i, LocalDate.of(1980, 1, 1).plusDays(i), 13800000000L + i, i % 3 == 0 ? null : "备注" + i));
        }
        w.writeTo(out);
        return out.toByteArray();
    }

    private byte[] resource(String path) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    private ParsedSheet read(byte[] content) {
        return new SheetReader(ROSTER, 20_000).read(new ByteArrayInputStream(content));
    }

    static Object[] row(Object... cells) {
        return cells;
    }

    /** An .xlsx with the given rows (Strings and Numbers; null leaves the cell out). */
    static InputStream xlsx(Object[]... rows) {
        try (Workbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Sheet1");
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
                    else if (v != null) row.createCell(c).setCellValue(v.toString());
                }
            }
            return bytes(wb);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static InputStream bytes(Workbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return new ByteArrayInputStream(out.toByteArray());
    }

    private static byte[] xls() throws IOException {
        try (Workbook wb = new HSSFWorkbook()) {
            wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("姓名");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}
