package org.jiaoyan.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.org.Terms;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * 学期考核 pages and REST: the office's board and its .xlsx, a teacher's card and its .docx, the scope (another
 * teacher's card and another school's board are 404 in pages and API), the 细则 editor keeping a bad row, an appeal
 * filed and accepted through the API changing the card's total.
 */
@JiaoyanIntegrationTest
class ScorecardPagesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Scorecards scorecards;
    @Autowired Schemes schemes;
    @Autowired Terms terms;

    CurrentUser jks;
    CurrentUser teacher;
    long termId;

    @BeforeEach
    void accounts() {
        jks = TestUsers.load(users, "jks");
        teacher = TestUsers.load(users, "teacher");
        termId = terms.current().orElseThrow().id();
    }

    private RequestPostProcessor as(String username) {
        return TestUsers.as(users, username);
    }

    private static RequestPostProcessor api(String username) {
        return httpBasic(username, TestUsers.DEMO_PASSWORD);
    }

    private <T> T as(CurrentUser user, Supplier<T> call) {
        return Access.as(user, call::get);
    }

    /** 12.0 → "12", 12.5 → "12.5", as the card shows it. */
    private static String points(double v) {
        double r = Math.round(v * 100) / 100.0;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }

    private ScoreBoard board() {
        return as(jks, () -> scorecards.board(termId, CheckLevel.TEACHERS));
    }

    private long colleague() {
        return board().entries().stream().mapToLong(ScoreBoard.Entry::subjectId).filter(id -> id != teacher.personId())
                .findFirst().orElseThrow();
    }

    @Test
    void theOfficeSeesTheRankingWithACategoryColumnEachAndLinksToEveryCard() throws Exception {
        ScoreBoard board = board();
        assertThat(board.entries()).isNotEmpty();
        ScoreBoard.Entry first = board.entries().get(0);
        var page = mvc.perform(get("/scorecards").param("termId", String.valueOf(termId)).with(as("jks")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"score-board\"")))
                .andExpect(content().string(containsString("名次")))
                .andExpect(content().string(containsString(first.name())))
                .andExpect(content().string(containsString("/scorecards/" + first.subjectId() + "?termId=" + termId)))
                .andExpect(content().string(containsString("id=\"publish-results\"")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (Scheme.Category c : board.scheme().categories()) {
            assertThat(page).contains(">" + c.name() + "<");
        }
        assertThat(page.indexOf(first.name())).isLessThan(page.indexOf(board.entries().get(board.entries().size() - 1).name()));
        // teachers see the board of their own line only, without the office's buttons
        mvc.perform(get("/scorecards").with(as("teacher"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"publish-results\""))));
    }

    @Test
    void aTeacherReadsTheirOwnCardButNotAColleaguesNorAnotherSchoolsBoard() throws Exception {
        Scorecard mine = as(teacher, () -> scorecards.mine(termId));
        mvc.perform(get("/me/scorecard").param("termId", String.valueOf(termId)).with(as("teacher"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(mine.name())))
                .andExpect(content().string(containsString("id=\"card-total\"")))
                .andExpect(content().string(containsString("appeal-form")));
        mvc.perform(get("/api/v1/me/scorecard").param("termId", String.valueOf(termId)).with(api("teacher"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("\"name\":\"" + mine.name() + "\"")));
        long other = colleague();
        mvc.perform(get("/scorecards/" + other).with(as("teacher"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/scorecards/" + other).with(api("teacher"))).andExpect(status().isNotFound());
        mvc.perform(get("/scorecards/" + other + "/card.docx").with(as("teacher"))).andExpect(status().isNotFound());
        long otherSchool = TestUsers.load(users, "teacher2").institutionId();
        assertThat(otherSchool).isNotEqualTo(jks.institutionId());
        mvc.perform(get("/scorecards").param("schoolId", String.valueOf(otherSchool)).with(as("teacher"))).andExpect(status().isNotFound());
        mvc.perform(get("/scorecards").param("schoolId", String.valueOf(otherSchool)).with(as("jks"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/scorecards").param("schoolId", String.valueOf(otherSchool)).with(api("jks"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/scorecards").with(api("jks"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("\"subjectId\":" + teacher.personId())));
        mvc.perform(get("/scorecards/" + teacher.personId()).with(as("teacher2"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/scorecards/" + teacher.personId()).with(api("teacher2"))).andExpect(status().isNotFound());
    }

    @Test
    void aBadRowOfTheSchemeIsNamedAtItsFieldAndTheFormKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/scorecards/scheme/edit").with(as("jks")).with(csrf())
                        .param("termId", String.valueOf(termId)).param("level", "TEACHERS").param("basedOn", "0")
                        .param("note", "页面测试：错误的行")
                        .param("categories[0].name", "页面测试类别").param("categories[0].cap", "20").param("categories[0].weight", "1")
                        .param("categories[0].items[0].kind", "ENTRY").param("categories[0].items[0].name", "")
                        .param("categories[0].items[0].points", "五"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第 1 类第 1 项：请填写项目名称")))
                .andExpect(content().string(containsString("第 1 类第 1 项：分值须在 0 到 1000 之间")))
                .andExpect(content().string(containsString("value=\"页面测试类别\"")))
                .andExpect(content().string(containsString("value=\"五\"")))
                .andExpect(content().string(containsString("页面测试：错误的行")))
                .andExpect(content().string(containsString("is-invalid")));
        mvc.perform(post("/scorecards/scheme/edit").with(as("teacher")).with(csrf())
                        .param("termId", String.valueOf(termId)).param("level", "TEACHERS").param("basedOn", "0")
                        .param("categories[0].name", "教师不能改细则"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/scorecards/scheme").with(as("teacher"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"scheme-words\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"edit-scheme\""))));
    }

    @Test
    void aSaveOnAnOutdatedRevisionIsRefusedAsStaleAndKeepsWhatWasTyped() throws Exception {
        // basedOn a revision that does not exist: someone else saved meanwhile; nothing is saved
        int revision = as(jks, () -> schemes.current(termId, CheckLevel.TEACHERS)).revision();
        mvc.perform(post("/scorecards/scheme/edit").with(as("jks")).with(csrf())
                        .param("termId", String.valueOf(termId)).param("level", "TEACHERS").param("basedOn", "9999")
                        .param("categories[0].name", "过期的修改").param("categories[0].cap", "20").param("categories[0].weight", "1")
                        .param("categories[0].items[0].kind", "ENTRY").param("categories[0].items[0].name", "论文")
                        .param("categories[0].items[0].points", "5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("细则已被他人保存为新版本")))
                .andExpect(content().string(containsString("value=\"过期的修改\"")));
        assertThat(as(jks, () -> schemes.current(termId, CheckLevel.TEACHERS)).revision()).isEqualTo(revision);
    }

    @Test
    void theExcelHasTheRankingSheetWithARowPerTeacherAndTheDetailsSheet() throws Exception {
        int teachers = board().entries().size();
        byte[] xlsx = mvc.perform(get("/scorecards/export.xlsx").param("termId", String.valueOf(termId)).with(as("jks")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("明细");
            var ranking = book.getSheetAt(0);
            assertThat(ranking.getRow(1).getCell(0).getStringCellValue()).isEqualTo("名次");
            assertThat(ranking.getPhysicalNumberOfRows()).isEqualTo(2 + teachers); // title, header, a row per teacher
            var details = book.getSheetAt(1);
            assertThat(details.getRow(1).getCell(6).getStringCellValue()).isEqualTo("依据链接");
            assertThat(details.getPhysicalNumberOfRows()).isGreaterThan(2);
        }
    }

    @Test
    void theCardAsWordHasTheNameAndTheTotal() throws Exception {
        Scorecard mine = as(teacher, () -> scorecards.mine(termId));
        byte[] docx = mvc.perform(get("/scorecards/" + teacher.personId() + "/card.docx").param("termId", String.valueOf(termId))
                        .with(as("teacher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx)); var text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("教师考核得分表", mine.name(),
                    mine.entry().total() == null ? "免考" : points(mine.entry().total()));
        }
    }

    @Test
    void anAppealFiledAndAcceptedThroughTheApiChangesTheCardsTotal() throws Exception {
        Scorecard before = as(teacher, () -> scorecards.mine(termId));
        assertThat(before.entry().total()).isNotNull();
        // an item whose category has room for one more point
        Scorecard.ItemCard item = before.categories().stream()
                .filter(c -> c.category().cap() == null || c.points() + 1 <= c.category().cap())
                .flatMap(c -> c.items().stream()).findFirst().orElseThrow();
        String filed = mvc.perform(post("/api/v1/appeals").with(api("teacher")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"termId\": " + termId + ", \"level\": \"TEACHERS\", \"subjectId\": " + teacher.personId()
                                + ", \"itemCode\": \"" + item.item().code() + "\", \"reason\": \"接口测试：漏记一次\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = JsonPath.parse(filed).read("$.id", Long.class);
        int version = JsonPath.parse(filed).read("$.version", Integer.class);
        assertThat(JsonPath.parse(filed).<String>read("$.status")).isEqualTo("OPEN");
        // another teacher cannot appeal on this card, nor accept it
        mvc.perform(post("/api/v1/appeals/" + id + "/accept").with(api("teacher")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version + ", \"delta\": 5, \"resolution\": \"自己采纳\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/appeals/" + id + "/accept").with(api("jks")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version + ", \"delta\": 1, \"resolution\": \"核实属实，加 1 分\"}"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("\"status\":\"ACCEPTED\"")));
        String card = mvc.perform(get("/api/v1/me/scorecard").param("termId", String.valueOf(termId)).with(api("teacher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        double total = JsonPath.parse(card).read("$.total", Double.class);
        assertThat(total).isCloseTo(before.entry().total() + 1, org.assertj.core.data.Offset.offset(0.001));
        assertThat(card).contains("核实属实，加 1 分");
        mvc.perform(get("/api/v1/appeals").param("termId", String.valueOf(termId)).with(api("teacher"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("\"id\":" + id)));
        mvc.perform(get("/appeals").param("termId", String.valueOf(termId)).with(as("jks"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("appeal-" + id)));
    }
}
