package org.jiaoyan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Every response says which scripts may run (our own files only), and no page needs an inline one. */
@JiaoyanIntegrationTest
class ContentSecurityPolicyIntegrationTests {

    private static final Pattern INLINE_HANDLER = Pattern.compile("[\\s\"',](th:)?on[a-z]+=", Pattern.CASE_INSENSITIVE);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;

    @Test
    void thePolicyIsOnPagesTheApiAndErrorPages() throws Exception {
        for (MockHttpServletResponse r : List.of(
                mvc.perform(get("/login")).andReturn().getResponse(),
                mvc.perform(get("/plans").with(TestUsers.as(users, "jks"))).andReturn().getResponse(),
                mvc.perform(get("/api/v1/teachers").with(TestUsers.as(users, "jks"))).andReturn().getResponse(),
                mvc.perform(get("/api/v1/teachers")).andReturn().getResponse(), // 401 problem+json
                mvc.perform(get("/activities/abc").with(TestUsers.as(users, "jks"))).andReturn().getResponse(),
                mvc.perform(get("/assets/js/app.js")).andReturn().getResponse())) {
            assertThat(r.getHeader(ContentSecurityPolicyFilter.HEADER)).isEqualTo(ContentSecurityPolicyFilter.POLICY);
        }
        assertThat(ContentSecurityPolicyFilter.POLICY).contains("script-src 'self'").doesNotContain("unsafe-eval")
                .contains("object-src 'none'").contains("frame-ancestors 'self'");
        assertThat(ContentSecurityPolicyFilter.POLICY.split("script-src")[1].split(";")[0]).doesNotContain("unsafe-inline");
    }

    @Test
    void renderedPagesHaveNoInlineScriptOrEventHandler() throws Exception {
        for (String url : List.of("/", "/plans", "/activities", "/activities/new", "/observations", "/people", "/mentoring",
                "/forms", "/notices", "/profile")) {
            Document page = Jsoup.parse(mvc.perform(get(url).with(TestUsers.as(users, "jks"))).andReturn().getResponse()
                    .getContentAsString());
            assertThat(page.select("script:not([src])")).as(url + " inline script").isEmpty();
            assertThat(page.getAllElements()).as(url + " inline event handlers").allSatisfy(e ->
                    assertThat(e.attributes().asList()).noneMatch(a -> a.getKey().toLowerCase().startsWith("on")));
            assertThat(page.select("[href^=javascript:]")).as(url).isEmpty();
        }
    }

    @Test
    void templatesHaveNoInlineEventHandlers() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            List<String> offending = files.filter(p -> p.toString().endsWith(".html")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream().filter(l -> INLINE_HANDLER.matcher(l).find()).map(l -> p + ": " + l.strip());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(offending).as("use data-confirm / data-autosubmit / data-print (static/js/app.js)").isEmpty();
        }
    }
}
