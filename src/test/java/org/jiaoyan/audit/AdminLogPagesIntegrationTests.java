package org.jiaoyan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.dictionary.DictItem;
import org.jiaoyan.dictionary.Dictionaries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@JiaoyanIntegrationTest
class AdminLogPagesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Dictionaries dictionaries;

    private DictItem calligraphy() {
        dictionaries.invalidate();
        return dictionaries.allItems("subject").stream().filter(i -> i.code().equals("CALLIGRAPHY")).findFirst().orElseThrow();
    }

    @Test
    void dictionaryEditIsAuditedAndAStaleEditChangesNothing() throws Exception {
        DictItem before = calligraphy();
        mvc.perform(post("/admin/dictionaries/item/" + before.id()).with(TestUsers.as(users, "admin")).with(csrf())
                        .param("version", String.valueOf(before.version())).param("label", "书法")
                        .param("aliases", "写字、硬笔书法").param("sortOrder", "130").param("enabled", "true"))
                .andExpect(flash().attribute("flashSuccess", "saved"));
        assertThat(calligraphy().aliases()).containsExactly("写字", "硬笔书法");
        assertThat(dictionaries.resolve("subject", "硬笔书法")).contains("CALLIGRAPHY");

        mvc.perform(post("/admin/dictionaries/item/" + before.id()).with(TestUsers.as(users, "admin")).with(csrf())
                        .param("version", String.valueOf(before.version())).param("label", "书法课")
                        .param("sortOrder", "130").param("enabled", "true"))
                .andExpect(flash().attribute("flashError", "error.staleEdit"));
        assertThat(calligraphy().label()).isEqualTo("书法");

        mvc.perform(post("/admin/dictionaries/subject").with(TestUsers.as(users, "admin")).with(csrf())
                        .param("code", "CHINESE2").param("label", "语文"))
                .andExpect(flash().attribute("flashError", "dictionary.duplicate"));

        mvc.perform(get("/admin/audit").param("type", "dict_item").with(TestUsers.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("硬笔书法")))
                .andExpect(content().string(Matchers.containsString("数据字典")));
    }

    @Test
    void failedLoginsAppearInTheLoginLog() throws Exception {
        mvc.perform(formLogin("/login").user("teacher2").password("wrong-password"));
        mvc.perform(get("/admin/logins").param("username", "teacher2").param("outcome", "BAD_CREDENTIALS")
                        .with(TestUsers.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("密码错误")))
                .andExpect(content().string(Matchers.containsString("teacher2")));
    }

    @Test
    void onlyAdministratorsSeeTheLogsAndDictionaries() throws Exception {
        for (String url : new String[] {"/admin/audit", "/admin/logins", "/admin/dictionaries"}) {
            mvc.perform(get(url).with(TestUsers.as(users, "jks"))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/dictionaries/subject").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("code", "HACK").param("label", "黑客课"))
                .andExpect(flash().attribute("flashError", Matchers.nullValue()));
        assertThat(dictionaries.resolve("subject", "黑客课")).isEmpty();
    }
}
