package org.jiaoyan.plan.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.plan.ItemData;
import org.jiaoyan.plan.PlanData;
import org.jiaoyan.plan.PlanItem;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.plan.PlanTemplate;
import org.jiaoyan.plan.PlanTemplates;
import org.jiaoyan.plan.Plans;
import org.jiaoyan.plan.RecordKind;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The plan as Word and Excel, and the term summary: drafted from the records, edited, saved, exported. */
@JiaoyanIntegrationTest
class PlanExportIntegrationTests {

    private static final Path OUT = Path.of("target", "plan-exports"); // kept for looking at by hand

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Plans plans;
    @Autowired PlanItems items;
    @Autowired Terms terms;
    @Autowired PlanDocx planDocx;
    @Autowired SummaryDraft summaryDraft;

    private CurrentUser jks() {
        return TestUsers.load(users, "jks");
    }

    private SchoolTerm term() {
        return terms.current().orElseThrow();
    }

    private long schoolPlan(String title) {
        CurrentUser jks = jks();
        return Access.as(jks, () -> plans.create(new PlanData(jks.institutionId(), term().id(), title,
                PlanTemplate.SCHOOL_RESEARCH_OFFICE, 3)));
    }

    private static String unique(String title) {
        return title + (System.nanoTime() % 1_000_000);
    }

