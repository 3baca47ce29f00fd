package org.jiaoyan.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ChineseDates;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@JiaoyanIntegrationTest
class NoticesIntegrationTests {

    private static final PageQuery FIRST = new PageQuery(1, 20, null, false);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Notices notices;
    @Autowired JdbcClient jdbc;

    private CurrentUser teacher;
    private CurrentUser teacher2;

    /** Each test starts with no unread notices for the two teachers (the database is shared by the test classes). */
    @BeforeEach
    void readEverything() {
        teacher = TestUsers.load(users, "teacher");
        teacher2 = TestUsers.load(users, "teacher2");
        jdbc.sql("update notice set read_at = ? where person_id in (?, ?) and read_at is null")
                .params(LocalDateTime.now(), teacher.personId(), teacher2.personId()).update();
    }

    private static String key() {
        return "test:" + UUID.randomUUID();
    }

    private long sendTo(CurrentUser user, String title, @Nullable String body, @Nullable String link) {
        String key = key();
        assertThat(notices.send(new NoticeRequest(user.personId(), "test", title, body, link, key))).isTrue();
        return jdbc.sql("select id from notice where dedupe_key = ?").param(key).query(Long.class).single();
    }

    @Test
    void sendingTwiceWithTheSameKeyCreatesOneNotice() {
        String key = key();
        assertThat(notices.send(new NoticeRequest(teacher.personId(), "test", "第一次", null, null, key))).isTrue();
        assertThat(notices.send(new NoticeRequest(teacher.personId(), "test", "第二次", null, null, key))).isFalse();
        assertThat(jdbc.sql("select title from notice where dedupe_key = ?").param(key).query(String.class).list())
                .containsExactly("第一次");
    }

    @Test
    void concurrentSendsOfTheSameKeyCreateOneNotice() throws Exception {
        String key = key();
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Boolean> send = () -> {
                    start.await();
                    return notices.send(new NoticeRequest(teacher.personId(), "test", "并发", null, null, key));
                };
                results.add(pool.submit(send));
            }
            start.countDown();
            long created = 0;
            for (Future<Boolean> r : results) {
                created += r.get() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from notice where dedupe_key = ?").param(key).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void teacherSeesTheirNoticeAndOpeningItMarksItRead() {
        long id = sendTo(teacher, "请提交第三周教案", "周五前上传到备课组", "/terms");
        assertThat(Access.as(teacher, notices::unreadCount)).isEqualTo(1);
        assertThat(ids(Access.as(teacher, () -> notices.inbox(false, FIRST)))).contains(id);
        assertThat(ids(Access.as(teacher, () -> notices.inbox(true, FIRST)))).containsExactly(id);
        assertThat(ids(Access.as(teacher2, () -> notices.inbox(false, FIRST)))).doesNotContain(id);

        Notice opened = Access.as(teacher, () -> notices.open(id));
        assertThat(opened.title()).isEqualTo("请提交第三周教案");
        assertThat(opened.readAt()).isNotNull();
        assertThat(Access.as(teacher, notices::unreadCount)).isZero();
        assertThat(ids(Access.as(teacher, () -> notices.inbox(true, FIRST)))).isEmpty();
    }

    @Test
    void inboxIsNewestFirstAndPagedInSql() {
        long older = sendTo(teacher, "较早的通知", null, null);
        long newer = sendTo(teacher, "较新的通知", null, null);
        var page = Access.as(teacher, () -> notices.inbox(true, new PageQuery(1, 1, null, false)));
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(Notice::id).containsExactly(newer);
        var second = Access.as(teacher, () -> notices.inbox(true, new PageQuery(2, 1, null, false)));
        assertThat(second.items()).extracting(Notice::id).containsExactly(older);
    }

    @Test
    void anotherPersonsNoticeIsNotFoundAndStaysUnread() throws Exception {
        long id = sendTo(teacher, "只给教师本人", null, "/terms");
        assertThatThrownBy(() -> Access.as(teacher2, () -> notices.open(id))).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/notices/" + id).with(TestUsers.as(users, "teacher2")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("记录不存在")));
        assertThat(Access.as(teacher, notices::unreadCount)).isEqualTo(1);
    }

    @Test
    void userWithoutAPersonHasAnEmptyInbox() throws Exception {
        CurrentUser admin = TestUsers.load(users, "admin");
        assertThat(admin.personId()).isNull();
        assertThat(Access.as(admin, notices::unreadCount)).isZero();
        assertThat(Access.as(admin, () -> notices.inbox(false, FIRST)).items()).isEmpty();
        mvc.perform(get("/notices").with(TestUsers.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("暂无通知")));
    }

