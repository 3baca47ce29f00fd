package org.jiaoyan.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.concurrent.atomic.AtomicLong;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.account.ApiTokens;
import org.jiaoyan.security.Access;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@JiaoyanIntegrationTest
class ApiIntegrationTests {

    private static final AtomicLong MOBILES = new AtomicLong(16_600_000_000L + (System.nanoTime() % 1_000_000) * 100);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApiTokens tokens;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long jksSchool() {
        return TestUsers.load(users, "jks").institutionId();
    }

    private String body(String name, String mobile, Integer version) {
        return """
                {"schoolId": %d, "name": "%s", "gender": "F", "mobile": "%s", "birthDate": "1990-05-01",
                 "workStartDate": "2013-09-01", "titleCode": "T2", "subjects": ["MATH"], "version": %s}"""
                .formatted(jksSchool(), name, mobile, version);
    }

    private long createTeacher(String name) throws Exception {
        String json = mvc.perform(post("/api/v1/teachers").with(httpBasic("jks", TestUsers.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body(name, String.valueOf(MOBILES.incrementAndGet()), null)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.startsWith("/api/v1/teachers/")))
                .andExpect(jsonPath("$.titleLabel").value("二级教师"))
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    @Test
    void listsHaveTheAgreedShape() throws Exception {
        mvc.perform(get("/api/v1/teachers").param("size", "5").with(httpBasic("jks", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(5))
                .andExpect(jsonPath("$.total").isNumber())
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(5));
        mvc.perform(get("/api/v1/schools").with(httpBasic("county", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name", Matchers.hasItem(Matchers.containsString("实验小学"))));
    }

    @Test
    void anotherSchoolsTeacherIsNotFoundAsProblemJson() throws Exception {
        long id = createTeacher("接口越权");
        mvc.perform(get("/api/v1/teachers/" + id).with(httpBasic("teacher2", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("记录不存在，或您无权查看"));
        mvc.perform(get("/api/v1/teachers/" + id).with(httpBasic("jks", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("接口越权"));
    }

    @Test
    void badInputIs422WithFieldErrorsInChinese() throws Exception {
        mvc.perform(post("/api/v1/teachers").with(httpBasic("jks", TestUsers.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body("坏手机", "12345", null)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("mobile"))
                .andExpect(jsonPath("$.errors[0].message").value("手机号码应为 11 位数字"));
    }

    @Test
    void staleVersionIs409AndChangesNothing() throws Exception {
        long id = createTeacher("接口版本");
        String mobile = String.valueOf(MOBILES.incrementAndGet());
        mvc.perform(put("/api/v1/teachers/" + id).with(httpBasic("jks", TestUsers.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body("接口版本一", mobile, 0)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/v1/teachers/" + id).with(httpBasic("jks", TestUsers.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body("接口版本二", mobile, 0)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("此记录已被他人修改，请刷新后重试"));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from audit_log where outcome = 'FAILURE' and summary like ?")
                .param("/api/v1/teachers/" + id + " %").query(Long.class).single()).as("refused change is audited").isEqualTo(1);
        mvc.perform(get("/api/v1/teachers/" + id).with(httpBasic("jks", TestUsers.DEMO_PASSWORD)))
                .andExpect(jsonPath("$.name").value("接口版本一"));
    }

    @Test
    void unauthenticatedCallsGet401ProblemJson() throws Exception {
        mvc.perform(get("/api/v1/teachers"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/teachers").header("Authorization", "Bearer jy_notatoken"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void personalTokenActsAsItsOwnerUntilRevoked() throws Exception {
        var jks = TestUsers.load(users, "jks");
        String secret = Access.as(jks, () -> tokens.create("钉钉小程序"));
        mvc.perform(get("/api/v1/terms/current").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.label", Matchers.containsString("学年")));
        long tokenId = Access.as(jks, () -> tokens.mine().get(0).id());
        Access.as(jks, () -> {
            tokens.revoke(tokenId);
            return null;
        });
        mvc.perform(get("/api/v1/terms/current").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void onlyAdministratorsCreateUsers() throws Exception {
        String json = """
                {"username": "api_user_%d", "password": "Qingshan-2026x", "roles": ["TEACHER"]}""".formatted(System.nanoTime() % 100000);
        mvc.perform(post("/api/v1/users").with(httpBasic("jks", TestUsers.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", TestUsers.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").isNumber());
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", TestUsers.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.replace("Qingshan-2026x", "short")))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void openApiDescribesTheEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/api/v1/teachers/import")))
                .andExpect(content().string(Matchers.containsString("/api/v1/terms/current")));
    }
}
