package org.jiaoyan.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A check's file lives in the shared attachment table: uploaded on the check's page, shown there, served under its
 * Chinese name, replaced by a later upload, gone with the check into the recycle bin and back with it, and a 404 for
 * a school's users.
 */
@JiaoyanIntegrationTest
class QualityFilesIntegrationTests {

    @Autowired UserDetailsService users;
    @Autowired MockMvc mvc;
    @Autowired QcChecks checks;
    @Autowired QualityDepartments departments;
    @Autowired JdbcClient jdbc;

    @Test
    void theHeadUploadsTheCheckSheetReplacesItAndItFollowsTheCheckIntoTheRecycleBin() throws Exception {
        CurrentUser head = TestUsers.load(users, "hushizhang");
        Department ward = Access.as(head, () -> departments.managed()).get(0);
        long checker = Access.as(head, () -> departments.staff(ward.id())).get(0).id();
        long id = Access.as(head, () -> checks.create(new QcCheckData(ward.id(), LocalDate.now(), "查对制度（附件测试）",
                checker, QcResult.PASSED, null, null)));
        String url = "/quality/checks/" + id;

        mvc.perform(multipart(url + "/file").file(new MockMultipartFile("file", "查对记录表.txt", "text/plain",
                        "第一版".getBytes(StandardCharsets.UTF_8))).with(TestUsers.as(users, "hushizhang")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess", "quality.check.fileSaved"));
        mvc.perform(multipart(url + "/file").file(new MockMultipartFile("file", "查对记录表（修改）.txt", "text/plain",
                        "第二版".getBytes(StandardCharsets.UTF_8))).with(TestUsers.as(users, "hushizhang")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess", "quality.check.fileSaved"));
        assertThat(jdbc.sql("select file_name from attachment where owner_type = 'quality.check' and owner_id = ? and deleted_at is null")
                .param(id).query(String.class).list()).containsExactly("查对记录表（修改）.txt");

        mvc.perform(get(url).with(TestUsers.as(users, "hushizhang"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("查对记录表（修改）.txt")));
        assertThat(Access.as(head, () -> checks.get(id)).hasFile()).isTrue();
        mvc.perform(get(url + "/file").with(TestUsers.as(users, "hushizhang")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.allOf(Matchers.startsWith("attachment"),
                        Matchers.containsString("filename*=UTF-8''" + URLEncoder.encode("查对记录表（修改）.txt", StandardCharsets.UTF_8)))))
                .andExpect(content().bytes("第二版".getBytes(StandardCharsets.UTF_8)));
        for (String outsider : new String[] {"jks", "teacher2"}) {
            mvc.perform(get(url + "/file").with(TestUsers.as(users, outsider))).andExpect(status().isNotFound());
            mvc.perform(multipart(url + "/file").file(new MockMultipartFile("file", "越权.txt", "text/plain", new byte[] {'x'}))
                    .with(TestUsers.as(users, outsider)).with(csrf())).andExpect(status().isNotFound());
        }

        int version = Access.as(head, () -> checks.get(id)).version();
        mvc.perform(post(url + "/delete").param("version", String.valueOf(version)).with(TestUsers.as(users, "hushizhang")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess", "deleted"));
        mvc.perform(get(url + "/file").with(TestUsers.as(users, "hushizhang"))).andExpect(status().isNotFound());
        mvc.perform(post(url + "/restore").with(TestUsers.as(users, "hushizhang")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess", "restored"));
        mvc.perform(get(url + "/file").with(TestUsers.as(users, "hushizhang"))).andExpect(status().isOk())
                .andExpect(content().bytes("第二版".getBytes(StandardCharsets.UTF_8)));
    }
}
