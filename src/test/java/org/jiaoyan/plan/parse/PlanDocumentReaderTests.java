package org.jiaoyan.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading uploaded plan files into text. */
class PlanDocumentReaderTests {

    private static final String PLAN = "九月份：\n1．制定教科室工作计划（负责人：王丽）";

    private static String read(String name, byte[] bytes) throws IOException {
        return PlanDocumentReader.read(name, new ByteArrayInputStream(bytes));
    }

    @Test
    void utf8TextIsReadAndItsByteOrderMarkDropped() throws IOException {
        assertThat(read("计划.txt", PLAN.getBytes(StandardCharsets.UTF_8))).isEqualTo(PLAN);
        assertThat(read("计划.TXT", ("\uFEFF" + PLAN).getBytes(StandardCharsets.UTF_8))).isEqualTo(PLAN);
    }

    @Test
    void textThatIsNotUtf8IsReadAsGb18030() throws IOException {
        assertThat(read("plan.txt", PLAN.getBytes(Charset.forName("GB18030")))).isEqualTo(PLAN);
        assertThat(read("plan.txt", PLAN.getBytes(Charset.forName("GBK")))).isEqualTo(PLAN);
    }

    @Test
    void wordTableRowsBecomeTabSeparatedLinesInBodyOrder() throws IOException {
        String text = read("plan.docx", PlanDocxFixture.bytes());
        assertThat(text.lines().toList()).containsSubsequence(
                "二、具体工作安排",
                "项目\t工作内容\t月份\t负责人",
                "教材培训与教学研讨\t新教材培训\t9—12\t教研室",
                "\t单元整体教学研讨\t10、12\t各教研组长",
                "质量监控\t期中教学质量检测\t11月\t王丽、李明",
                "队伍建设\t1．青年教师过关课 2．骨干教师示范课\t10—11\t张华、李明",
                "\t青蓝工程师徒结对\t10—11\t教科室", // the 月份 cell merged down carries its text
                "- 2 -",
                "三、保障措施");
    }

    @Test
    void otherFileKindsAreRefusedInChinese() {
        assertThatIllegalArgumentException().isThrownBy(() -> read("plan.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}))
                .withMessage("只支持 .docx、.doc、.wps、.xlsx、.xls、.pdf 和 .txt 文件");
        assertThatIllegalArgumentException().isThrownBy(() -> read("plan.rtf", "{\\rtf1\\ansi 计划}".getBytes(StandardCharsets.UTF_8)))
                .withMessageContaining("另存为 .docx");
        assertThatIOException().isThrownBy(() -> read("plan.doc", new byte[0])).withMessage("文件不是有效的 Word 97–2003（.doc）文件");
    }

    @Test
    void aBrokenWordFileIsAnIoErrorWithAChineseMessage() {
        assertThatIOException().isThrownBy(() -> read("plan.docx", "不是 Word 文件".getBytes(StandardCharsets.UTF_8)))
                .withMessage("文件不是有效的 Word（.docx）文件");
    }
}
