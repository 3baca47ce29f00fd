package org.jiaoyan.plan;

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
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.Terms;
import org.jiaoyan.security.Access;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An item's evidence files live in the shared attachment table: uploaded on the item page, listed, served under their
 * Chinese name, deleted into the item's recycle bin and restored, and a 404 for another school.
 */
@JiaoyanIntegrationTest
class PlanEvidenceIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Plans plans;
    @Autowired PlanItems items;
    @Autowired Terms terms;
    @Autowired OrgUnits units;
    @Autowired JdbcClient jdbc;

    @Test
    void aGroupLeaderUploadsTheGroupsPlanDeletesItAndTakesItBack() throws Exception {
        PlanFixtures fx = new PlanFixtures(users, plans, items, terms, units);
        long planId = fx.published("佐证附件计划");
        PlanItem it = fx.item(planId, "各教研组、课题组制定学期计划");
        String itemUrl = "/plans/" + planId + "/items/" + it.id();
        MockMultipartFile file = new MockMultipartFile("file", "语文组学期计划.txt", "text/plain",
                "一、指导思想".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart(itemUrl + "/evidence").file(file).with(TestUsers.as(users, "zuzhang")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess", "plan.item.evidence.uploaded"));

        long fileId = jdbc.sql("select id from attachment where owner_type = 'plan.evidence' and owner_id = ? and deleted_at is null")
                .param(it.id()).query(Long.class).single();
        assertThat(fx.item(planId, "各教研组、课题组制定学期计划").sharesDone()).isEqualTo(1);
        String page = mvc.perform(get(itemUrl).with(TestUsers.as(users, "zuzhang"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("语文组学期计划.txt", itemUrl + "/evidence/" + fileId + "/delete");

        mvc.perform(get(itemUrl + "/evidence/" + fileId).with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.allOf(Matchers.startsWith("attachment"),
                        Matchers.containsString("filename*=UTF-8''" + URLEncoder.encode("语文组学期计划.txt", StandardCharsets.UTF_8)))))
                .andExpect(content().bytes("一、指导思想".getBytes(StandardCharsets.UTF_8)));
        mvc.perform(get(itemUrl + "/evidence/" + fileId).with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound());
        mvc.perform(post(itemUrl + "/evidence/" + fileId + "/delete").with(TestUsers.as(users, "teacher2")).with(csrf()))
                .andExpect(status().isNotFound());
        // a file id of another item is not this item's
        PlanItem other = fx.item(planId, "青蓝工程师徒结对");
        mvc.perform(get("/plans/" + planId + "/items/" + other.id() + "/evidence/" + fileId).with(TestUsers.as(users, "jks")))
                .andExpect(status().isNotFound());

        mvc.perform(post(itemUrl + "/evidence/" + fileId + "/delete").with(TestUsers.as(users, "zuzhang")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess", "plan.item.evidence.deleted"));
        assertThat(Access.as(fx.user("zuzhang"), () -> items.evidence(it.id()))).isEmpty();
        assertThat(fx.item(planId, "各教研组、课题组制定学期计划").sharesDone()).isZero();
        mvc.perform(get(itemUrl + "/evidence/" + fileId).with(TestUsers.as(users, "jks"))).andExpect(status().isNotFound());
        page = mvc.perform(get(itemUrl).with(TestUsers.as(users, "zuzhang"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("已删除的材料（1）", itemUrl + "/evidence/" + fileId + "/restore");

        mvc.perform(post(itemUrl + "/evidence/" + fileId + "/restore").with(TestUsers.as(users, "zuzhang")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess", "restored"));
        assertThat(Access.as(fx.user("zuzhang"), () -> items.evidence(it.id()))).extracting(PlanItems.Evidence::fileName)
                .containsExactly("语文组学期计划.txt");
        assertThat(fx.item(planId, "各教研组、课题组制定学期计划").sharesDone()).isEqualTo(1);
    }
}
