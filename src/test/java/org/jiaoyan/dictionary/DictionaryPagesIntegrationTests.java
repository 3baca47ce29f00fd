package org.jiaoyan.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicLong;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@JiaoyanIntegrationTest
class DictionaryPagesIntegrationTests {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Dictionaries dictionaries;

    private DictItem item(String kind, String code) {
        dictionaries.invalidate();
        return dictionaries.allItems(kind).stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void adminPicksAKindAndSeesItsItemsWithAliases() throws Exception {
        mvc.perform(get("/admin/dictionaries").param("kind", "title").with(TestUsers.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("一级教师")))
                .andExpect(content().string(Matchers.containsString("职称")));
        DictItem chinese = item("subject", "CHINESE");
        mvc.perform(get("/admin/dictionaries").param("edit", String.valueOf(chinese.id())).with(TestUsers.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"dict-edit\"")))
                .andExpect(content().string(Matchers.containsString("name=\"version\" value=\"" + chinese.version() + "\"")));
    }

    @Test
    void adminAddsAnItemAndADuplicateIsAFieldError() throws Exception {
        String code = "HONOUR_T" + SEQ.incrementAndGet();
        String label = "测试荣誉" + SEQ.get();
        mvc.perform(post("/admin/dictionaries/honour").with(TestUsers.as(users, "admin")).with(csrf())
                        .param("code", code.toLowerCase()).param("label", label).param("aliases", "试验荣誉" + SEQ.get() + "，Test Honour")
                        .param("sortOrder", "990"))
                .andExpect(redirectedUrl("/admin/dictionaries?kind=honour"))
                .andExpect(flash().attribute("flashSuccess", "dict.created"));
        DictItem added = item("honour", code);
        assertThat(added.aliases()).containsExactly("试验荣誉" + SEQ.get(), "Test Honour");
        assertThat(dictionaries.resolve("honour", "test honour")).contains(code);

        mvc.perform(post("/admin/dictionaries/honour").with(TestUsers.as(users, "admin")).with(csrf())
                        .param("code", code).param("label", "另一个名称"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("newItem", "code"))
                .andExpect(content().string(Matchers.containsString("与已有条目重复")))
                .andExpect(content().string(Matchers.containsString("value=\"另一个名称\"")));
        mvc.perform(post("/admin/dictionaries/honour").with(TestUsers.as(users, "admin")).with(csrf())
                        .param("code", "含中文").param("label", "随便"))
                .andExpect(model().attributeHasFieldErrors("newItem", "code"));
        mvc.perform(post("/admin/dictionaries/honour").with(TestUsers.as(users, "admin")).with(csrf())
                        .param("code", "NO_LABEL").param("label", " ").param("rank", "x"))
                .andExpect(model().attributeHasFieldErrors("newItem", "label", "rank"));

        DictItem other = dictionaries.items("honour").stream().filter(i -> i.id() != added.id()).findFirst().orElseThrow();
        mvc.perform(post("/admin/dictionaries/item/" + added.id()).with(TestUsers.as(users, "admin")).with(csrf())
                        .param("version", String.valueOf(added.version())).param("label", other.label())
                        .param("sortOrder", "990").param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("editItem", "label"));
    }

    @Test
    void editIsAuditedAndAStaleEditChangesNothing() throws Exception {
        DictItem before = item("subject", "CALLIGRAPHY");
        mvc.perform(post("/admin/dictionaries/item/" + before.id()).with(TestUsers.as(users, "admin")).with(csrf())
                        .param("version", String.valueOf(before.version())).param("label", "书法")
                        .param("aliases", "写字、硬笔书法").param("sortOrder", "130").param("enabled", "true"))
                .andExpect(redirectedUrl("/admin/dictionaries?kind=subject"))
                .andExpect(flash().attribute("flashSuccess", "saved"));
        assertThat(item("subject", "CALLIGRAPHY").aliases()).containsExactly("写字", "硬笔书法");
        assertThat(dictionaries.resolve("subject", "硬笔书法")).contains("CALLIGRAPHY");

        mvc.perform(post("/admin/dictionaries/item/" + before.id()).with(TestUsers.as(users, "admin")).with(csrf())
                        .param("version", String.valueOf(before.version())).param("label", "书法课")
                        .param("sortOrder", "130").param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("此记录已被他人修改，请刷新后重试")))
                .andExpect(content().string(Matchers.containsString("value=\"书法课\"")));
        assertThat(item("subject", "CALLIGRAPHY").label()).isEqualTo("书法");

        mvc.perform(get("/admin/audit").param("type", "dict_item").param("q", "书法").with(TestUsers.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("硬笔书法")))
                .andExpect(content().string(Matchers.containsString("数据字典")));
    }

    @Test
    void disabledItemStaysOnTheAdminPageButLeavesTheForms() throws Exception {
        String code = "GRADE_T" + SEQ.incrementAndGet();
        mvc.perform(post("/admin/dictionaries/grade").with(TestUsers.as(users, "admin")).with(csrf())
                        .param("code", code).param("label", "测试年级" + SEQ.get()).param("sortOrder", "999"))
                .andExpect(status().is3xxRedirection());
        DictItem added = item("grade", code);
        mvc.perform(post("/admin/dictionaries/item/" + added.id()).with(TestUsers.as(users, "admin")).with(csrf())
                        .param("version", String.valueOf(added.version())).param("label", added.label())
                        .param("sortOrder", "999").param("_enabled", "on"))
                .andExpect(status().is3xxRedirection());
        dictionaries.invalidate();
        assertThat(dictionaries.items("grade")).extracting(DictItem::code).doesNotContain(code);
        assertThat(item("grade", code).enabled()).isFalse();
        mvc.perform(get("/admin/dictionaries").param("kind", "grade").with(TestUsers.as(users, "admin")))
                .andExpect(content().string(Matchers.containsString(code)));
    }

    @Test
    void onlyAdministratorsSeeOrChangeDictionaries() throws Exception {
        DictItem chinese = item("subject", "CHINESE");
        mvc.perform(get("/admin/dictionaries").with(TestUsers.as(users, "jks"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/dictionaries/subject").with(TestUsers.as(users, "principal")).with(csrf())
                        .param("code", "HACK").param("label", "黑客课"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/dictionaries/item/" + chinese.id()).with(TestUsers.as(users, "county")).with(csrf())
                        .param("version", String.valueOf(chinese.version())).param("label", "国文").param("enabled", "true"))
                .andExpect(status().isForbidden());
        assertThat(dictionaries.resolve("subject", "黑客课")).isEmpty();
        assertThat(item("subject", "CHINESE").label()).isEqualTo(chinese.label());
    }
}
