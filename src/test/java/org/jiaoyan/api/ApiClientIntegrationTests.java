package org.jiaoyan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jiaoyan.TestDatabase;
import org.jiaoyan.TestUsers;
import org.jiaoyan.account.ApiTokens;
import org.jiaoyan.security.Access;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;

/**
 * What an integrator does with /v3/api-docs: generate a Java client with OpenAPI Generator (java, library native:
 * the JDK's HttpClient and Jackson), compile it, and list teachers through it with a personal Bearer token against
 * the running app. A description whose schemas, paths or media types don't match the answers fails here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"jiaoyan.demo=true", "jiaoyan.admin-password=" + TestUsers.ADMIN_PASSWORD, "jiaoyan.files.dir=target/test-files"})
@ContextConfiguration(initializers = TestDatabase.class)
class ApiClientIntegrationTests {

    static final Path CLIENT = Path.of("target", "generated-client");
    static final String PACKAGE = "org.jiaoyan.client";

    @LocalServerPort int port;
    @Autowired UserDetailsService users;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;

    @Test
    void aGeneratedClientListsTeachersWithABearerToken() throws Throwable {
        Path description = CLIENT.resolveSibling("generated-client-openapi.json");
        HttpResponse<String> docs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        Files.writeString(description, docs.body());

        deleteRecursively(CLIENT);
        CodegenConfigurator config = new CodegenConfigurator()
                .setGeneratorName("java")
                .setLibrary("native")
                .setInputSpec(description.toAbsolutePath().toString())
                .setOutputDir(CLIENT.toAbsolutePath().toString())
                .setInvokerPackage(PACKAGE)
                .setApiPackage(PACKAGE + ".api")
                .setModelPackage(PACKAGE + ".model")
                // only what is on this test classpath: Jackson 2 (from springdoc), JSpecify, jakarta.annotation
                .addAdditionalProperty("openApiNullable", false)
                .addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("useJspecify", true)
                .addAdditionalProperty("annotationLibrary", "none")
                .addAdditionalProperty("hideGenerationTimestamp", true)
                .addGlobalProperty("apiTests", "false")
                .addGlobalProperty("modelTests", "false")
                .addGlobalProperty("apiDocs", "false")
                .addGlobalProperty("modelDocs", "false");
        long started = System.nanoTime();
        List<File> generated = new DefaultGenerator().opts(config.toClientOptInput()).generate();
        assertThat(generated).isNotEmpty();
        long compiling = System.nanoTime();
        Path classes = CLIENT.resolve("classes");
        compile(CLIENT.resolve("src/main/java"), classes);
        System.out.printf("OpenAPI Generator %s: generated %d files in %d ms, compiled in %d ms%n",
                org.openapitools.codegen.DefaultGenerator.class.getPackage().getImplementationVersion(), generated.size(),
                (compiling - started) / 1_000_000, (System.nanoTime() - compiling) / 1_000_000);

        var jks = TestUsers.load(users, "jks");
        String token = Access.as(jks, () -> tokens.create("生成的客户端"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> apiClientType = loader.loadClass(PACKAGE + ".ApiClient");
            Object apiClient = apiClientType.getConstructor().newInstance();
            apiClientType.getMethod("updateBaseUri", String.class).invoke(apiClient, "http://localhost:" + port);
            // the native library has no authentication support of its own: it takes headers through its interceptor
            Consumer<HttpRequest.Builder> bearer = b -> b.header("Authorization", "Bearer " + token);
            apiClientType.getMethod("setRequestInterceptor", Consumer.class).invoke(apiClient, bearer);

            Class<?> teachersApi = loader.loadClass(apiDeclaring("listTeachers"));
            Object api = teachersApi.getConstructor(apiClientType).newInstance(apiClient);
            Method listTeachers = Stream.of(teachersApi.getMethods())
                    .filter(m -> m.getName().equals("listTeachers") && m.getParameterCount() == 6).findFirst().orElseThrow();

            // a teacher of the demo county's 实验小学 (jks's school), found by name through the client
            String fixture = jdbc.sql("select name from person where institution_id = ? and deleted_at is null order by id")
                    .param(jks.institutionId()).query(String.class).list().get(0);
            Object found = invoke(listTeachers, api, jks.institutionId(), fixture, null, null, 1, 20);
            assertThat(this.<List<?>>call(found, "getItems")).extracting(t -> call(t, "getName")).contains(fixture);
            assertThat(this.<List<?>>call(found, "getItems")).extracting(t -> call(t, "getSchoolName"))
                    .containsOnly("示范县实验小学");

            // a whole page: the paging fields arrive typed, and the rows are the school's
            Object page = invoke(listTeachers, api, null, null, null, null, 1, 50);
            long total = call(page, "getTotal");
            List<?> items = call(page, "getItems");
            assertThat(total).isGreaterThan(10);
            assertThat(this.<Integer>call(page, "getPage")).isEqualTo(1);
            assertThat(this.<Integer>call(page, "getSize")).isEqualTo(50);
            assertThat(items).hasSize((int) Math.min(total, 50));
            assertThat(items).extracting(t -> call(t, "getSchoolName")).containsOnly("示范县实验小学");

            // a token that is not valid reaches the client as an ApiException with the 401 problem+json body
            Consumer<HttpRequest.Builder> wrong = b -> b.header("Authorization", "Bearer jy_notatoken");
            apiClientType.getMethod("setRequestInterceptor", Consumer.class).invoke(apiClient, wrong);
            Object withWrongToken = teachersApi.getConstructor(apiClientType).newInstance(apiClient); // takes the interceptor
            assertThatThrownBy(() -> invoke(listTeachers, withWrongToken, null, null, null, null, 1, 5))
                    .hasMessageContaining("401").hasMessageContaining("API 令牌无效或已撤销");
        }
    }

    private static Object invoke(Method method, Object target, Object... args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T call(Object target, String getter) {
        try {
            return (T) target.getClass().getMethod(getter).invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The generated API class that has the operation (class names come from the Chinese tags). */
    private static String apiDeclaring(String operationId) throws IOException {
        Path apis = CLIENT.resolve("src/main/java/" + PACKAGE.replace('.', '/') + "/api");
        try (Stream<Path> files = Files.list(apis)) {
            for (Path file : files.toList()) {
                if (Files.readString(file).contains(" " + operationId + "(")) {
                    String name = file.getFileName().toString();
                    return PACKAGE + ".api." + name.substring(0, name.length() - ".java".length());
                }
            }
        }
        throw new AssertionError("no generated API class has " + operationId);
    }

    /** Compiles the generated sources with the JDK's compiler against this test's classpath. */
    private static void compile(Path sources, Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK (not a JRE) runs the tests").isNotNull();
        Files.createDirectories(classes);
        List<File> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter out = new StringWriter();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = compiler.getTask(out, fileManager, diagnostics,
                    List.of("-classpath", clientClasspath(), "-d", classes.toString(),
                            "-proc:none", "-nowarn", "-encoding", "UTF-8"),
                    null, fileManager.getJavaFileObjectsFromFiles(files)).call();
            assertThat(ok).as("generated client compiles:\n%s%s", out, diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR).map(Object::toString).limit(20).toList())
                    .isTrue();
        }
    }

    /**
     * The libraries a native client needs (Jackson 2, jakarta.annotation, JSpecify, httpmime for the upload), taken
     * from this test's classpath: javac is much faster without the other hundred jars.
     */
    private static String clientClasspath() {
        String all = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> needed = Stream.of(all.split(File.pathSeparator))
                .filter(e -> Path.of(e).getFileName().toString()
                        .matches("(jackson-(core|databind|annotations|datatype-jsr310)|jakarta\\.annotation-api|jspecify"
                                + "|httpmime|httpclient|httpcore)-.*\\.jar"))
                .toList();
        return needed.size() >= 8 ? String.join(File.pathSeparator, needed) : all;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