    private byte[] download(String url, String user) throws Exception {
        return mvc.perform(get(url).with(TestUsers.as(users, user)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    private static void keep(String name, byte[] bytes) throws IOException {
        Files.createDirectories(OUT);
        Files.write(OUT.resolve(name), bytes);
    }

    @Test
    void planExportsToWordInOfficialStyleWithTheScheduleAsARepeatingHeaderTable() throws Exception {
        String title = unique("教科室工作计划导出");
        long id = schoolPlan(title);
        String encoded = URLEncoder.encode(title + ".docx", StandardCharsets.UTF_8).replace("+", "%20");
        byte[] bytes = mvc.perform(get("/plans/" + id + "/export.docx").with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith(ExportFile.DOCX)))
                .andExpect(header().string("Content-Disposition", "attachment; filename*=UTF-8''" + encoded))
                .andReturn().getResponse().getContentAsByteArray();
        keep("plan.docx", bytes);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo(title);
            assertThat(doc.getParagraphs().get(1).getText()).contains("实验小学").contains(" · ").endsWith(term().label());
            assertThat(doc.getParagraphs()).anyMatch(p -> p.getText().equals("一、指导思想"));
            assertThat(doc.getParagraphs()).anyMatch(p -> p.getText().equals("（一）加强理论学习"));

            XWPFTable schedule = doc.getTables().stream()
                    .filter(t -> t.getRow(0).getCell(0).getText().equals("月份/时间")).findFirst().orElseThrow();
            XWPFTableRow head = schedule.getRow(0);
            assertThat(head.getTableCells()).extracting(c -> c.getText())
                    .containsExactly("月份/时间", "项目", "工作内容", "负责人", "完成情况");
            assertThat(head.isRepeatHeader()).isTrue();
            assertThat(head.getCtRow().getTrPr().sizeOfTblHeaderArray()).isEqualTo(1);
            XWPFTableRow row = schedule.getRows().stream()
                    .filter(r -> r.getCell(2).getText().contains("制定学校教科室工作计划")).findFirst().orElseThrow();
            assertThat(row.getCell(3).getText()).isEqualTo("教科室");
            assertThat(row.getCell(4).getText()).isIn("未开始", "进行中", "已完成", "逾期");
            // routine items (每周, 每月) first, under 常规工作, the month cell merged down over them
            assertThat(schedule.getRow(1).getCell(0).getText()).isEqualTo("常规工作");
            assertThat(schedule.getRow(1).getCell(0).getCTTc().getTcPr().getVMerge()).isNotNull();
            assertThat(schedule.getRow(2).getCell(0).getText()).isEmpty();
            assertThat(schedule.getRow(1).getCell(2).getText()).startsWith("（每周）");

            var page = doc.getDocument().getBody().getSectPr().getPgSz();
            assertThat(page.getW()).hasToString("11906");
            assertThat(page.getH()).hasToString("16838");
            assertThat(doc.getFooterList()).anyMatch(f -> f._getHdrFtr().xmlText().contains("PAGE"));
        }
    }

    @Test
    void scheduleExportsToExcelWithOneRowPerItem() throws Exception {
        long id = schoolPlan(unique("行事历导出"));
        int count = Access.as(jks(), () -> items.items(id)).size();
        byte[] bytes = download("/plans/" + id + "/schedule.xlsx", "jks");
        keep("schedule.xlsx", bytes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = wb.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(1).forEach(c -> header.add(c.getStringCellValue())); // row 0 is the printed title
            assertThat(header).containsExactly("序号", "月份/时间", "项目", "工作内容", "负责人", "参与人", "完成依据", "状态",
                    "开始日期", "结束日期", "备注");
            assertThat(sheet.getLastRowNum()).isEqualTo(count + 1);
            List<String> contents = new ArrayList<>();
            for (int r = 2; r <= count + 1; r++) {
                contents.add(sheet.getRow(r).getCell(3).getStringCellValue());
            }
            assertThat(contents).contains("教研组教学研讨活动", "制定学校教科室工作计划");
            assertThat(sheet.getRow(2).getCell(8).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(term().startDate());
        }
    }

    @Test
    void anotherSchoolsTeacherCannotExportOrReadTheSummary() throws Exception {
        long id = schoolPlan(unique("他校不可见"));
        for (String url : List.of("/export.docx", "/schedule.xlsx", "/summary", "/summary.docx")) {
            mvc.perform(get("/plans/" + id + url).with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound());
        }
        mvc.perform(post("/plans/" + id + "/summary").with(TestUsers.as(users, "teacher2")).with(csrf())
                        .param("version", "0").param("body", "<p>x</p>"))
                .andExpect(status().isNotFound());
    }

    @Test
    void summaryDraftedMidTermSaysWhatIsTrueOfEvidenceAndKeepsItemsNotYetDueApart() {
        long id = schoolPlan(unique("期中总结计划"));
        submitAndApprove(id);
        java.time.LocalDate midTerm = term().startDate().plusWeeks(4);
        String markedContent = Access.as(jks(), () -> {
            plans.publish(id, plans.get(id).version());
            // an item whose evidence is records, marked done by hand with no record attached
            PlanItem withRecords = items.items(id).stream()
                    .filter(i -> i.recordKind() != RecordKind.NONE && i.recordCount() == 0)
                    .findFirst().orElseThrow();
            items.close(withRecords.id(), withRecords.version(), "已按计划完成。");
            return withRecords.content();
        });
        List<PlanItem> all = Access.as(jks(), () -> items.items(id));
        String html = Access.as(jks(), () -> summaryDraft.html(id, Locale.CHINA, midTerm));

        assertThat(html).doesNotContain("完成依据0份");
        assertThat(html).contains(markedContent + "（负责人：").contains("已完成，无佐证材料");
        int pendingAt = html.indexOf("项工作尚未开始或仍在进行中");
        int nextAt = html.indexOf("四、下学期打算");
        List<PlanItem> notYetDue = all.stream().filter(i -> {
            var st = i.status(midTerm);
            return st == org.jiaoyan.plan.ItemStatus.NOT_STARTED || st == org.jiaoyan.plan.ItemStatus.IN_PROGRESS;
        }).toList();
        assertThat(notYetDue).isNotEmpty();
        assertThat(pendingAt).isPositive();
        for (PlanItem it : notYetDue) {
            // listed only after the "not yet due" line, never among 未完成 with （未说明原因）
            assertThat(html.indexOf(it.content() + "（")).as(it.content()).isBetween(pendingAt, nextAt);
        }
        assertThat(html.substring(pendingAt, nextAt)).doesNotContain("未说明原因");
    }

    @Test
    void summaryIsDraftedFromTheRecordsThenEditedSavedAndExported() throws Exception {
        long id = schoolPlan(unique("总结测试计划"));
        submitAndApprove(id);
        Access.as(jks(), () -> {
            plans.publish(id, plans.get(id).version());
            List<PlanItem> all = items.items(id);
            PlanItem plan = all.stream().filter(i -> i.content().equals("制定学校教科室工作计划")).findFirst().orElseThrow();
            items.markDone(plan.id(), plan.version(), "九月初召开行政会议审定计划");
            PlanItem papers = all.stream().filter(i -> i.content().equals("校级论文评选")).findFirst().orElseThrow();
            items.cancel(papers.id(), papers.version(), "上级评选推迟到下学期");
            return null;
        });

        String page = mvc.perform(get("/plans/" + id + "/summary").with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("以下是根据计划和完成记录生成的草稿")))
                .andReturn().getResponse().getContentAsString();
        int done = page.indexOf("二、完成的工作");
        int notDone = page.indexOf("三、未完成的工作及原因");
        assertThat(done).isPositive();
        assertThat(page.indexOf("制定学校教科室工作计划")).isBetween(done, notDone);
        assertThat(page.indexOf("九月初召开行政会议审定计划")).isBetween(done, notDone);
        assertThat(page.indexOf("校级论文评选")).isGreaterThan(notDone);
        assertThat(page.indexOf("上级评选推迟到下学期")).isGreaterThan(page.indexOf("校级论文评选"));
        assertThat(page).contains("四、下学期打算").contains("（未说明原因）"); // overdue items nobody explained
        keep("summary-draft.docx", download("/plans/" + id + "/summary.docx", "jks"));

        int version = Access.as(jks(), () -> plans.get(id).version());
        String body = "<h2>总结测试工作总结</h2><h2>一、基本情况</h2><p>本学期工作总结正文甲乙丙</p>";
        mvc.perform(post("/plans/" + id + "/summary").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("version", String.valueOf(version)).param("body", body))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/plans/" + id + "/summary"));
        mvc.perform(get("/plans/" + id + "/summary").with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("本学期工作总结正文甲乙丙")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("以下是根据计划和完成记录生成的草稿"))));

