package org.jiaoyan.word;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/** Section HTML becomes official-style Word: numbered paragraphs, headings in their fonts, tables with spans. */
class HtmlDocxTests {

    private static XWPFDocument convert(String html) throws IOException {
        OfficialDocument doc = new OfficialDocument();
        new HtmlDocx(doc).write(html);
        return new XWPFDocument(new ByteArrayInputStream(doc.bytes()));
    }

    private static List<String> texts(XWPFDocument doc) {
        return doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> !t.isEmpty()).toList();
    }

    @Test
    void orderedListsBecomeParagraphsThatKeepTheirNumbersByLevel() throws IOException {
        XWPFDocument doc = convert("<ol><li>完善制度</li><li>规范管理<ol><li>每月检查</li><li>及时通报</li></ol></li>"
                + "<li>1．已有编号的不再编号</li></ol><ul><li>无序条目</li></ul>");
        assertThat(texts(doc)).containsExactly("1．完善制度", "2．规范管理", "（1）每月检查", "（2）及时通报",
                "1．已有编号的不再编号", "无序条目");
        XWPFParagraph first = doc.getParagraphs().get(0);
        assertThat(first.getCTP().getPPr().getInd().getFirstLineChars()).isEqualTo(BigInteger.valueOf(200));
        assertThat(first.getCTP().getPPr().getSpacing().getLineRule()).isEqualTo(STLineSpacingRule.EXACT);
        assertThat(first.getCTP().getPPr().getSpacing().getLine()).isEqualTo(BigInteger.valueOf(OfficialDocument.LINE));
    }

    @Test
    void headingsTakeTheOfficialFontsAndBodyTextIsFangsong() throws IOException {
        XWPFDocument doc = convert("<h2>一、指导思想</h2><h3>（一）加强理论学习</h3><h4>1．读书</h4>"
                + "<p>　　每月组织一次<strong>理论学习</strong>，<em>做好</em><u>笔记</u>。</p>");
        List<XWPFParagraph> ps = doc.getParagraphs();
        assertThat(font(ps.get(0).getRuns().get(0))).isEqualTo("黑体");
        assertThat(font(ps.get(1).getRuns().get(0))).isEqualTo("楷体_GB2312");
        assertThat(ps.get(2).getRuns().get(0).isBold()).isTrue();
        XWPFParagraph body = ps.get(3);
        assertThat(body.getText()).isEqualTo("每月组织一次理论学习，做好笔记。"); // typed full-width indent dropped
        assertThat(font(body.getRuns().get(0))).isEqualTo("仿宋_GB2312");
        assertThat(body.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);
        assertThat(body.getRuns().get(1).isBold()).isTrue();
        assertThat(body.getRuns().get(3).isItalic()).isTrue();
        assertThat(body.getRuns().get(4).getUnderline()).isNotEqualTo(org.apache.poi.xwpf.usermodel.UnderlinePatterns.NONE);
    }

    @Test
    void aLineBreakInBodyTextStartsANewIndentedParagraph() throws IOException {
        XWPFDocument doc = convert("<p>第一行<br>第二行</p><div>第三行</div>直接的文字");
        assertThat(texts(doc)).containsExactly("第一行", "第二行", "第三行", "直接的文字");
        assertThat(doc.getParagraphs().get(1).getCTP().getPPr().getInd().getFirstLineChars()).isEqualTo(BigInteger.valueOf(200));
    }

    @Test
    void tablesKeepTheirHeaderRowAndSpans() throws IOException {
        XWPFDocument doc = convert("<p>前文</p><table><thead><tr><th>项目</th><th>内容</th><th>负责人</th></tr></thead><tbody>"
                + "<tr><td rowspan=\"2\">课题</td><td>开题</td><td>王丽</td></tr>"
                + "<tr><td>中期检查</td><td>李明</td></tr>"
                + "<tr><td colspan=\"2\">合计</td><td>2项</td></tr></tbody></table><p>后文</p>");
        assertThat(doc.getTables()).hasSize(1);
        XWPFTable t = doc.getTables().get(0);
        assertThat(t.getNumberOfRows()).isEqualTo(4);
        assertThat(t.getRow(0).isRepeatHeader()).isTrue();
        assertThat(t.getRow(0).getCell(0).getText()).isEqualTo("项目");
        assertThat(font(t.getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0))).isEqualTo("黑体");
        assertThat(t.getRow(1).isRepeatHeader()).isFalse();
        assertThat(vMerge(t.getRow(1).getCell(0))).isEqualTo(STMerge.RESTART);
        assertThat(t.getRow(1).getCell(0).getText()).isEqualTo("课题");
        assertThat(vMerge(t.getRow(2).getCell(0))).isEqualTo(STMerge.CONTINUE);
        assertThat(t.getRow(2).getCell(1).getText()).isEqualTo("中期检查");
        assertThat(t.getRow(3).getTableCells()).hasSize(2);
        assertThat(tcPr(t.getRow(3).getCell(0)).getGridSpan().getVal()).isEqualTo(BigInteger.TWO);
        assertThat(t.getCTTbl().getTblGrid().sizeOfGridColArray()).isEqualTo(3);
        assertThat(texts(doc)).containsExactly("前文", "后文");
    }

    @Test
    void pageIsA4WithOfficialMarginsAndAPageNumberField() throws IOException {
        XWPFDocument doc = convert("<p>正文</p>");
        var sect = doc.getDocument().getBody().getSectPr();
        assertThat(sect.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
        assertThat(sect.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
        assertThat(sect.getPgMar().getTop()).isEqualTo(BigInteger.valueOf(2098));   // 37 mm
        assertThat(sect.getPgMar().getLeft()).isEqualTo(BigInteger.valueOf(1587));  // 28 mm
        String footer = doc.getFooterList().get(0)._getHdrFtr().xmlText();
        assertThat(footer).contains("PAGE").contains("fldChar").contains("— ").contains(" —");
        assertThat(doc.getFooterList().get(0).getText()).contains("— 1 —");
        assertThat(doc.getPackage().getPartsByName(java.util.regex.Pattern.compile("/word/fontTable.xml"))).hasSize(1);
    }

    @Test
    void blankAndNullHtmlAddNothing() throws IOException {
        assertThat(texts(convert(null))).isEmpty();
        assertThat(texts(convert("  "))).isEmpty();
    }

    private static String font(XWPFRun r) {
        return r.getCTR().getRPr().getRFontsArray(0).getEastAsia();
    }

    private static CTTcPr tcPr(XWPFTableCell cell) {
        return cell.getCTTc().getTcPr();
    }

    private static STMerge.Enum vMerge(XWPFTableCell cell) {
        var m = tcPr(cell).getVMerge();
        return m == null ? null : m.isSetVal() ? m.getVal() : STMerge.CONTINUE;
    }
}
