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

    /**
     * Word draws the numbers of an automatic list (一、 1． ① …) without putting them in the text: they are counted back,
     * per list and level, in the body and in table cells, so that headings and numbered items stay numbered.
     */
    @Test
    void automaticListNumbersOfWordAreRead() throws IOException {
        byte[] bytes;
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(); var out = new java.io.ByteArrayOutputStream()) {
            var numbering = document.createNumbering();
            java.math.BigInteger headings = list(numbering, 0, org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.CHINESE_COUNTING, "%1、");
            java.math.BigInteger items = list(numbering, 1, org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.DECIMAL, "%1．");
            java.math.BigInteger circled = list(numbering, 2, org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.DECIMAL_ENCLOSED_CIRCLE, "%1");
            document.createParagraph().createRun().setText("城南小学2026年秋学期教科室工作计划");
            numbered(document.createParagraph(), headings, "指导思想");
            document.createParagraph().createRun().setText("以课堂为主阵地。");
            numbered(document.createParagraph(), headings, "具体工作安排");
            document.createParagraph().createRun().setText("九月份：");
            numbered(document.createParagraph(), items, "制定教科室工作计划（负责人：王丽）");
            numbered(document.createParagraph(), items, "青蓝工程师徒结对（负责人：李明）");
            var table = document.createTable(1, 2);
            table.getRow(0).getCell(0).setText("十月");
            var cell = table.getRow(0).getCell(1);
            numbered(cell.getParagraphs().get(0), circled, "青年教师过关课");
            numbered(cell.addParagraph(), circled, "骨干教师示范课");
            document.write(out);
            bytes = out.toByteArray();
        }
        String text = read("plan.docx", bytes);
        assertThat(text.lines().toList()).containsSubsequence("一、指导思想", "二、具体工作安排", "1．制定教科室工作计划（负责人：王丽）",
                "2．青蓝工程师徒结对（负责人：李明）", "十月\t① 青年教师过关课 ② 骨干教师示范课");
        assertThat(new PlanTextParser().parse(text).items()).extracting(ParsedItem::content, ParsedItem::owner)
                .startsWith(org.assertj.core.api.Assertions.tuple("制定教科室工作计划", "王丽"),
                        org.assertj.core.api.Assertions.tuple("青蓝工程师徒结对", "李明"));
    }

    private static java.math.BigInteger list(org.apache.poi.xwpf.usermodel.XWPFNumbering numbering, int id,
                                             org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.Enum format, String text) {
        var abstractNum = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(java.math.BigInteger.valueOf(id));
        var level = abstractNum.addNewLvl();
        level.setIlvl(java.math.BigInteger.ZERO);
        level.addNewStart().setVal(java.math.BigInteger.ONE);
        level.addNewNumFmt().setVal(format);
        level.addNewLvlText().setVal(text);
        java.math.BigInteger abstractId = numbering.addAbstractNum(new org.apache.poi.xwpf.usermodel.XWPFAbstractNum(abstractNum));
        return numbering.addNum(abstractId);
    }

    private static void numbered(org.apache.poi.xwpf.usermodel.XWPFParagraph paragraph, java.math.BigInteger numId, String text) {
        paragraph.setNumID(numId);
        paragraph.setNumILvl(java.math.BigInteger.ZERO);
        paragraph.createRun().setText(text);
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
