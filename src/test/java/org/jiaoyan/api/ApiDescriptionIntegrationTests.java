package org.jiaoyan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description at /v3/api-docs as an integrator meets it: every operation says how to authenticate and
 * which problem+json errors it answers, the documented error shape is the one really sent, and a maintained linter
 * (Redocly CLI, "recommended" rules, src/test/resources/redocly.yaml) finds no error and no warning.
 * The linter runs with -Djiaoyan.apilint=true (CI installs it into ~/.cache/jiaoyan-npm and switches it on).
 */
@JiaoyanIntegrationTest
class ApiDescriptionIntegrationTests {

    static final Path DESCRIPTION = Path.of("target", "openapi.json");
    static final Path REDOCLY = Path.of(System.getProperty("jiaoyan.apilint.redocly",
            System.getProperty("user.home") + "/.cache/jiaoyan-npm/redocly/node_modules/.bin/redocly"));
    static final Path REDOCLY_CONFIG = Path.of("src", "test", "resources", "redocly.yaml");
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Autowired MockMvc mvc;

    String json;
    DocumentContext doc;

    @BeforeEach
    void description() throws Exception {
        json = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        doc = JsonPath.parse(json);
    }

    @Test
    void everyOperationSaysHowToAuthenticateAndWhichErrorsItAnswers() {
        Map<String, Object> schemes = doc.read("$.components.securitySchemes");
        assertThat(doc.<String>read("$.components.securitySchemes.basicAuth.scheme")).isEqualTo("basic");
        assertThat(doc.<String>read("$.components.securitySchemes.bearerAuth.scheme")).isEqualTo("bearer");
        assertThat(schemes).hasSize(2);
        Map<String, Map<String, Map<String, Object>>> paths = doc.read("$.paths");
        Set<String> operationIds = new HashSet<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                String base = "$.paths['" + path.getKey() + "']." + op.getKey();
                String id = doc.read(base + ".operationId");
                assertThat(id).as(where).matches("[a-z][A-Za-z]+");
                assertThat(operationIds.add(id)).as("operationId %s of %s is unique", id, where).isTrue();
                assertThat(doc.<List<Map<String, Object>>>read(base + ".security")).as(where)
                        .containsExactly(Map.of("basicAuth", List.of()), Map.of("bearerAuth", List.of()));
                Map<String, Map<String, Object>> responses = doc.read(base + ".responses");
                assertThat(responses).as(where).containsKeys("401", "403");
                assertThat(responses.keySet().stream().filter(c -> c.startsWith("2"))).as(where).hasSize(1);
                for (var response : responses.entrySet()) {
                    if (response.getKey().startsWith("4")) {
                        assertThat(doc.<Map<String, Object>>read(base + ".responses['" + response.getKey() + "'].content"))
                                .as("%s answers %s as problem+json", where, response.getKey())
                                .containsOnlyKeys("application/problem+json");
                    }
                }
                if (path.getKey().contains("{")) {
                    assertThat(responses).as(where).containsKey("404");
                }
                if (op.getValue().containsKey("requestBody")) {
                    assertThat(responses).as(where).containsKeys("400", "422");
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(29);
        assertThat(doc.<String>read("$.paths['/api/v1/teachers/{id}'].put.responses['409'].content['application/problem+json'].schema.$ref"))
                .endsWith("/ProblemDetail");
        assertThat(doc.<String>read("$.paths['/api/v1/teachers/import'].post.responses['422'].content['application/problem+json'].schema.$ref"))
                .endsWith("/ImportProblemDetail");
        assertThat(doc.<String>read("$.paths['/api/v1/teachers'].post.responses['422'].content['application/problem+json'].schema.$ref"))
                .endsWith("/ValidationProblemDetail");
    }

    @Test
    void theDescriptionNamesItsLicenceTagsAndPagedLists() {
        assertThat(doc.<String>read("$.info.license.name")).isEqualTo("Proprietary");
        assertThat(doc.<String>read("$.info.description")).contains("Bearer jy_", "application/problem+json");
        assertThat(doc.<List<String>>read("$.tags[?(!@.description)].name")).as("tags without a description").isEmpty();
        assertThat(doc.<List<String>>read("$.tags[*].name")).doesNotHaveDuplicates().contains("教师", "学期计划");
        assertThat(doc.<List<String>>read("$.components.schemas.PageResultTeacherJson.required"))
                .containsExactlyInAnyOrder("items", "total", "page", "size");
        assertThat(doc.<String>read("$.paths['/api/v1/teachers'].get.responses['200'].content['application/json'].schema.$ref"))
                .endsWith("/PageResultTeacherJson");
    }

    @Test
    void documentedProblemFieldsAreTheOnesTheApiSends() throws Exception {
        Set<String> problem = doc.<Map<String, Object>>read("$.components.schemas.ProblemDetail.properties").keySet();
        Set<String> fieldError = doc.<Map<String, Object>>read(
                "$.components.schemas.ValidationProblemDetail.properties.errors.items.properties").keySet();

        String notFound = mvc.perform(get("/api/v1/teachers/987654321").with(httpBasic("jks", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.parse(notFound).<Map<String, Object>>read("$").keySet()).isSubsetOf(problem)
                .contains("status", "detail", "requestId");

        String unauthorized = mvc.perform(get("/api/v1/teachers")).andExpect(status().isUnauthorized())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.parse(unauthorized).<Map<String, Object>>read("$").keySet()).isSubsetOf(problem);

        String invalid = mvc.perform(post("/api/v1/teachers").with(httpBasic("jks", TestUsers.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"\"}"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        DocumentContext body = JsonPath.parse(invalid);
        assertThat(body.<Map<String, Object>>read("$").keySet()).isSubsetOf(
                doc.<Map<String, Object>>read("$.components.schemas.ValidationProblemDetail.properties").keySet());
        List<Map<String, Object>> errors = body.read("$.errors");
        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.keySet()).isSubsetOf(fieldError));
    }

    @Test
    void theLinterFindsNoErrorAndNoWarning() throws Exception {
        // pretty-printed, so that the linter's line numbers lead somewhere
        JsonMapper mapper = JsonMapper.builder().build();
        Files.writeString(DESCRIPTION, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(json)));
        Assumptions.assumeTrue(Boolean.getBoolean("jiaoyan.apilint"),
                "the OpenAPI linter runs with -Djiaoyan.apilint=true (on in CI; needs Redocly CLI in ~/.cache/jiaoyan-npm)");
        if (!Files.isExecutable(REDOCLY)) {
            fail("-Djiaoyan.apilint=true but Redocly CLI is not at " + REDOCLY + ". Install it with\n"
                    + "  npm install --prefix ~/.cache/jiaoyan-npm/redocly @redocly/cli@2.77.0\n"
                    + "(.ci/run does this), or point -Djiaoyan.apilint.redocly at another redocly executable");
        }
        Path report = DESCRIPTION.resolveSibling("openapi-lint.json");
        Path log = DESCRIPTION.resolveSibling("openapi-lint.log");
        ProcessBuilder lint = new ProcessBuilder(REDOCLY.toString(), "lint", "--config", REDOCLY_CONFIG.toString(),
                "--format", "json", DESCRIPTION.toString())
                .redirectOutput(report.toFile()).redirectError(log.toFile());
        lint.environment().put("REDOCLY_TELEMETRY", "off");
        lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        lint.environment().put("NO_COLOR", "1");
        Process process = lint.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Redocly lint did not finish in 120 s");
        }
        DocumentContext result = parseReport(report, log);
        int errors = result.read("$.totals.errors");
        int warnings = result.read("$.totals.warnings");
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> p : result.<List<Map<String, Object>>>read("$.problems")) {
            problems.add(p.get("severity") + " " + p.get("ruleId") + ": " + p.get("message") + " at "
                    + JsonPath.parse(p).read("$.location[0].pointer"));
        }
        assertThat(problems).as("Redocly lint of %s (%d errors, %d warnings); a rule may be switched off only in %s, "
                + "with the reason written beside it", DESCRIPTION, errors, warnings, REDOCLY_CONFIG).isEmpty();
        assertThat(errors + warnings).isZero();
    }

    private static DocumentContext parseReport(Path report, Path log) throws IOException {
        String out = Files.readString(report);
        int start = out.indexOf('{');
        if (start < 0) {
            fail("Redocly lint wrote no report; its output:\n" + Files.readString(log));
        }
        return JsonPath.parse(out.substring(start));
    }
}
