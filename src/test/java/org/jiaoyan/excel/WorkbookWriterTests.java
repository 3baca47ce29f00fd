package org.jiaoyan.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class WorkbookWriterTests {

    private static final List<ColumnSpec> COLUMNS = List.of(
            ColumnSpec.required("name", "姓名"),
            ColumnSpec.optional("title", "职称"),
            ColumnSpec.optional("birthDate", "出生日期"),
            ColumnSpec.optional("years", "教龄"),
            ColumnSpec.optional("remark", "备注"));

    @Test
    void writtenRowsReadBackWithRealDatesAndNumbers() throws IOException {
        byte[] xlsx = write(WorkbookWriter.sheet("教师名单")
                .header(List.of("姓名", "职称", "出生日期", "教龄", "备注"))
                .row(List.of("周晓燕", "一级教师", LocalDate.of(1988, 4, 12), 12, "—"))
                .row(Arrays.asList("孙浩", null, LocalDate.of(2000, 2, 29), new BigDecimal("3.5"), null)));

        ParsedSheet sheet = new SheetReader(COLUMNS, 100).read(new ByteArrayInputStream(xlsx));

        assertThat(sheet.rows()).hasSize(2);
        SheetRow first = sheet.rows().get(0);
        assertThat(first.get("birthDate").date()).isEqualTo(LocalDate.of(1988, 4, 12));
        assertThat(first.text("birthDate")).isEqualTo("1988-04-12");
        assertThat(first.get("years")).isEqualTo(new CellValue("12", null, 12.0));
        SheetRow second = sheet.rows().get(1);
        assertThat(CellText.date(second.get("birthDate"))).contains(LocalDate.of(2000, 2, 29));
        assertThat(second.text("years")).isEqualTo("3.5");
        assertThat(second.values()).doesNotContainKeys("title", "remark");

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet s = wb.getSheetAt(0);
            assertThat(s.getSheetName()).isEqualTo("教师名单");
            assertThat(s.getPaneInformation().isFreezePane()).isTrue();
            assertThat(s.getPaneInformation().getHorizontalSplitPosition()).as("title and header frozen").isEqualTo((short) 2);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("教师名单");
            assertThat(s.getRow(1).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            assertThat(s.getColumnWidth(0)).isGreaterThanOrEqualTo(8 * 256);
            assertThat(s.getRow(2).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
        }
    }

    @Test
    void dropDownsAreListValidationsFedFromAHiddenSheet() throws IOException {
        List<String> titles = List.of("正高级教师", "高级教师", "一级教师", "二级教师", "三级教师");
        List<String> schools = IntStream.rangeClosed(1, 300).mapToObj(i -> "第" + i + "实验学校（教育集团）").toList();
        byte[] xlsx = write(WorkbookWriter.sheet("名单")
                .header(List.of("姓名", "职称", "学校"))
                .row(List.of("周晓燕", "一级教师", "第1实验学校（教育集团）"))
                .dropDown(1, titles)
                .dropDown(2, schools));

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetName(1)).isEqualTo("_lists");
            assertThat(wb.isSheetHidden(1)).isTrue();
            assertThat(wb.getActiveSheetIndex()).isZero();
            XSSFSheet lists = wb.getSheet("_lists");
            assertThat(lists.getRow(4).getCell(0).getStringCellValue()).isEqualTo("三级教师");
            assertThat(lists.getRow(299).getCell(1).getStringCellValue()).isEqualTo("第300实验学校（教育集团）");

            List<XSSFDataValidation> validations = wb.getSheetAt(0).getDataValidations();
            assertThat(validations).hasSize(2);
            XSSFDataValidation title = validations.stream()
                    .filter(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == 1).findFirst().orElseThrow();
            assertThat(title.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
            assertThat(title.getValidationConstraint().getFormula1()).isEqualTo("'_lists'!$A$1:$A$5");
            CellRangeAddress range = title.getRegions().getCellRangeAddress(0);
            assertThat(range.formatAsString()).as("rows below the title and header rows").isEqualTo("B3:B1000");
            assertThat(title.getShowErrorBox()).isTrue();
            assertThat(title.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
            assertThat(title.getErrorBoxText()).isEqualTo("请从下拉列表中选择");
            // OOXML showDropDown="1" would HIDE the in-cell arrow (POI's getSuppressDropDownArrow() reports it inverted)
            assertThat(wb.getSheetAt(0).getCTWorksheet().getDataValidations().getDataValidationList())
                    .noneMatch(v -> v.getShowDropDown());
            assertThat(validations).anySatisfy(v ->
                    assertThat(v.getValidationConstraint().getFormula1()).isEqualTo("'_lists'!$B$1:$B$300"));
        }

        // the hidden list sheet does not confuse the reader
        ParsedSheet sheet = new SheetReader(COLUMNS, 10).read(new ByteArrayInputStream(xlsx));
        assertThat(sheet.rows()).singleElement().satisfies(r -> assertThat(r.text("title")).isEqualTo("一级教师"));
    }

    @Test
    void templateHasHeadersHintsSampleRowAndDropDowns() throws IOException {
        List<ColumnSpec> columns = List.of(
                ColumnSpec.required("name", "姓名").withSample("张三"),
                ColumnSpec.optional("gender", "性别").withAllowedValues(List.of("男", "女")).withSample("女"),
                ColumnSpec.optional("birthDate", "出生日期").withSample("1985-03-15").withHint("如 1985-03-15 或 1985.03"));
        byte[] xlsx = write(WorkbookWriter.template("教师导入模板", columns));

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(2).getCellComment().getString().getString()).isEqualTo("如 1985-03-15 或 1985.03");
            assertThat(s.getDataValidations()).singleElement().satisfies(v ->
                    assertThat(v.getRegions().getCellRangeAddress(0).formatAsString()).isEqualTo("B2:B1000"));
        }
        ParsedSheet sheet = new SheetReader(columns, 10).read(new ByteArrayInputStream(xlsx));
        assertThat(sheet.rows()).singleElement().satisfies(r -> {
            assertThat(r.text("name")).isEqualTo("张三");
            assertThat(CellText.date(r.get("birthDate"))).contains(LocalDate.of(1985, 3, 15));
        });
    }

    @Test
    void writesTenThousandRowsQuickly() throws IOException {
        WorkbookWriter w = WorkbookWriter.sheet("导出").header(List.of("序号", "姓名", "出生日期", "手机号码", "备注"));
        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            w.row(List.of(i + 1, "教师" + i, LocalDate.of(1980, 1, 1).plusDays(i), 13800000000L + i, "备注"));
        }
        byte[] xlsx = write(w);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("wrote 10,000 rows in " + millis + " ms, " + xlsx.length / 1024 + " KiB");
        assertThat(millis).isLessThan(5_000);
        assertThat(new SheetReader(COLUMNS, 10_000).read(new ByteArrayInputStream(xlsx)).rows()).hasSize(10_000);
    }

    @Test
    void aSecondSheetHasItsOwnTitleHeaderAndRowsAndBothPrintWithTheirHeader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WorkbookWriter w = WorkbookWriter.sheet("考核结果")) {
            w.header(List.of("名次", "姓名")).row(List.of(1, "张老师")).row(List.of(2, "李老师"));
            w.nextSheet("明细").header(List.of("姓名", "内容", "得分")).row(List.of("张老师", "听课", 0.5));
            w.writeTo(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            XSSFSheet first = wb.getSheetAt(0);
            XSSFSheet second = wb.getSheet("明细");
            assertThat(first.getRow(0).getCell(0).getStringCellValue()).isEqualTo("考核结果");
            assertThat(first.getPhysicalNumberOfRows()).isEqualTo(4);
            assertThat(second.getRow(0).getCell(0).getStringCellValue()).isEqualTo("明细");
            assertThat(second.getRow(1).getCell(2).getStringCellValue()).isEqualTo("得分");
            assertThat(second.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(0.5);
            assertThat(second.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("2:2"));
            assertThat(first.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("2:2"));
        }
    }

    @Test
    void closingAnUnwrittenWriterIsSafeAndIdempotent() {
        WorkbookWriter w = WorkbookWriter.sheet("导出").header(List.of("姓名"));
        for (int i = 0; i < 500; i++) w.row(List.of("教师" + i)); // beyond the SXSSF window: temp file in use
        w.close();
        w.close();
    }

    @Test
    void textThatLooksLikeAFormulaIsWrittenAsQuotePrefixedTextAndNeverAsAFormula() throws IOException {
        List<String> hostile = List.of("=HYPERLINK(\"http://evil.example\",\"点我\")", "+1+1", "-2+3", "@SUM(A1:A2)",
                "\t=1+1", "\r=1+1", "  =1+1", "＝1+1", "=cmd|' /C calc'!A0");
        WorkbookWriter w = WorkbookWriter.sheet("活动").header(List.of("标题", "地点"));
        hostile.forEach(h -> w.row(List.of(h, "三楼会议室")));
        w.row(List.of("单元整体教学研讨", "A-101"));
        byte[] xlsx = write(w);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet s = wb.getSheetAt(0);
            for (int i = 0; i < hostile.size(); i++) {
                var cell = s.getRow(2 + i).getCell(0);
                assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
                assertThat(cell.getStringCellValue()).as("the value as written, no apostrophe added").isEqualTo(hostile.get(i));
                assertThat(cell.getCellStyle().getQuotePrefixed()).as("quote prefix on " + hostile.get(i)).isTrue();
                assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("@");
            }
            var plain = s.getRow(2 + hostile.size()).getCell(0);
            assertThat(plain.getCellStyle().getQuotePrefixed()).isFalse();
            for (var row : s) {
                for (var cell : row) {
                    assertThat(cell.getCellType()).as(cell.getAddress().formatAsString()).isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
                }
            }
        }
        // the reader sees the text as it was written
        ParsedSheet sheet = new SheetReader(List.of(ColumnSpec.required("title", "标题")), 100).read(new ByteArrayInputStream(xlsx));
        assertThat(sheet.rows().get(0).text("title")).isEqualTo(hostile.get(0));
    }

    @Test
    void exportsPrintOnA4OnePageWideWithTitleAndRepeatedHeaderLandscapeWhenWide() throws IOException {
        List<String> wide = List.of("序号", "时间", "项目", "工作内容", "负责人", "参与人", "状态", "完成日期");
        WorkbookWriter w = WorkbookWriter.sheet("工作安排").title("2026学年第一学期 教科室工作安排").header(wide);
        for (int i = 0; i < 120; i++) w.row(List.of(i + 1, "第" + (i % 20 + 1) + "周", "常规", "听课评课", "王海燕", "全体", "未开始", "—"));
        byte[] xlsx = write(w);
        byte[] narrow = write(WorkbookWriter.sheet("名单").header(List.of("姓名", "学科", "职称")).row(List.of("周晓燕", "语文", "一级教师")));

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2026学年第一学期 教科室工作安排");
            assertThat(s.getMergedRegions()).anySatisfy(r -> assertThat(r.formatAsString()).isEqualTo("A1:H1"));
            assertThat(s.getRow(1).getCell(3).getStringCellValue()).isEqualTo("工作内容");
            assertThat(s.getRepeatingRows()).as("header row on every printed page").isEqualTo(CellRangeAddress.valueOf("2:2"));
            var print = s.getPrintSetup();
            assertThat(print.getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            assertThat(print.getLandscape()).isTrue();
            assertThat(s.getFitToPage()).isTrue();
            assertThat(print.getFitWidth()).isEqualTo((short) 1);
            assertThat(print.getFitHeight()).as("as many pages long as needed").isZero();
            assertThat(s.getFooter().getCenter()).contains("&P").contains("&N");
            assertThat(s.isPrintGridlines()).isTrue();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(narrow))) {
            XSSFSheet s = wb.getSheetAt(0);
            assertThat(s.getPrintSetup().getLandscape()).isFalse();
            assertThat(s.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            assertThat(s.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("2:2"));
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("名单");
        }
    }

    private static byte[] write(WorkbookWriter writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(out);
        return out.toByteArray();
    }
}
