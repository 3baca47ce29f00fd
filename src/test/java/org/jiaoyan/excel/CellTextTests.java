package org.jiaoyan.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CellTextTests {

    @Test
    void normaliseConvertsFullWidthAndCollapsesSpaces() {
        assertThat(CellText.normalise("ＡＢＣ１２３（必填）")).isEqualTo("ABC123(必填)");
        assertThat(CellText.normalise("\u3000 语文 \t\u3000 数学\u00A0 ")).isEqualTo("语文 数学");
        assertThat(CellText.normalise("\uFEFF姓\u200B名")).isEqualTo("姓名");
        assertThat(CellText.normalise(null)).isEmpty();
        assertThat(CellText.normalise("   ")).isEmpty();
    }

    @Test
    void personNameRemovesSpacesButKeepsOneBetweenLatinWords() {
        assertThat(CellText.personName("孙  浩")).isEqualTo("孙浩");
        assertThat(CellText.personName("\u3000欧阳 娜 娜 ")).isEqualTo("欧阳娜娜");
        assertThat(CellText.personName("John   Smith")).isEqualTo("John Smith");
        assertThat(CellText.personName("ＪＯＨＮ　ＳＭＩＴＨ")).isEqualTo("JOHN SMITH");
        assertThat(CellText.personName("阿依古丽 · 买买提")).isEqualTo("阿依古丽·买买提");
        assertThat(CellText.personName(null)).isEmpty();
    }

    @Test
    void digitsDropsSpacesAndHyphens() {
        assertThat(CellText.digits("１３８ ０００１ ２３４５")).isEqualTo("13800012345");
        assertThat(CellText.digits("138-0001-2345")).isEqualTo("13800012345");
        assertThat(CellText.digits("０５７１－８８８８ ６６６６")).isEqualTo("057188886666");
        assertThat(CellText.digits(null)).isEmpty();
    }

    @Test
    void splitMultiSplitsOnListSeparatorsKeepingOrderWithoutDuplicates() {
        assertThat(CellText.splitMulti("英语、综合实践")).containsExactly("英语", "综合实践");
        assertThat(CellText.splitMulti("语文，数学；英语／语文 科学,美术;音乐/体育  、")).containsExactly(
                "语文", "数学", "英语", "科学", "美术", "音乐", "体育");
        assertThat(CellText.splitMulti(" 、，; ")).isEmpty();
        assertThat(CellText.splitMulti(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "1985.03, 1985-03-01",
        "1985.3, 1985-03-01",
        "1985-3, 1985-03-01",
        "1985-03-15, 1985-03-15",
        "1985/3/15, 1985-03-15",
        "2000/2/29, 2000-02-29",
        "1985年3月, 1985-03-01",
        "1985年3月15日, 1985-03-15",
        "1985 年 03 月 15 日, 1985-03-15",
        "198503, 1985-03-01",
        "19850315, 1985-03-15",
        "1985.03.15, 1985-03-15",
        "2010.09, 2010-09-01",
        "2015.9, 2015-09-01",
        "2018-08, 2018-08-01",
        "１９９５年７月, 1995-07-01",
        "' 1971.11 ', 1971-11-01",
        "1988-04-13 00:00:00, 1988-04-13",
        "1900.01, 1900-01-01",
        "2100-12-31, 2100-12-31",
    })
    void parsesTextForms(String text, LocalDate expected) {
        assertThat(CellText.date(CellValue.of(text))).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1985.13", "2001/2/29", "0000", "1985.00", "1985-02-30", "19851301", "1985", "85.3",
        "1985.3.15.1", "1985-03/15", "1899.12", "2101.01", "198", "1985年13月", "32245", "不详", "", "1985.3 左右"})
    void rejectsInvalidOrUnknownForms(String text) {
        assertThat(CellText.date(CellValue.of(text))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1985.03", "1985.3", "1985-3", "2018/08", "1985年3月", "1985 年 3 月", "198503", "１９９５年７月",
        " 1971.11 "})
    void aYearAndMonthWithoutDayIsMonthOnly(String text) {
        assertThat(CellText.monthOnly(CellValue.of(text))).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1985-03-01", "1985.3.1", "1985/3/15", "1985年3月1日", "1985年3月1号", "19850301",
        "1988-04-13 00:00:00", "1985.13", "1985", "不详", ""})
    void aDayOrNoDateIsNotMonthOnly(String text) {
        assertThat(CellText.monthOnly(CellValue.of(text))).as(text).isFalse();
    }

    @Test
    void aDateCellIsMonthOnlyWhenItsFormatShowsNoDay() {
        assertThat(CellText.monthOnly(new CellValue("1985年3月", LocalDate.of(1985, 3, 1), 31107.0))).isTrue();
        assertThat(CellText.monthOnly(new CellValue("1985-03", LocalDate.of(1985, 3, 1), 31107.0))).isTrue();
        assertThat(CellText.monthOnly(new CellValue("1985/3/1", LocalDate.of(1985, 3, 1), 31107.0))).isFalse();
        assertThat(CellText.monthOnly(new CellValue("3/1/85", LocalDate.of(1985, 3, 1), 31107.0))).isFalse();
        // an Excel serial typed as a plain number is a day, whatever it shows
        assertThat(CellText.monthOnly(new CellValue("31107", null, 31107.0))).isFalse();
        assertThat(CellText.monthOnly(new CellValue("198503", null, 198503.0))).isTrue();
    }

    @Test
    void aDateCellWinsOverItsText() {
        CellValue cell = new CellValue("4/12/88", LocalDate.of(1988, 4, 12), 32245.0);
        assertThat(CellText.date(cell)).contains(LocalDate.of(1988, 4, 12));
        assertThat(CellText.date(new CellValue("1899-12-31", LocalDate.of(1899, 12, 31), 0.0))).isEmpty();
    }

    @Test
    void anIntegralNumberBetween10000And80000IsAnExcelSerial() {
        assertThat(CellText.date(new CellValue("32245", null, 32245.0))).contains(LocalDate.of(1988, 4, 12));
        assertThat(CellText.date(new CellValue("10000", null, 10000.0))).contains(LocalDate.of(1927, 5, 18));
        assertThat(CellText.date(new CellValue("80001", null, 80001.0))).isEmpty();
    }

    @Test
    void otherNumbersAreReadAsTheTextTheUserSees() {
        assertThat(CellText.date(new CellValue("1971.11", null, 1971.11))).contains(LocalDate.of(1971, 11, 1));
        assertThat(CellText.date(new CellValue("2015.9", null, 2015.9))).contains(LocalDate.of(2015, 9, 1));
        assertThat(CellText.date(new CellValue("198503", null, 198503.0))).contains(LocalDate.of(1985, 3, 1));
        assertThat(CellText.date(new CellValue("19850315", null, 19850315.0))).contains(LocalDate.of(1985, 3, 15));
        assertThat(CellText.date(new CellValue("1985", null, 1985.0))).isEmpty();
        assertThat(CellText.date(new CellValue("1985.13", null, 1985.13))).isEmpty();
        assertThat(CellText.date(new CellValue("32245.5", null, 32245.5))).isEmpty();
    }

    @Test
    void importErrorDisplaysRowColumnAndMessage() {
        assertThat(new ImportError(5, "出生日期", "日期无法识别：1985.13").display())
                .isEqualTo("第 5 行 · 出生日期 · 日期无法识别：1985.13");
        assertThat(new ImportError(0, "", "未找到表头").display()).isEqualTo("未找到表头");
    }

    @Test
    void columnSpecMatchesNormalisedHeaders() {
        ColumnSpec mobile = ColumnSpec.required("mobile", "手机号码", "手机", "联系电话", "Mobile");
        assertThat(mobile.matches("手机号码")).isTrue();
        assertThat(mobile.matches(" *手 机（必填）")).isTrue();
        assertThat(mobile.matches("联系电话(必填)")).isTrue();
        assertThat(mobile.matches("ＭＯＢＩＬＥ")).isTrue();
        assertThat(mobile.matches("电话")).isFalse();
        assertThat(mobile.matches("")).isFalse();
    }
}
