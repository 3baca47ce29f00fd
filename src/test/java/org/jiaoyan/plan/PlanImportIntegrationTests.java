package org.jiaoyan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.PageQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Import through the pages: preview saves nothing, a bad row holds the whole import back, confirm makes a draft. */
@JiaoyanIntegrationTest
class PlanImportIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Plans plans;
    @Autowired PlanItems items;
    @Autowired Terms terms;
    @Autowired OrgUnits units;

    private SchoolTerm term() {
        return new PlanFixtures(users, plans, items, terms, units).term();
    }

    private long office() {
        return new PlanFixtures(users, plans, items, terms, units).office();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PlanImportIntegrationTests.class.getResourceAsStream("/plan-fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private long plansTitled(String title) {
        return Access.as(TestUsers.load(users, "jks"), () -> plans.list(new PlanFilter(null, null, null, title),
                new PageQuery(1, 20, null, false)).total());
    }

    private MockHttpServletRequestBuilder confirm(String title) {
        return post("/plans/import/confirm").with(TestUsers.as(users, "jks")).with(csrf())
                .param("unitId", String.valueOf(office())).param("termId", String.valueOf(term().id())).param("title", title)
                .param("sections[0].include", "true").param("sections[0].title", "一、指导思想").param("sections[0].text", "立足课堂。")
                .param("rows[0].include", "true").param("rows[0].time", "9月").param("rows[0].content", "制定学校教科室工作计划")
                .param("rows[0].owner", "教科室").param("rows[0].line", "20")
                .param("rows[1].include", "false").param("rows[1].time", "").param("rows[1].content", "国庆放假")
                .param("rows[1].line", "21");
    }

    @Test
    void previewOfAFlattenedTableShowsItemsAndSectionsAndSavesNothing() throws Exception {
        mvc.perform(multipart("/plans/import").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("unitId", String.valueOf(office())).param("termId", String.valueOf(term().id()))
                        .param("text", resource("plan-flattened-table.txt")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("共识别 12 个事项、3 个章节")))
                .andExpect(content().string(containsString("青蓝工程师徒结对")))
                .andExpect(content().string(containsString("一、指导思想")))
                .andExpect(content().string(not(containsString("需要修改"))));
        assertThat(plansTitled("青山县实验小学")).isZero();
    }

    @Test
    void aRowOutsideTheTermIsMarkedInThePreviewAndBlocksTheConfirmation() throws Exception {
        String text = "行事历\n周次 时间 工作内容 负责人\n第1周 开学常规检查 教导处\n第30周 期末考试 全体\n";
        mvc.perform(multipart("/plans/import").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("unitId", String.valueOf(office())).param("termId", String.valueOf(term().id())).param("text", text))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 行需要修改")))
                .andExpect(content().string(containsString("时间不在" + term().label() + "内")));
        mvc.perform(confirm("坏行计划").param("rows[0].time", "第30周"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 行需要修改")))
                .andExpect(content().string(containsString("第30周")));
        assertThat(plansTitled("坏行计划")).isZero();
    }

    @Test
    void confirmationCreatesADraftWithTheIncludedRowsAndSections() throws Exception {
        mvc.perform(confirm("导入确认计划")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/plans/*/schedule"));
        CurrentUser jks = TestUsers.load(users, "jks");
        long id = Access.as(jks, () -> plans.list(new PlanFilter(null, null, null, "导入确认计划"), new PageQuery(1, 5, null, false))
                .items().get(0).id());
        Plan p = Access.as(jks, () -> plans.get(id));
        assertThat(p.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(Access.as(jks, () -> items.items(id))).extracting(PlanItem::content).containsExactly("制定学校教科室工作计划");
        assertThat(Access.as(jks, () -> plans.sections(id))).extracting(PlanSection::bodyHtml).containsExactly("<p>立足课堂。</p>");
        assertThat(Access.as(jks, () -> plans.history(id))).extracting(HistoryEntry::action).contains("IMPORT");
    }

    @Test
    void aTeacherOrAnotherSchoolCannotImportIntoTheOfficesPlans() throws Exception {
        // the office is not even visible to them: 404, and nothing is created
        mvc.perform(confirm("越权导入").with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound());
        mvc.perform(confirm("越权导入").with(TestUsers.as(users, "teacher"))).andExpect(status().isNotFound());
        assertThat(plansTitled("越权导入")).isZero();
    }

    @Test
    void wordFileIsReadAndOtherFilesAreRefusedInChinese() throws Exception {
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("某校2026年秋学期教研工作行事历");
            XWPFTable table = doc.createTable(3, 3);
            String[][] cells = {{"月份", "工作内容", "负责人"}, {"9月", "教研组长会议", "教科室"}, {"10月", "青年教师汇报课", "教导处"}};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    table.getRow(r).getCell(c).setText(cells[r][c]);
                }
            }
            doc.write(docx);
        }
        mvc.perform(multipart("/plans/import").file(new MockMultipartFile("file", "计划.docx",
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.toByteArray()))
                        .with(TestUsers.as(users, "jks")).with(csrf()).param("unitId", String.valueOf(office()))
                        .param("termId", String.valueOf(term().id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("教研组长会议")))
                .andExpect(content().string(containsString("青年教师汇报课")));
        mvc.perform(multipart("/plans/import").file(new MockMultipartFile("file", "计划.pdf", "application/pdf", new byte[] {1, 2}))
                        .with(TestUsers.as(users, "jks")).with(csrf()).param("unitId", String.valueOf(office())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("文件不是有效的 PDF 文件")));
        mvc.perform(multipart("/plans/import").with(TestUsers.as(users, "jks")).with(csrf()).param("text", "  "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请粘贴计划文本或选择文件")));
    }

    @Test
    void apiPreviewReturnsMonthsAsIntegersAndTheProblemsOfTheTerm() throws Exception {
        mvc.perform(post("/api/v1/plans/import/preview").with(httpBasic("jks", TestUsers.DEMO_PASSWORD))
                        .param("termId", String.valueOf(term().id()))
                        .contentType("text/plain;charset=UTF-8").content("工作安排\n三月份：植树节活动（负责人：大队部）\n九月份：开学典礼（负责人：教导处）\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.items[0].months[0]").value(3))
                .andExpect(jsonPath("$.plan.items[1].content").value("开学典礼"))
                .andExpect(jsonPath("$.problems[0].item").value(1))
                .andExpect(jsonPath("$.problems[0].message").value(containsString("时间不在")));
    }

    private static byte[] corpus(String name) throws IOException {
        try (InputStream in = PlanImportIntegrationTests.class.getResourceAsStream("/plan-fixtures/corpus/" + name)) {
            return in.readAllBytes();
        }
    }

    private org.springframework.test.web.servlet.ResultActions upload(String fileName, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/plans/import").file(new MockMultipartFile("file", fileName, "application/octet-stream", bytes))
                .with(TestUsers.as(users, "jks")).with(csrf()).param("unitId", String.valueOf(office()))
                .param("termId", String.valueOf(term().id())));
    }

    /** The first labelled content of a corpus plan. */
    private static String firstContent(String name) throws IOException {
        return new String(corpus(name + ".expected.tsv"), StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow()
                .split("\t")[0];
    }

    @Test
    void everyFileFormatIsReadIntoThePreviewAndNothingIsSaved() throws Exception {
        long before = plansTitled("2026");
        for (String file : java.util.List.of("docx-merged-01.docx", "doc-merged-01.doc", "pdf-table-01.pdf",
                "xlsx-merged-01.xlsx", "xls-merged-01.xls", "web-glued-01.txt", "pipe-weeks-01.txt")) {
            String name = file.substring(0, file.lastIndexOf('.'));
            upload("计划" + file.substring(file.lastIndexOf('.')), corpus(file))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("导入预览")))
                    .andExpect(content().string(containsString(firstContent(name))));
        }
        // A .wps that WPS wrote in the Word 97 structure reads like a .doc; a .doc that is really a .docx reads too.
        upload("计划.wps", corpus("doc-merged-02.doc")).andExpect(status().isOk())
                .andExpect(content().string(containsString(firstContent("doc-merged-02"))));
        upload("计划.doc", corpus("docx-merged-02.docx")).andExpect(status().isOk())
                .andExpect(content().string(containsString(firstContent("docx-merged-02"))));
        assertThat(plansTitled("2026")).isEqualTo(before);
    }

    @Test
    void badFilesGetAChineseMessageAndNothingIsSaved() throws Exception {
        long before = plansTitled("2026");
        ByteArrayOutputStream scan = new ByteArrayOutputStream();
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument()) {
            pdf.addPage(new org.apache.pdfbox.pdmodel.PDPage()); // a page with no text layer, like a scan
            pdf.save(scan);
        }
        upload("扫描件.pdf", scan.toByteArray()).andExpect(status().isOk())
                .andExpect(content().string(containsString("扫描件")))
                .andExpect(content().string(not(containsString("导入预览</h1>"))));
        upload("计划.wps", "WPS 自有格式".getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk())
                .andExpect(content().string(containsString("另存为")));
        upload("计划.doc", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0})
                .andExpect(status().isOk()).andExpect(content().string(containsString("无法读取文件")));
        upload("计划.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk())
                .andExpect(content().string(containsString("无法读取文件")));
        assertThat(plansTitled("2026")).isEqualTo(before);
    }

    @Test
    void ownersGluedToOtherCellsAreCutAtTheInstitutionsOwnNamesAndMarkedForChecking() throws Exception {
        java.util.List<String> names = Access.as(TestUsers.load(users, "jks"), () -> items.ownerNames(office()));
        java.util.List<String> people = names.stream().filter(n -> n.length() == 3 && n.chars().allMatch(Character::isIdeographic))
                .limit(2).toList();
        assertThat(people).hasSize(2);
        String text = "工作安排\n月份工作内容负责人\n9\n制定校本课程实施方案\n" + people.get(0) + "\n10\n青年教师汇报课\n"
                + people.get(0) + people.get(1) + "\n11—12\n课题中期检查\n教科室\n";
        mvc.perform(multipart("/plans/import").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("unitId", String.valueOf(office())).param("termId", String.valueOf(term().id())).param("text", text))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + people.get(0) + "、" + people.get(1) + "\"")))
                .andExpect(content().string(containsString("青年教师汇报课")));
        String glued = "工作安排\n项目工作内容月份负责人课程建设\n制定校本课程实施方案\n9王海燕\n开展校本课程展示活动\n10—12王海燕李明欧阳晓红\n";
        mvc.perform(multipart("/plans/import").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("unitId", String.valueOf(office())).param("termId", String.valueOf(term().id())).param("text", glued))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("王海燕、李明、欧阳晓红")))
                .andExpect(content().string(containsString("id=\"check-first\"")))
                .andExpect(content().string(containsString("负责人是从连在一起的文字中拆出的")));
        // Another school's office gives no names away.
        long otherOffice = TestUsers.load(users, "teacher2").institutionId();
        assertThat(Access.as(TestUsers.load(users, "jks"), () -> items.ownerNames(otherOffice))).isEmpty();
    }

    @Test
    void apiPreviewReadsAnUploadedFileAndRefusesABadOneIn422() throws Exception {
        mvc.perform(multipart("/api/v1/plans/import/preview/file").file(new MockMultipartFile("file", "行事历.xlsx",
                                "application/octet-stream", corpus("xlsx-merged-01.xlsx")))
                        .with(httpBasic("jks", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.items[0].content").value(firstContent("xlsx-merged-01")));
        mvc.perform(multipart("/api/v1/plans/import/preview/file").file(new MockMultipartFile("file", "计划.wps",
                                "application/octet-stream", "x".getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic("jks", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("另存为")));
    }
}
