package org.jiaoyan.word;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

/** The 版头 (红头, 文号, red rule) and the 落款 (organ over the date in Chinese, right-aligned) of an official document. */
class OfficialDocumentTests {

    private static XWPFDocument reopen(OfficialDocument doc) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(doc.bytes()));
    }

    @Test
    void theRedHeaderIsTheOrganInRedTitleFontCentredThenTheDocNumberAndARedRule() throws IOException {
        OfficialDocument doc = new OfficialDocument();
        doc.redHeader("城关实验小学教科室");
        doc.docNumber("教科〔2026〕5号");
        doc.redRule();
        doc.title("关于十月教学常规检查情况的通报");
        List<XWPFParagraph> ps = reopen(doc).getParagraphs();
        XWPFParagraph header = ps.get(0);
        assertThat(header.getText()).isEqualTo("城关实验小学教科室");
        assertThat(header.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
        XWPFRun run = header.getRuns().get(0);
        assertThat(run.getColor()).isEqualTo("FF0000");
        assertThat(run.getFontFamily()).isEqualTo(OfficialDocument.TITLE_FONT);
        assertThat(run.getFontSizeAsDouble()).isEqualTo(36.0);
        XWPFParagraph number = ps.stream().filter(p -> p.getText().equals("教科〔2026〕5号")).findFirst().orElseThrow();
        assertThat(number.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
        XWPFParagraph rule = ps.get(ps.indexOf(number) + 1);
        var bottom = rule.getCTP().getPPr().getPBdr().getBottom();
        assertThat(java.util.HexFormat.of().formatHex((byte[]) bottom.getColor())).isEqualToIgnoringCase("FF0000");
        assertThat(((BigInteger) bottom.getSz()).intValue()).isGreaterThanOrEqualTo(12);
        assertThat(ps.get(ps.indexOf(rule) + 1).getText()).isEqualTo("关于十月教学常规检查情况的通报");
    }

    @Test
    void aLongOrganNameIsSetSmallerSoThatItKeepsToOneLine() {
        assertThat(OfficialDocument.headerSize("实小教科室")).isEqualTo(36.0);
        String longName = "示范县城关镇第一实验小学教育集团教学研究与教师发展中心";
        double size = OfficialDocument.headerSize(longName);
        assertThat(size).isLessThan(36.0);
        assertThat(size * 20 * longName.length()).isLessThanOrEqualTo(OfficialDocument.TEXT_WIDTH);
    }

    @Test
    void theSignatureIsTheOrganOverTheChineseDateBothRightAligned() throws IOException {
        OfficialDocument doc = new OfficialDocument();
        doc.paragraph(OfficialDocument.Block.BODY, "现将检查情况通报如下。");
        doc.signature("城关实验小学教科室", LocalDate.of(2026, 10, 8));
        List<XWPFParagraph> ps = reopen(doc).getParagraphs();
        XWPFParagraph date = ps.get(ps.size() - 1);
        XWPFParagraph organ = ps.get(ps.size() - 2);
        assertThat(date.getText()).isEqualTo("2026年10月8日");
        assertThat(organ.getText()).isEqualTo("城关实验小学教科室");
        assertThat(date.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
        assertThat(organ.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
        // the date four characters (三号, 16 pt = 320 twips each) in from the right margin; no first-line indent
        assertThat(((BigInteger) date.getCTP().getPPr().getInd().getRight()).intValue()).isEqualTo(4 * 320);
        assertThat(((BigInteger) date.getCTP().getPPr().getInd().getFirstLine()).intValue()).isZero();
        // the organ centred over the date: 9 characters over 2026年10月8日 (4 + 5 × ½ = 6.5 characters wide)
        assertThat(((BigInteger) organ.getCTP().getPPr().getInd().getRight()).intValue()).isEqualTo((int) Math.round(2.75 * 320));
        assertThat(ps.get(ps.size() - 3).getText()).isEmpty();
    }
}