    @Test
    void inboxPageShowsTheNoticeInChinese() throws Exception {
        long id = sendTo(teacher, "教研活动提醒：语文组集体备课", "时间：周三下午第二节\n地点：三楼会议室", "/terms");
        Notice notice = Access.as(teacher, () -> notices.inbox(true, FIRST)).items().get(0);
        assertThat(notice.id()).isEqualTo(id);
        mvc.perform(get("/notices").with(TestUsers.as(users, "teacher")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<title>通知</title>")))
                .andExpect(content().string(Matchers.containsString("教研活动提醒：语文组集体备课")))
                .andExpect(content().string(Matchers.containsString("地点：三楼会议室")))
                .andExpect(content().string(Matchers.containsString(ChineseDates.dateTime(notice.createdAt()))))
                .andExpect(content().string(Matchers.containsString("href=\"/notices/" + id + "\"")))
                .andExpect(content().string(Matchers.containsString("全部标为已读")))
                .andExpect(content().string(Matchers.containsString("fw-bold")));
        // the filter swaps only the list when htmx asks
        mvc.perform(get("/notices").param("unread", "true").header("HX-Request", "true").with(TestUsers.as(users, "teacher")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"results\"")))
                .andExpect(content().string(Matchers.containsString("教研活动提醒：语文组集体备课")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))));
        Access.as(teacher, () -> notices.open(id));
        mvc.perform(get("/notices").param("unread", "true").with(TestUsers.as(users, "teacher")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("没有未读通知")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("教研活动提醒：语文组集体备课"))));
    }

    @Test
    void markAllReadClearsTheUnreadCountAndSaysSo() throws Exception {
        sendTo(teacher, "通知甲", null, null);
        sendTo(teacher, "通知乙", null, null);
        long other = sendTo(teacher2, "别人的通知", null, null);
        assertThat(Access.as(teacher, notices::unreadCount)).isEqualTo(2);
        mvc.perform(post("/notices/read-all").with(TestUsers.as(users, "teacher")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/notices"))
                .andExpect(flash().attribute("flashSuccess", "notice.allRead"));
        assertThat(Access.as(teacher, notices::unreadCount)).isZero();
        assertThat(ids(Access.as(teacher2, () -> notices.inbox(true, FIRST)))).containsExactly(other);
        mvc.perform(post("/notices/read-all").with(TestUsers.as(users, "teacher")))
                .andExpect(status().isForbidden());
    }

    @Test
    void badgeShowsTheUnreadCountAndNothingWhenZero() throws Exception {
        mvc.perform(get("/notices/badge").with(TestUsers.as(users, "teacher")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("bi-bell")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("notice-count"))));
        sendTo(teacher, "角标甲", null, null);
        sendTo(teacher, "角标乙", null, null);
        mvc.perform(get("/notices/badge").with(TestUsers.as(users, "teacher")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.matchesPattern("(?s).*notice-count\">2</span>.*")))
                .andExpect(content().string(Matchers.containsString("通知：2 条未读")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))));
        // every page of a signed-in user loads it
        mvc.perform(get("/profile").with(TestUsers.as(users, "teacher")))
                .andExpect(content().string(Matchers.containsString("hx-get=\"/notices/badge\"")));
    }

    @Test
    void openingFollowsOnlyLinksOnThisSite() throws Exception {
        long local = sendTo(teacher, "本站链接", null, "/terms?tab=1");
        mvc.perform(get("/notices/" + local).with(TestUsers.as(users, "teacher")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/terms?tab=1"));
        for (String outside : List.of("https://evil.example", "//evil.example", "/\\evil.example", "/\t/evil.example",
                "javascript:alert(1)")) {
            long id = sendTo(teacher, "外部链接", null, outside);
            mvc.perform(get("/notices/" + id).with(TestUsers.as(users, "teacher")))
                    .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/notices"));
        }
        long none = sendTo(teacher, "无链接", null, null);
        mvc.perform(get("/notices/" + none).with(TestUsers.as(users, "teacher")))
                .andExpect(redirectedUrl("/notices"));
        assertThat(Access.as(teacher, notices::unreadCount)).isZero();
    }

    private static List<Long> ids(PageResult<Notice> page) {
        return page.items().stream().map(Notice::id).toList();
    }
}
