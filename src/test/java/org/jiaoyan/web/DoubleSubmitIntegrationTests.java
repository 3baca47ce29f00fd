package org.jiaoyan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.activity.Activities;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A double-clicked 保存 creates one record: every POST form carries a one-time key, and a repeated key runs once. */
@JiaoyanIntegrationTest
class DoubleSubmitIntegrationTests {

    private static final Pattern KEY = Pattern.compile("name=\"" + DoubleSubmitGuard.PARAM + "\" value=\"([^\"]+)\"");

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Activities activities;
    @Autowired JdbcClient jdbc;

    @Test
    void postFormsCarryAOneTimeKeyAndFilterFormsDoNot() throws Exception {
        String page = mvc.perform(get("/activities/new").with(TestUsers.as(users, "jks")))
                .andReturn().getResponse().getContentAsString();
        Matcher m = KEY.matcher(page);
        assertThat(m.find()).as("the activity form has the key").isTrue();
        String first = m.group(1);
        String again = mvc.perform(get("/activities/new").with(TestUsers.as(users, "jks")))
                .andReturn().getResponse().getContentAsString();
        assertThat(again).as("a fresh key for every form shown").doesNotContain(first).contains(DoubleSubmitGuard.PARAM);

        for (String url : List.of("/activities", "/people", "/plans")) {
            var doc = org.jsoup.Jsoup.parse(mvc.perform(get(url).with(TestUsers.as(users, "jks"))).andReturn().getResponse()
                    .getContentAsString());
            assertThat(doc.select("form")).isNotEmpty().allSatisfy(form -> {
                boolean post = "post".equalsIgnoreCase(form.attr("method"));
                // filter forms are GET: their fields go into the URL, no key there
                assertThat(form.select("input[name=" + DoubleSubmitGuard.PARAM + "]")).as(url + " " + form.attr("action"))
                        .hasSize(post ? 1 : 0);
            });
        }
    }

    @Test
    void twentyConcurrentIdenticalCreatesMakeOneActivityAndAllLandOnIt() throws Exception {
        String title = "重复提交测试 " + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        List<MockHttpServletResponse> responses = postConcurrently(20, title, key);

        long created = jdbc.sql("select count(*) from activity where title = ?").param(title).query(Long.class).single();
        assertThat(created).isEqualTo(1);
        long id = jdbc.sql("select id from activity where title = ?").param(title).query(Long.class).single();
        assertThat(responses).allSatisfy(r -> {
            assertThat(r.getStatus()).isEqualTo(302);
            assertThat(r.getRedirectedUrl()).endsWith("/activities/" + id);
        });

        // the next form shown has a new key: a second, deliberate create works
        postConcurrently(1, title, UUID.randomUUID().toString());
        assertThat(jdbc.sql("select count(*) from activity where title = ?").param(title).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aFormThatCameBackWithErrorsCanBeSentAgainWithTheSameKey() throws Exception {
        String key = UUID.randomUUID().toString();
        String title = "改正后再提交 " + UUID.randomUUID().toString().substring(0, 8);
        var invalid = mvc.perform(activityCreate("", key)).andReturn().getResponse();
        assertThat(invalid.getStatus()).isEqualTo(200);
        var valid = mvc.perform(activityCreate(title, key)).andReturn().getResponse();
        assertThat(valid.getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from activity where title = ?").param(title).query(Long.class).single()).isEqualTo(1);
    }

    private List<MockHttpServletResponse> postConcurrently(int n, String title, String key) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(activityCreate(title, key)).andReturn().getResponse();
                }));
            }
            start.countDown();
            List<MockHttpServletResponse> responses = new ArrayList<>();
            for (Future<MockHttpServletResponse> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder activityCreate(String title, String key) {
        CurrentUser jks = TestUsers.load(users, "jks");
        long unit = Access.as(jks, () -> activities.organiserUnits()).get(0).id();
        long type = Access.as(jks, () -> activities.types()).get(0).id();
        return post("/activities/new").with(TestUsers.as(users, "jks")).with(csrf())
                .param("organiserUnitId", String.valueOf(unit)).param("typeId", String.valueOf(type))
                .param("title", title).param("date", LocalDate.now().plusDays(3).toString())
                .param("startTime", "15:30").param("endTime", "16:30").param("place", "三楼会议室")
                .param(DoubleSubmitGuard.PARAM, key);
    }
}
