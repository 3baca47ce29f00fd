package org.jiaoyan.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.files.Attachment;
import org.jiaoyan.org.People;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Stage documents from the office's templates (poi-tl): the built-in template and an uploaded one filled from the
 * project, an invalid template refused, and stage documents read in the browser (docx as escaped HTML, PDF inline).
 * Teachers 90–99 of jks's school.
 */
@JiaoyanIntegrationTest
class StageTemplatesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Projects projects;
    @Autowired ProjectStages stages;
    @Autowired StageTemplates templates;
    @Autowired JdbcClient jdbc;
    @Autowired People people;

    ResearchFixtures fx() {
        return new ResearchFixtures(users, projects, stages, jdbc, people);
    }

    private static byte[] docx(String... paragraphs) throws IOException {
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                d.createParagraph().createRun().setText(p);
            }
            XWPFTable t = d.createTable(1, 2);
            t.getRow(0).getCell(0).setText("<b>单元格</b>");
            t.getRow(0).getCell(1).setText("立项编号：{{projectNo}}");
            d.write(out);
            return out.toByteArray();
        }
    }

    private String names(List<Long> ids) {
        return String.join("、", ids.stream().map(id -> jdbc.sql("select name from person where id = ?").param(id)
                .query(String.class).single()).toList());
    }

    @Test
    void theBuiltInTemplateIsFilledFromTheProject() throws Exception {
        ResearchFixtures fx = fx();
        List<Long> people = fx.teachers(90, 3);
        long id = fx.approved("内置模板填充测试课题", people);
        byte[] bytes = mvc.perform(get("/projects/" + id + "/stage-document/OPENING.docx").with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Content-Disposition",
                        Matchers.containsString(java.net.URLEncoder.encode("《内置模板填充测试课题》开题报告.docx", StandardCharsets.UTF_8))))
                .andReturn().getResponse().getContentAsByteArray();
        String text = StageTemplates.text(bytes);
        assertThat(text).contains("内置模板填充测试课题", "开题报告", "T-" + id, names(people.subList(1, 3)), "研究摘要",
                "子任务：" + names(people.subList(1, 2)), "完成情况").doesNotContain("{{");
    }

    @Test
    void anUploadedTemplateIsFilledAndAnInvalidOneRefused() throws Exception {
        ResearchFixtures fx = fx();
        CurrentUser jks = fx.user("jks");
        long school = jks.institutionId();
        List<Long> people = fx.teachers(93, 3);
        long id = fx.approved("上传模板填充测试课题", people);
        byte[] template = docx("中期报告（{{school}}）", "课题：{{title}}", "主持人：{{lead}}；成员：{{members}}", "{{tasks}}",
                "{{#taskTable}}");
        try {
            mvc.perform(multipart("/research/templates").file(new MockMultipartFile("file", "中期报告模板.docx",
                            "application/octet-stream", template)).param("stage", "MIDTERM")
                    .with(TestUsers.as(users, "jks")).with(csrf()))
                    .andExpect(flash().attribute("flashSuccess", "researchbox.template.saved"));
            mvc.perform(get("/research/templates").with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.allOf(Matchers.containsString("中期报告模板.docx"),
                            Matchers.containsString("{{projectNo}}"), Matchers.containsString("{{#taskTable}}"))));

            byte[] filled = Access.as(jks, () -> {
                try {
                    return templates.fill(id, ProjectStage.MIDTERM);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            String text = StageTemplates.text(filled);
            String lead = names(people.subList(0, 1));
            assertThat(text).contains("课题：上传模板填充测试课题", "主持人：" + lead + "；成员：" + names(people.subList(1, 3)),
                    "立项编号：T-" + id, "1．", "子任务：" + lead).doesNotContain("{{");
            try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(filled))) {
                // the rendered task table (header and a row per member's task) before the template's own table
                assertThat(d.getTables()).hasSize(2);
                assertThat(d.getTables().get(0).getRows()).hasSize(1 + 3);
                assertThat(d.getTables().get(0).getRow(0).getCell(2).getText()).isEqualTo("研究任务");
            }

            // not a .docx: refused with a clear message, the uploaded template stays
            assertThatThrownBy(() -> Access.as(jks, () -> {
                try {
                    return templates.upload(school, ProjectStage.MIDTERM, "坏模板.docx",
                            new ByteArrayInputStream("这不是 Word 文档".getBytes(StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("researchbox.template.invalid"));
            mvc.perform(multipart("/research/templates").file(new MockMultipartFile("file", "申报书.pdf",
                            "application/pdf", "%PDF-1.4 x".getBytes(StandardCharsets.UTF_8))).param("stage", "APPLICATION")
                    .with(TestUsers.as(users, "jks")).with(csrf()))
                    .andExpect(flash().attribute("flashError", "researchbox.template.invalid"));
            assertThat(Access.as(jks, () -> templates.templates(school))).containsOnlyKeys(ProjectStage.MIDTERM);

            // a plain teacher cannot upload
            mvc.perform(multipart("/research/templates").file(new MockMultipartFile("file", "t.docx", "application/octet-stream",
                            template)).param("stage", "MIDTERM").with(TestUsers.as(users, "teacher")).with(csrf()))
                    .andExpect(status().isForbidden());
        } finally {
            Access.as(jks, () -> {
                templates.reset(school, ProjectStage.MIDTERM);
                return null;
            });
        }
    }

    private Attachment file(long projectId, String name, byte[] bytes) {
        return Access.as(fx().user("jks"), () -> {
            try {
                return stages.addDocument(projectId, ProjectStage.APPLICATION, name, new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void aStageDocumentIsReadInTheBrowserWithItsMarkupEscaped() throws Exception {
        ResearchFixtures fx = fx();
        List<Long> people = fx.teachers(96, 2);
        long id = fx.project("文档预览测试课题", people);
        Attachment word = file(id, "申报书.docx", docx("<script>alert(1)</script>", "研究背景与意义"));
        mvc.perform(get("/projects/" + id + "/documents/" + word.id()).with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(
                        Matchers.containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
                        Matchers.containsString("<p>研究背景与意义</p>"),
                        Matchers.containsString("&lt;b&gt;单元格&lt;/b&gt;"),
                        Matchers.not(Matchers.containsString("<script>alert(1)")),
                        Matchers.containsString("/projects/" + id + "/documents/" + word.id() + "/file"))));

        Attachment pdf = file(id, "申报书.pdf", "%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.ISO_8859_1));
        mvc.perform(get("/projects/" + id + "/documents/" + pdf.id()).with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<iframe id=\"document-pdf\"")));
        mvc.perform(get("/projects/" + id + "/documents/" + pdf.id() + "/file").with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", Matchers.startsWith("inline")));

        Attachment text = file(id, "说明.txt", "说明".getBytes(StandardCharsets.UTF_8));
        mvc.perform(get("/projects/" + id + "/documents/" + text.id()).with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("id=\"document-other\"")));
        // another project's id: 404
        long other = fx.project("文档预览另一课题", fx.teachers(98, 1));
        mvc.perform(get("/projects/" + other + "/documents/" + word.id()).with(TestUsers.as(users, "jks")))
                .andExpect(status().isNotFound());
    }
}