        // someone saved in between: the stale message, and what was typed is still there
        mvc.perform(post("/plans/" + id + "/summary").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("version", String.valueOf(version))
                        .param("body", "<p>过期的修改丁戊</p><script>alert(1)</script>"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("此记录已被他人修改，请刷新后重试")))
                .andExpect(content().string(Matchers.containsString("过期的修改丁戊")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("alert(1)"))));
        assertThat(Access.as(jks(), () -> plans.summaryHtml(id))).contains("本学期工作总结正文甲乙丙");

        // a teacher of the school reads the published plan's summary but has no editor
        mvc.perform(get("/plans/" + id + "/summary").with(TestUsers.as(users, "teacher")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("本学期工作总结正文甲乙丙")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("summary-form"))));

        byte[] docx = download("/plans/" + id + "/summary.docx", "jks");
        keep("summary.docx", docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("总结测试工作总结");
            assertThat(text.getText()).contains("一、基本情况").contains("本学期工作总结正文甲乙丙");
        }
    }

    @Test
    void draftSummaryExportsToWordBeforeAnythingIsSaved() throws Exception {
        String title = unique("2026学年草稿导出工作计划");
        long id = schoolPlan(title);
        byte[] docx = download("/plans/" + id + "/summary.docx", "jks");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo(title.replace("工作计划", "工作总结"));
            assertThat(doc.getTables()).hasSize(1); // the counts per category
        }
    }

    /** Not a performance assertion: prints how long a 200-item plan takes, to notice when it gets slow. */
    @Test
    void exportsA200ItemPlanToWord() {
        CurrentUser jks = jks();
        SchoolTerm term = term();
        String[] times = {"每周", "每月", "9月", "10月", "11月", "12月", "1月", "第3周", "第5—6周", "10—11月"};
        String[] owners = {"教科室", "各教研组长", "全体"};
        List<ItemData> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(new ItemData("项目" + (i % 7), "第" + (i + 1) + "项工作：组织专题研讨并形成记录", times[i % times.length],
                    null, owners[i % owners.length], null, RecordKind.NONE));
        }
        var sections = List.of(new PlanTemplates.SectionText("指导思想", "<p>以上级教研部门工作要点为指导。</p>"),
                new PlanTemplates.SectionText("工作目标", "<ol><li>完善制度</li><li>规范管理</li></ol>"));
        long id = Access.as(jks, () -> plans.createFromImport(new PlanData(jks.institutionId(), term.id(),
                unique("二百项计划"), null, 3), sections, rows));
        byte[] last = null;
        for (int run = 1; run <= 5; run++) {
            long start = System.nanoTime();
            last = Access.as(jks, () -> planDocx.write(id, Locale.SIMPLIFIED_CHINESE)).bytes();
            System.out.printf("200-item plan to .docx, run %d: %d ms, %d KB%n", run, (System.nanoTime() - start) / 1_000_000,
                    last.length / 1024);
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(last))) {
            assertThat(doc.getTables().get(0).getNumberOfRows()).isEqualTo(201);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Submitted by jks and approved by the principal, ready to publish. */
    private void submitAndApprove(long id) {
        Access.as(jks(), () -> {
            plans.submit(id, plans.get(id).version());
            return null;
        });
        Access.as(TestUsers.load(users, "principal"), () -> {
            plans.approve(id, plans.get(id).version(), null);
            return null;
        });
    }
}
