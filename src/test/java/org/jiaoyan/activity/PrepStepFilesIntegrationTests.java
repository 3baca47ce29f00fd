package org.jiaoyan.activity;

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
import java.time.LocalDateTime;
import java.util.List;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A 集体备课 step's file lives in the shared attachment table: handed in on the activity page, listed there, served
 * under its Chinese name, replaced by a later hand-in, gone with the activity into the recycle bin and back with it,
 * and a 404 for another school.
 */
@JiaoyanIntegrationTest
class PrepStepFilesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Activities activities;
    @Autowired CollectivePrep prep;
    @Autowired OrgDirectory directory;
    @Autowired JdbcClient jdbc;

    private CurrentUser user(String name) {
        return TestUsers.load(users, name);
    }

    @Test
    void aMemberHandsInHerDraftAsAFileReplacesItAndItFollowsTheActivity() throws Exception {
        CurrentUser leader = user("zuzhang");
        long group = directory.groupsLedBy(leader.personId()).get(0);
        long prepType = Access.as(leader, () -> activities.types()).stream().filter(ActivityType::collectivePrep)
                .findFirst().orElseThrow().id();
        LocalDateTime start = LocalDateTime.now().minusDays(1);
        long id = Access.as(leader, () -> activities.create(new ActivityData(group, prepType, "第四单元集体备课（附件）", start,
                start.plusHours(2), null, false, null)));
        LocalDate today = LocalDate.now();
        Access.as(leader, () -> {
            prep.assign(id, List.of(new CollectivePrep.Assignment(leader.personId(), "第1课时《古诗三首》")), today,
                    today.plusDays(2), today.plusDays(9));
            return null;
        });
        PrepStep draft = Access.as(leader, () -> prep.steps(id)).stream()
                .filter(s -> s.personId() == leader.personId() && s.kind() == PrepStep.Kind.DRAFT).findFirst().orElseThrow();
        String stepUrl = "/activities/" + id + "/prep/" + draft.id();

        mvc.perform(multipart(stepUrl).file(new MockMultipartFile("file", "古诗三首教案.txt", "text/plain",
                        "初稿".getBytes(StandardCharsets.UTF_8))).param("version", String.valueOf(draft.version()))
                        .with(TestUsers.as(users, "zuzhang")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess", "prep.handedIn"));
        int version = Access.as(leader, () -> prep.step(draft.id())).version();
        mvc.perform(multipart(stepUrl).file(new MockMultipartFile("file", "古诗三首教案（修改稿）.txt", "text/plain",
                        "修改稿".getBytes(StandardCharsets.UTF_8))).param("version", String.valueOf(version))
                        .param("body", "按研讨意见改了导入")
                        .with(TestUsers.as(users, "zuzhang")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess", "prep.handedIn"));
        assertThat(jdbc.sql("select file_name from attachment where owner_type = 'activity.prep-step' and owner_id = ? and deleted_at is null")
                .param(draft.id()).query(String.class).list()).containsExactly("古诗三首教案（修改稿）.txt");

        mvc.perform(get("/activities/" + id).with(TestUsers.as(users, "zuzhang"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("古诗三首教案（修改稿）.txt")))
                .andExpect(content().string(Matchers.containsString(stepUrl + "/file")));
        mvc.perform(get(stepUrl + "/file").with(TestUsers.as(users, "zuzhang")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.allOf(Matchers.startsWith("attachment"),
                        Matchers.containsString("filename*=UTF-8''" + URLEncoder.encode("古诗三首教案（修改稿）.txt", StandardCharsets.UTF_8)))))
                .andExpect(content().bytes("修改稿".getBytes(StandardCharsets.UTF_8)));
        mvc.perform(get(stepUrl + "/file").with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound());
        // a step of this activity under another activity's id is not found either
        long otherActivity = Access.as(leader, () -> activities.create(new ActivityData(group, prepType, "另一次集体备课（附件）", start,
                start.plusHours(2), null, false, null)));
        mvc.perform(get("/activities/" + otherActivity + "/prep/" + draft.id() + "/file").with(TestUsers.as(users, "zuzhang")))
                .andExpect(status().isNotFound());

        int activityVersion = Access.as(leader, () -> activities.get(id)).version();
        mvc.perform(post("/activities/" + id + "/delete").param("version", String.valueOf(activityVersion))
                        .with(TestUsers.as(users, "zuzhang")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess", "activity.deleted"));
        mvc.perform(get(stepUrl + "/file").with(TestUsers.as(users, "zuzhang"))).andExpect(status().isNotFound());
        mvc.perform(post("/activities/" + id + "/restore").with(TestUsers.as(users, "zuzhang")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess", "restored"));
        mvc.perform(get(stepUrl + "/file").with(TestUsers.as(users, "zuzhang"))).andExpect(status().isOk())
                .andExpect(content().bytes("修改稿".getBytes(StandardCharsets.UTF_8)));
    }
}
