package org.jiaoyan.plan.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Builds the Word fixture {@code docx-four-column-table}: a plan whose schedule is a 项目/工作内容/月份/负责人 table with the
 * header row repeated inside the table (as after a page break), a merged 项目 cell left empty, a vertically merged 月份
 * cell, owners as two paragraphs of one cell, and a content cell of two numbered paragraphs.
 */
final class PlanDocxFixture {

    static final String NAME = "docx-four-column-table";

    private static final List<String> HEADER = List.of("项目", "工作内容", "月份", "负责人");

    private PlanDocxFixture() {
    }

    static byte[] bytes() {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(document, "青山县实验小学2026—2027学年第一学期教研工作计划");
            paragraph(document, "一、指导思想");
            paragraph(document, "以课程标准为依据，立足课堂，提高教研实效。");
            paragraph(document, "二、具体工作安排");
            XWPFTable table = document.createTable(8, 4);
            row(table, 0, HEADER);
            row(table, 1, List.of("教材培训与教学研讨", "新教材培训", "9—12", "教研室"));
            row(table, 2, List.of("", "单元整体教学研讨", "10、12", "各教研组长"));
            row(table, 3, List.of("质量监控", "期中教学质量检测", "11月", "王丽"));
            table.getRow(3).getCell(3).addParagraph().createRun().setText("李明");
            row(table, 4, HEADER);
            row(table, 5, List.of("队伍建设", "1．青年教师过关课", "10—11", "张华"));
            table.getRow(5).getCell(1).addParagraph().createRun().setText("2．骨干教师示范课");
            table.getRow(5).getCell(3).addParagraph().createRun().setText("李明");
            vMerge(table.getRow(5).getCell(2), STMerge.RESTART);
            row(table, 6, List.of("", "青蓝工程师徒结对", "", "教科室"));
            vMerge(table.getRow(6).getCell(2), STMerge.CONTINUE);
            row(table, 7, List.of("学生活动", "学生数学周活动", "12月", "数学教研组"));
            paragraph(document, "- 2 -");
            paragraph(document, "三、保障措施");
            paragraph(document, "教研组长每月检查一次教研记录。");
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFDocument document, String text) {
        document.createParagraph().createRun().setText(text);
    }

    private static void row(XWPFTable table, int index, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (!cells.get(c).isEmpty()) {
                table.getRow(index).getCell(c).getParagraphs().get(0).createRun().setText(cells.get(c));
            }
        }
    }

    private static void vMerge(XWPFTableCell cell, STMerge.Enum value) {
        var properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        properties.addNewVMerge().setVal(value);
    }
}
