package org.jiaoyan.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.StatementCounter;
import org.jiaoyan.TestUsers;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.org.People;
import org.jiaoyan.org.Terms;
import org.jiaoyan.research.MaterialCalendar.MonthState;
import org.jiaoyan.research.ProjectWork.Upload;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 过程资料看板: approved projects × months, each cell on time / late / missing / upcoming / outside the project, with
 * counts per row and column; projects at 申报 stay off; another school sees none of these; the same number of
 * statements for three projects as for six; the .xlsx has the same cells. People 40–59 of jks's school.
 */
@JiaoyanIntegrationTest
@Import(StatementCounter.Configuration.class)
class MaterialBoardIntegrationTests {

    @Autowired UserDetailsService users;
    @Autowired Projects projects;
    @Autowired ProjectStages stages;
    @Autowired ProjectWork work;
    @Autowired MaterialBoard board;
    @Autowired Terms terms;
    @Autowired People people;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    static Upload text(String name) {
        return new Upload(name, new ByteArrayInputStream(name.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void cellsShowOnTimeLateMissingAndUpcomingWithCountsAndTheBoardExports() throws Exception {
        ResearchFixtures fx = new ResearchFixtures(users, projects, stages, jdbc, people);
        CurrentUser jks = fx.user("jks");
        YearMonth last = YearMonth.now().minusMonths(1);
        YearMonth next = YearMonth.now().plusMonths(1);
        MaterialCalendar cal = MaterialCalendar.of(terms.all(), last.minusMonths(1), next);
        DateSpan first = cal.firstWeek(last);
        Assumptions.assumeTrue(first != null, "last month had no school day");

        long onTime = fx.approved("看板按时课题", fx.teachers(40, 2));
        long late = fx.approved("看板迟报课题", fx.teachers(42, 2));
        long missing = fx.approved("看板未报课题", fx.teachers(44, 2));
        long applying = fx.project("看板申报中课题", fx.teachers(46, 2));
        Access.as(jks, () -> {
            work.fileMaterial(onTime, last.atDay(1), "上月资料", null, first.to(), List.of(text("a.txt")));
            work.fileMaterial(late, last.atDay(1), "上月资料（迟）", null, first.to().plusDays(1), List.of(text("b.txt")));
            work.fileMaterial(applying, last.atDay(1), "申报中资料", null, first.to(), List.of(text("c.txt")));
            return null;
        });

        MaterialBoard.Filter filter = new MaterialBoard.Filter(jks.institutionId(), null, null, last.minusMonths(1), next);
        MaterialBoard.Board b = Access.as(jks, () -> board.board(filter, LocalDate.now()));
        Map<Long, MaterialBoard.Row> rows = b.rows().stream().collect(Collectors.toMap(MaterialBoard.Row::projectId, r -> r));
        assertThat(rows).containsKeys(onTime, late, missing).doesNotContainKey(applying);
        assertThat(b.columns()).extracting(MaterialBoard.Column::month).containsExactly(last.minusMonths(1), last, YearMonth.now(), next);
        MonthState ahead = cal.firstWeek(next) == null ? MonthState.FREE : MonthState.UPCOMING;
        // the month before the projects started is outside them; last month by its filing; next month not due yet
        assertThat(rows.get(onTime).cells()).extracting(MaterialBoard.Cell::state).startsWith(MonthState.NONE, MonthState.ON_TIME).endsWith(ahead);
        assertThat(rows.get(late).cells()).extracting(MaterialBoard.Cell::state).startsWith(MonthState.NONE, MonthState.LATE).endsWith(ahead);
        assertThat(rows.get(missing).cells()).extracting(MaterialBoard.Cell::state).startsWith(MonthState.NONE, MonthState.MISSING).endsWith(ahead);
        assertThat(rows.get(onTime).cells().get(1).firstFiled()).isEqualTo(first.to());
        assertThat(rows.get(onTime).count(MonthState.ON_TIME)).isEqualTo(1);
        assertThat(rows.get(missing).count(MonthState.MISSING)).isGreaterThanOrEqualTo(1);
        MaterialBoard.Column lastColumn = b.columns().get(1);
        assertThat(lastColumn.count(MonthState.ON_TIME)).isGreaterThanOrEqualTo(1);
        assertThat(lastColumn.count(MonthState.LATE)).isGreaterThanOrEqualTo(1);
        assertThat(lastColumn.count(MonthState.MISSING)).isGreaterThanOrEqualTo(1);
        assertThat(lastColumn.dueBy()).isEqualTo(first.to());
        // "today" on the last day of last month's first week: nothing is missing yet
        MaterialBoard.Board before = Access.as(jks, () -> board.board(filter, first.to()));
        assertThat(before.rows()).filteredOn(r -> r.projectId() == missing).singleElement()
                .satisfies(r -> assertThat(r.cells().get(1).state()).isEqualTo(MonthState.UPCOMING));

        // another school's teacher sees none of them
        MaterialBoard.Board other = Access.as(fx.user("teacher2"), () -> board.board(
                new MaterialBoard.Filter(null, null, null, last.minusMonths(1), next), LocalDate.now()));
        assertThat(other.rows()).extracting(MaterialBoard.Row::projectId).doesNotContain(onTime, late, missing);

        // the page and its htmx fragment, the .xlsx with the same cells
        mvc.perform(get("/research/materials").param("school", String.valueOf(jks.institutionId()))
                        .param("from", last.toString()).param("to", next.toString()).with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("看板按时课题")))
                .andExpect(content().string(containsString("看板未报课题")))
                .andExpect(content().string(not(containsString("看板申报中课题"))))
                .andExpect(content().string(containsString("<html")));
        mvc.perform(get("/research/materials").header("HX-Request", "true").param("from", last.toString())
                        .with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("看板迟报课题")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/research/materials").with(TestUsers.as(users, "teacher2")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("看板按时课题"))));
        byte[] xlsx = mvc.perform(get("/research/materials.xlsx").param("school", String.valueOf(jks.institutionId()))
                        .param("from", last.toString()).param("to", next.toString()).with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> lines = new ArrayList<>();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter f = new DataFormatter();
            for (Row r : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                r.forEach(c -> cells.add(f.formatCellValue(c)));
                lines.add(String.join("|", cells));
            }
        }
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("看板按时课题").contains("按时上报 " + first.to()));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("看板迟报课题").contains("迟报 " + first.to().plusDays(1)));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("看板未报课题").contains("未报"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains("看板申报中课题"));
    }

    @Test
    void theBoardTakesTheSameNumberOfStatementsForManyProjects() {
        ResearchFixtures fx = new ResearchFixtures(users, projects, stages, jdbc, people);
        CurrentUser jks = fx.user("jks");
        MaterialBoard.Filter filter = MaterialBoard.Filter.schoolYear(LocalDate.now());
        fx.approved("看板语句数课题一", fx.teachers(50, 2));
        int few = Access.as(jks, () -> StatementCounter.count(() -> board.board(filter, LocalDate.now()))).statements();
        int rowsFew = Access.as(jks, () -> board.board(filter, LocalDate.now())).rows().size();
        for (int i = 0; i < 3; i++) {
            long id = fx.approved("看板语句数课题" + (i + 2), fx.teachers(52 + i * 2, 2));
            Access.as(jks, () -> work.fileMaterial(id, YearMonth.now().atDay(1), "本月资料", null, null, List.of(text("d.txt"))));
        }
        var many = Access.as(jks, () -> StatementCounter.count(() -> board.board(filter, LocalDate.now())));
        assertThat(many.result().rows().size()).isEqualTo(rowsFew + 3);
        assertThat(many.statements()).isEqualTo(few);
    }
}
