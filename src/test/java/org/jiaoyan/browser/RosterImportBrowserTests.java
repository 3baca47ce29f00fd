package org.jiaoyan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiaoyan.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * 花名册导入 as a 教科室主任 does it: a file with a bad date is rejected as a whole with the row and column named;
 * the corrected file is previewed, confirmed, and the teachers are then found in the list.
 */
class RosterImportBrowserTests extends BrowserTestSupport {

    private static final List<String> HEADERS = List.of("姓名", "性别", "出生日期", "参加工作时间", "职称", "学科", "手机号码");

    @TempDir
    Path dir;

    @Test
    void badRowIsReportedWithRowAndColumnThenFixedFileIsImported() throws IOException {
        List<Teacher> teachers = List.of(
                new Teacher(PersonBrowserTests.uniqueName("周"), "女", LocalDate.of(1988, 5, 12), LocalDate.of(2010, 8, 30), "一级教师", "语文", PersonBrowserTests.uniqueMobile()),
                new Teacher(PersonBrowserTests.uniqueName("吴"), "男", LocalDate.of(1985, 11, 3), LocalDate.of(2007, 9, 1), "高级教师", "数学", PersonBrowserTests.uniqueMobile()),
                new Teacher(PersonBrowserTests.uniqueName("郑"), "女", LocalDate.of(1996, 1, 20), LocalDate.of(2019, 8, 25), "二级教师", "英语", PersonBrowserTests.uniqueMobile()));
        // Excel row 3 = the second teacher (row 1 is the header)
        Path bad = roster("roster-bad.xlsx", teachers, 1);
        Path good = roster("roster-good.xlsx", teachers, -1);

        login("jks", TestUsers.DEMO_PASSWORD);
        upload(bad);

        String preview = bodyText();
        assertThat(preview).contains("第 3 行", "出生日期", "未导入任何数据");
        assertThat(all("#confirm-import")).isEmpty();
        screenshot("roster-import-errors");

        upload(good);

        preview = bodyText();
        assertThat(preview).contains(teachers.get(0).name(), teachers.get(1).name(), teachers.get(2).name());
        assertThat(find("#confirm-import").getText()).contains("确认导入");
        screenshot("roster-import-preview");

        click("#confirm-import");

        wait.until(ExpectedConditions.urlContains("/people"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")));
        assertThat(find(".alert-success").getText()).contains("已导入");
        for (Teacher t : teachers) {
            open("/people?q=" + t.name());
            assertThat(find("#people-table tbody").getText()).contains(t.name(), "示范县实验小学");
        }
    }

    private void upload(Path file) {
        open("/people/import");
        if (all("select[name=schoolId]").isEmpty()) {
            throw new AssertionError("/people/import shows no upload form (select schoolId, file, 上传并预览); the page says: "
                    + bodyText().replace('\n', ' '));
        }
        Select school = new Select(find("select[name=schoolId]"));
        school.getOptions().stream().filter(o -> o.getText().contains("实验小学")).findFirst()
                .ifPresent(o -> school.selectByValue(o.getDomProperty("value")));
        find("input[type=file][name=file]").sendKeys(file.toAbsolutePath().toString());
        var submit = driver.findElements(By.cssSelector("button, input[type=submit]")).stream()
                .filter(b -> b.getText().contains("上传并预览") || "上传并预览".equals(b.getDomProperty("value")))
                .findFirst().orElseThrow(() -> new AssertionError("no 上传并预览 button on /people/import"));
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", submit);
        submit.click();
        wait.until(d -> !d.findElements(By.cssSelector("#confirm-import")).isEmpty() || bodyText().contains("未导入任何数据"));
    }

    /** Writes a roster; the row at badIndex (or none) gets the birth date "1985.13" as text. */
    private Path roster(String fileName, List<Teacher> teachers, int badIndex) throws IOException {
        Path file = dir.resolve(fileName);
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = book.createSheet("教师");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
            }
            for (int i = 0; i < teachers.size(); i++) {
                Teacher t = teachers.get(i);
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(t.name());
                row.createCell(1).setCellValue(t.gender());
                if (i == badIndex) {
                    row.createCell(2).setCellValue("1985.13");
                } else {
                    row.createCell(2).setCellValue(t.birth());
                    row.getCell(2).setCellStyle(date);
                }
                row.createCell(3).setCellValue(t.start());
                row.getCell(3).setCellStyle(date);
                row.createCell(4).setCellValue(t.title());
                row.createCell(5).setCellValue(t.subject());
                row.createCell(6).setCellValue(t.mobile());
            }
            book.write(out);
        }
        return file;
    }

    private record Teacher(String name, String gender, LocalDate birth, LocalDate start, String title, String subject,
                           String mobile) {
    }
}
