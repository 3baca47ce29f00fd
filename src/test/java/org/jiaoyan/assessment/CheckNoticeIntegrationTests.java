package org.jiaoyan.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ChineseDates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * 月查通报 as a Word file, as a page and through /api/v1/checks: the file has the 红头 (switchable), the 文号, the
 * title and the ranking in order; staff read published rounds of their own school only, never a draft; in a
 * teachers' round a teacher gets their own line and rank, not the others'. Months 13–16 back are this class's.
 */
@JiaoyanIntegrationTest
class CheckNoticeIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired CheckRounds rounds;
    @Autowired JdbcClient jdbc;

    private CurrentUser user(String name) {
        return TestUsers.load(users, name);
    }

    private <T> T as(String name, Supplier<T> work) {
        return Access.as(user(name), work);
    }

    private RequestPostProcessor page(String name) {
        return TestUsers.as(users, name);
    }

    private static RequestPostProcessor api(String name) {
        return httpBasic(name, TestUsers.DEMO_PASSWORD);
    }

    private int version(long id) {
        return Access.asSystem(() -> rounds.get(id)).version();
    }

    /** A groups' round of the demo school with two hand-scored criteria, distinct totals, a 通报 text; published or not. */
    private long groupsRound(YearMonth month, String title, boolean publish) {
        long id = as("jks", () -> rounds.create(new CheckRoundData(month, CheckLevel.GROUPS, null, title, "实小教科〔2026〕" + month.getMonthValue() + "号")));
        long a = as("jks", () -> rounds.addManualCriterion(id, version(id), "教案质量", 10.0));
        long b = as("jks", () -> rounds.addManualCriterion(id, version(id), "作业批改", 10.0));
        List<CheckSheet.Line> lines = as("jks", () -> rounds.sheet(id)).lines();
        List<ScoreInput> scores = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            scores.add(new ScoreInput(a, lines.get(i).subjectId(), (double) (i % 10), null));
            scores.add(new ScoreInput(b, lines.get(i).subjectId(), 10.0 - (i * 3) % 7, null));
        }
        as("jks", () -> {
            rounds.score(id, version(id), scores);
            rounds.updateNotice(id, version(id), title, rounds.get(id).docNumber(), "各教研组：\n现将本月检查结果通报如下。\n请各组查漏补缺。");
            if (publish) {
                rounds.submit(id, version(id));
                rounds.publish(id, version(id));
            }
            return null;
        });
        return id;
    }

    private static XWPFDocument docx(byte[] bytes) throws Exception {
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    private static List<String> texts(XWPFDocument doc) {
        return doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> !t.isBlank()).toList();
    }

    private static boolean hasRed(XWPFDocument doc) {
        return doc.getParagraphs().stream().flatMap(p -> p.getRuns().stream()).anyMatch(r -> "FF0000".equalsIgnoreCase(r.getColor()));
    }

    @Test
    void theWordNoticeHasTheRedHeaderTheDocNumberTheTitleAndTheRankingInOrder() throws Exception {
        YearMonth month = YearMonth.now().minusMonths(13);
        long id = groupsRound(month, "通报测试：Word 文件", true);
        CheckSheet sheet = as("jks", () -> rounds.sheet(id));
        byte[] bytes = mvc.perform(get("/checks/" + id + "/notice.docx").with(page("teacher")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("wordprocessingml")))
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = docx(bytes)) {
            List<String> texts = texts(doc);
            assertThat(texts.get(0)).endsWith("教科室").contains("实验小学");
            assertThat(hasRed(doc)).isTrue();
            assertThat(texts.get(1)).isEqualTo("实小教科〔2026〕" + month.getMonthValue() + "号");
            assertThat(texts.get(2)).isEqualTo("通报测试：Word 文件");
            assertThat(texts).contains("各教研组：", "现将本月检查结果通报如下。");
            assertThat(texts.get(texts.size() - 1)).isEqualTo(ChineseDates.date(LocalDate.now()));
            assertThat(texts.get(texts.size() - 2)).isEqualTo(texts.get(0));
            XWPFTable table = doc.getTables().get(0);
            List<XWPFTableRow> rows = table.getRows();
            assertThat(rows.get(0).getCell(0).getText()).isEqualTo("名次");
            assertThat(rows.get(0).getCell(2).getText()).contains("教案质量");
            assertThat(rows.get(0).getCell(rows.get(0).getTableCells().size() - 1).getText()).isEqualTo("总分");
            assertThat(rows).hasSize(sheet.lines().size() + 1);
            for (int i = 0; i < sheet.lines().size(); i++) {
                CheckSheet.Line l = sheet.lines().get(i);
                XWPFTableRow row = rows.get(i + 1);
                assertThat(row.getCell(0).getText()).isEqualTo(String.valueOf(l.rank()));
                assertThat(row.getCell(1).getText()).isEqualTo(l.name());
                assertThat(row.getCell(4).getText()).isEqualTo(CheckRounds.fmt(l.total()));
            }
        }
        // the API gives the same file
        byte[] viaApi = mvc.perform(get("/api/v1/checks/" + id + "/notice.docx").with(api("teacher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = docx(viaApi)) {
            assertThat(texts(doc)).contains("通报测试：Word 文件");
            assertThat(doc.getTables().get(0).getRows()).hasSize(sheet.lines().size() + 1);
        }
    }

    @Test
    void theRedHeaderCanBeSwitchedOff() throws Exception {
        long id = groupsRound(YearMonth.now().minusMonths(14), "通报测试：不带红头", true);
        // the page's unticked checkbox sends only the field marker
        byte[] plain = mvc.perform(get("/checks/" + id + "/notice.docx").param("_redHeader", "on").with(page("jks")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] viaApi = mvc.perform(get("/api/v1/checks/" + id + "/notice.docx").param("redHeader", "false").with(api("jks")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        for (byte[] bytes : List.of(plain, viaApi)) {
            try (XWPFDocument doc = docx(bytes)) {
                assertThat(hasRed(doc)).isFalse();
                assertThat(texts(doc).get(0)).isEqualTo("实小教科〔2026〕" + YearMonth.now().minusMonths(14).getMonthValue() + "号");
                assertThat(texts(doc).get(1)).isEqualTo("通报测试：不带红头");
            }
        }
        byte[] ticked = mvc.perform(get("/checks/" + id + "/notice.docx").param("redHeader", "true").param("_redHeader", "on")
                .with(page("jks"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = docx(ticked)) {
            assertThat(hasRed(doc)).isTrue();
        }
    }

    @Test
    void aTeacherCannotReadADraftAndAnotherSchoolGets404() throws Exception {
        long draft = groupsRound(YearMonth.now().minusMonths(15), "通报测试：草稿", false);
        for (String path : List.of("/checks/" + draft + "/notice", "/checks/" + draft + "/notice.docx")) {
            mvc.perform(get(path).with(page("teacher"))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/checks/" + draft).with(api("teacher"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/checks/" + draft + "/notice.docx").with(api("teacher"))).andExpect(status().isNotFound());
        // the checker previews it
        mvc.perform(get("/checks/" + draft + "/notice").with(page("jks"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("notice-draft")))
                .andExpect(content().string(containsString("通报测试：草稿")));
        mvc.perform(get("/checks/" + draft).with(page("jks"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("下载通报 (Word)")));

        as("jks", () -> {
            rounds.submit(draft, version(draft));
            rounds.publish(draft, version(draft));
            return null;
        });
        mvc.perform(get("/checks/" + draft + "/notice").with(page("teacher"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("通报测试：草稿")))
                .andExpect(content().string(not(containsString("notice-draft"))));
        for (String path : List.of("/checks/" + draft + "/notice", "/checks/" + draft + "/notice.docx", "/checks/" + draft)) {
            mvc.perform(get(path).with(page("teacher2"))).andExpect(status().isNotFound());
        }
        for (String path : List.of("/api/v1/checks/" + draft, "/api/v1/checks/" + draft + "/notice.docx")) {
            mvc.perform(get(path).with(api("teacher2"))).andExpect(status().isNotFound())
                    .andExpect(header().string("Content-Type", containsString("application/problem+json")));
        }
        String list = mvc.perform(get("/api/v1/checks").param("size", "100").with(api("teacher2"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<Integer>>read(list, "$.items[*].id")).doesNotContain((int) draft);
    }

    @Test
    void inATeachersRoundATeacherReadsOnlyTheirOwnLineAndRank() throws Exception {
        long me = user("teacher").personId();
        long group = jdbc.sql("""
                select m.unit_id from unit_member m join org_unit g on g.id = m.unit_id
                 where m.person_id = ? and g.group_kind = 'TEACHING_RESEARCH' and g.deleted_at is null order by m.unit_id""")
                .param(me).query(Long.class).list().get(0);
        YearMonth month = YearMonth.now().minusMonths(16);
        long id = Access.asSystem(() -> rounds.create(new CheckRoundData(month, CheckLevel.TEACHERS, group, "通报测试：教师月查", null)));
        long crit = Access.asSystem(() -> rounds.addManualCriterion(id, version(id), "教案质量", 100.0));
        List<CheckSheet.Line> lines = Access.asSystem(() -> rounds.sheet(id)).lines();
        assertThat(lines).hasSizeGreaterThan(2).anyMatch(l -> l.subjectId() == me);
        List<ScoreInput> scores = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            scores.add(new ScoreInput(crit, lines.get(i).subjectId(), 90.0 - i, null));
        }
        Access.asSystem(() -> {
            rounds.score(id, version(id), scores);
            rounds.submit(id, version(id));
            rounds.publish(id, version(id));
        });
        CheckSheet sheet = Access.asSystem(() -> rounds.sheet(id));
        CheckSheet.Line mine = sheet.lines().stream().filter(l -> l.subjectId() == me).findFirst().orElseThrow();
        String other = sheet.lines().stream().filter(l -> l.subjectId() != me).findFirst().orElseThrow().name();

        mvc.perform(get("/api/v1/checks/" + id).with(api("teacher"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.wholeRanking").value(false))
                .andExpect(jsonPath("$.ranked").value(sheet.lines().size()))
                .andExpect(jsonPath("$.lines.length()").value(1))
                .andExpect(jsonPath("$.lines[0].subjectId").value(me))
                .andExpect(jsonPath("$.lines[0].own").value(true))
                .andExpect(jsonPath("$.lines[0].rank").value(mine.rank()));
        mvc.perform(get("/checks/" + id + "/notice").with(page("teacher"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("第 " + mine.rank() + " 名 / 共 " + sheet.lines().size() + " 人")))
                .andExpect(content().string(containsString(mine.name())))
                .andExpect(content().string(not(containsString(other))));
        // the sheet with everyone's scores sends the teacher to the 通报
        mvc.perform(get("/checks/" + id).with(page("teacher"))).andExpect(redirectedUrl("/checks/" + id + "/notice"));
        try (XWPFDocument doc = docx(mvc.perform(get("/checks/" + id + "/notice.docx").with(page("teacher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray())) {
            assertThat(doc.getTables().get(0).getRows()).hasSize(2);
            assertThat(doc.getTables().get(0).getRow(1).getCell(1).getText()).isEqualTo(mine.name());
        }
        // the school's leaders read the whole ranking
        mvc.perform(get("/api/v1/checks/" + id).with(api("principal"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.wholeRanking").value(true))
                .andExpect(jsonPath("$.lines.length()").value(sheet.lines().size()));
    }

    @Test
    void inAGroupsRoundStaffReadTheWholeRankingWithTheirGroupMarked() throws Exception {
        long id = Access.asSystem(() -> rounds.list(YearMonth.now().minusMonths(1), CheckLevel.GROUPS, CheckStatus.PUBLISHED,
                new org.jiaoyan.shared.PageQuery(1, 20, null, false))).items().get(0).id();
        int size = Access.asSystem(() -> rounds.sheet(id)).lines().size();
        mvc.perform(get("/api/v1/checks/" + id).with(api("teacher"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.wholeRanking").value(true))
                .andExpect(jsonPath("$.lines.length()").value(size))
                .andExpect(jsonPath("$.lines[?(@.own == true)]").isNotEmpty())
                .andExpect(jsonPath("$.criteria.length()").value(3));
        mvc.perform(get("/checks/" + id + "/notice").with(page("teacher"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("notice-ranking")))
                .andExpect(content().string(containsString("data-own=\"true\"")))
                .andExpect(content().string(containsString("本组成绩")));
    }

    @Test
    void theApiListsRoundsWithMonthLevelAndStatusFiltersAndPages() throws Exception {
        YearMonth month = YearMonth.now().minusMonths(1);
        mvc.perform(get("/api/v1/checks").param("month", month.toString()).param("level", "GROUPS").param("status", "PUBLISHED")
                        .with(api("teacher")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].month").value(month.toString()))
                .andExpect(jsonPath("$.items[0].level").value("GROUPS"))
                .andExpect(jsonPath("$.items[0].status").value("PUBLISHED"))
                .andExpect(jsonPath("$.items[0].docNumber").isNotEmpty());
        // no teachers' round in that month (the demo's is last month's)
        mvc.perform(get("/api/v1/checks").param("level", "TEACHERS").param("month", month.minusMonths(8).toString()).with(api("teacher")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/checks").param("status", "DRAFT").param("size", "100").with(api("teacher")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        String two = mvc.perform(get("/api/v1/checks").param("size", "1").param("page", "1").with(api("jks")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.size").value(1)).andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<Integer>read(two, "$.total")).isGreaterThanOrEqualTo(1);
        mvc.perform(get("/api/v1/checks").param("month", "2026-13").with(api("jks"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/checks").param("level", "SCHOOLS").with(api("jks"))).andExpect(status().isBadRequest());
    }
}
