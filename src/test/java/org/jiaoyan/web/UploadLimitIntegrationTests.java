package org.jiaoyan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jiaoyan.TestDatabase;
import org.jiaoyan.TestUsers;
import org.jiaoyan.activity.Activities;
import org.jiaoyan.activity.ActivityData;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;

/**
 * Against the real server (the size limit is the container's; MockMvc has none): a phone photo of 11 MB on a page
 * comes back to that page with the limit said, nothing saved; the API answers 413 problem+json; error pages carry the
 * Content-Security-Policy too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"jiaoyan.demo=true", "jiaoyan.admin-password=" + TestUsers.ADMIN_PASSWORD, "jiaoyan.files.dir=target/test-files"})
@ContextConfiguration(initializers = TestDatabase.class)
class UploadLimitIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final int ELEVEN_MB = 11 * 1024 * 1024;

    @LocalServerPort int port;
    @Autowired UserDetailsService users;
    @Autowired Activities activities;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anElevenMegabytePhotoComesBackToThePageWithTheLimitAndNothingIsSaved() throws Exception {
        login("jks");
        CurrentUser jks = TestUsers.load(users, "jks");
        long id = Access.as(jks, () -> activities.create(new ActivityData(activities.organiserUnits().get(0).id(),
                activities.types().get(0).id(), "上传限制 " + UUID.randomUUID().toString().substring(0, 6),
                LocalDateTime.now().plusDays(2), LocalDateTime.now().plusDays(2).plusHours(1), "三楼会议室", false, null)));
        String page = "/activities/" + id;
        String csrf = csrf(get(page).body());

        byte[] photo = new byte[ELEVEN_MB];
        photo[0] = (byte) 0xFF;
        photo[1] = (byte) 0xD8;
        photo[2] = (byte) 0xFF;
        HttpResponse<String> answer = multipart(page + "/files", csrf, "IMG_20261201_101500.jpg", photo, url(page));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue(page);
        String back = get(page).body();
        assertThat(back).contains("文件不能超过 10 MB");
        assertThat(Access.as(jks, () -> activities.files(id))).isEmpty();
        // shown once: the next visit has no message
        assertThat(get(page).body()).doesNotContain("文件不能超过 10 MB");
    }

    @Test
    void theApiAnswersAnOversizedUploadWith413ProblemJson() throws Exception {
        String boundary = "----jiaoyan" + UUID.randomUUID();
        byte[] body = multipartBody(boundary, null, "名单.xlsx", new byte[ELEVEN_MB]);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url("/api/v1/teachers/import?schoolId=1"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString(("jks:" + TestUsers.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("文件不能超过 10 MB");
    }

    @Test
    void errorPagesFromTheContainerCarryThePolicy() throws Exception {
        login("teacher");
        HttpResponse<String> missing = get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue(ContentSecurityPolicyFilter.HEADER)).hasValue(ContentSecurityPolicyFilter.POLICY);
        HttpResponse<String> notNumber = get("/plans/abc");
        assertThat(notNumber.statusCode()).isEqualTo(404);
        assertThat(notNumber.body()).contains("记录不存在");
        assertThat(notNumber.headers().firstValue(ContentSecurityPolicyFilter.HEADER)).isPresent();
    }

    private void login(String user) throws Exception {
        String csrf = csrf(get("/login").body());
        String form = "username=" + user + "&password=" + TestUsers.DEMO_PASSWORD + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> multipart(String path, String csrf, String fileName, byte[] content, URI referer)
            throws IOException, InterruptedException {
        String boundary = "----jiaoyan" + UUID.randomUUID();
        return http.send(HttpRequest.newBuilder(url(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Referer", referer.toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody(boundary, csrf, fileName, content))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] multipartBody(String boundary, String csrf, String fileName, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 1024);
        if (csrf != null) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
