package org.jiaoyan.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An appeal's file lives in the shared attachment table: filed with the appeal from the card, shown in the appeal list,
 * served to the office under its Chinese name, a 404 for another school. Appeals are never deleted (they stay on the
 * card), so neither is their file. Works in a term of its own (2016).
 */
@JiaoyanIntegrationTest
class AppealFilesIntegrationTests {

    @Autowired UserDetailsService users;
    @Autowired MockMvc mvc;
    @Autowired Schemes schemes;
    @Autowired Appeals appeals;
    @Autowired Terms terms;
    @Autowired JdbcClient jdbc;

    private CurrentUser user(String name) {
        return TestUsers.load(users, name);
    }

    private SchoolTerm term() {
        Long id = jdbc.sql("select id from school_term where school_year = 2016 and semester = 1 and deleted_at is null")
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            id = Access.asSystem(() -> terms.create(2016, 1, LocalDate.of(2016, 9, 1), LocalDate.of(2017, 1, 20), List.of()));
        }
        return terms.get(id);
    }

    @Test
    void aTeacherFilesAnAppealWithACertificateAndTheOfficeOpensIt() throws Exception {
        SchoolTerm term = term();
        Access.as(user("jks"), () -> {
            int latest = schemes.history(term.id(), CheckLevel.TEACHERS).stream().mapToInt(Scheme::revision).max().orElse(0);
            return schemes.save(term.id(), CheckLevel.TEACHERS, latest, new SchemeData(0.33, "申诉附件细则", List.of(
                    new SchemeData.CategoryData("成果", 20.0, 1.0, List.of(new SchemeData.ItemData("award", SchemeItemKind.ENTRY,
                            "获奖", null, null, 3.0, null, null))))));
        });
        long me = user("teacher").personId();
        mvc.perform(multipart("/appeals").file(new MockMultipartFile("file", "获奖证书（县一等奖）.txt", "text/plain",
                                "证书编号 2016-18".getBytes(StandardCharsets.UTF_8)))
                        .param("termId", String.valueOf(term.id())).param("level", "TEACHERS").param("subjectId", String.valueOf(me))
                        .param("itemCode", "award").param("reason", "县优质课一等奖漏登")
                        .with(TestUsers.as(users, "teacher")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess", "score.appeal.filed"));
        long id = Access.as(user("teacher"), () -> appeals.list(term.id(), null)).get(0).id();
        assertThat(jdbc.sql("select file_name from attachment where owner_type = 'assessment.appeal' and owner_id = ?").param(id)
                .query(String.class).list()).containsExactly("获奖证书（县一等奖）.txt");

        for (String reader : List.of("teacher", "jks")) {
            mvc.perform(get("/appeals").param("termId", String.valueOf(term.id())).with(TestUsers.as(users, reader)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("获奖证书（县一等奖）.txt")))
                    .andExpect(content().string(Matchers.containsString("/appeals/" + id + "/file")));
        }
        mvc.perform(get("/appeals/" + id + "/file").with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.allOf(Matchers.startsWith("attachment"),
                        Matchers.containsString("filename*=UTF-8''" + URLEncoder.encode("获奖证书（县一等奖）.txt", StandardCharsets.UTF_8)))))
                .andExpect(content().bytes("证书编号 2016-18".getBytes(StandardCharsets.UTF_8)));
        mvc.perform(get("/appeals/" + id + "/file").with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound());

        // an appeal without a file has no file to open
        long bare = Access.as(user("teacher"), () -> appeals.file(term.id(), CheckLevel.TEACHERS, me, "award", null, "无附件申诉", null));
        mvc.perform(get("/appeals/" + bare + "/file").with(TestUsers.as(users, "jks"))).andExpect(status().isNotFound());
    }
}
