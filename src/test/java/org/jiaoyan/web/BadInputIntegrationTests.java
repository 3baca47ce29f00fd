package org.jiaoyan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Every mapping of the application, found from the handler mapping (so a new controller is covered without editing
 * this test): a path id that is not a number, and a malformed value in every form field and request parameter, must
 * give a 4xx (or the form again with its field error), never a 5xx.
 */
@JiaoyanIntegrationTest
class BadInputIntegrationTests {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final String TOO_LONG = "长".repeat(20_000);
    private static final String MISSING_ID = "987654321";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aPathIdThatIsNotANumberIsNotFoundOrBadRequestOnEveryMapping() throws Exception {
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            for (String pattern : patterns(e.getKey())) {
                if (!VARIABLE.matcher(pattern).find()) continue;
                String url = VARIABLE.matcher(pattern).replaceAll("abc");
                for (HttpMethod method : methods(e.getKey(), true)) {
                    for (String user : List.of("admin", "jks")) {
                        MockHttpServletRequestBuilder request = method == HttpMethod.GET ? get(url)
                                : org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(method, url).with(csrf());
                        int status = mvc.perform(request.with(TestUsers.as(users, user))).andReturn().getResponse().getStatus();
                        tried++;
                        if (status >= 500) failures.add(method + " " + url + " as " + user + " → " + status);
                    }
                }
            }
        }
        System.out.println("non-numeric path ids tried: " + tried + " requests");
        assertThat(tried).as("path ids tried").isGreaterThan(100);
        assertThat(failures).as("mappings that answered a non-numeric path id with a server error").isEmpty();
    }

    @Test
    void aMalformedValueInAnyFormFieldOrParameterIsAFieldErrorOrBadRequestNeverAServerError() throws Exception {
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            Map<String, List<String>> fields = malformedFields(e.getValue());
            if (fields.isEmpty()) continue;
            boolean multipart = e.getValue().getMethodParameters().length > 0 && java.util.Arrays.stream(e.getValue().getMethodParameters())
                    .anyMatch(p -> MultipartFile.class.isAssignableFrom(p.getParameterType()) || p.hasParameterAnnotation(RequestPart.class));
            for (String pattern : patterns(e.getKey())) {
                String url = VARIABLE.matcher(pattern).replaceAll(MISSING_ID);
                for (HttpMethod method : methods(e.getKey(), false)) {
                    for (Map.Entry<String, List<String>> field : fields.entrySet()) {
                        for (String bad : field.getValue()) {
                            for (String user : List.of("admin", "jks")) {
                                AbstractMockHttpServletRequestBuilder<?> request;
                                if (method == HttpMethod.GET) {
                                    request = get(url);
                                } else if (multipart) {
                                    request = multipart(url).with(csrf());
                                } else {
                                    request = post(url).with(csrf());
                                }
                                request.param(field.getKey(), bad).with(TestUsers.as(users, user));
                                var response = mvc.perform(request).andReturn().getResponse();
                                tried++;
                                if (response.getStatus() >= 500) {
                                    failures.add(method + " " + url + " " + field.getKey() + "=" + abbreviate(bad) + " as " + user
                                            + " → " + response.getStatus());
                                }
                            }
                        }
                    }
                }
            }
        }
        System.out.println("malformed values tried: " + tried + " requests");
        assertThat(tried).as("malformed values tried").isGreaterThan(100);
        assertThat(failures).as("mappings that answered a malformed value with a server error").isEmpty();
    }

    @Test
    void malformedValuesInAPageFormComeBackAsFieldErrorsWithWhatWasTyped() throws Exception {
        long school = TestUsers.load(users, "jks").institutionId();
        String person = mvc.perform(post("/people/new").with(csrf()).with(TestUsers.as(users, "jks"))
                        .param("institutionId", String.valueOf(school)).param("name", "日期不对的老师")
                        .param("birthDate", "2026-02-30").param("version", "abc"))
                .andReturn().getResponse().getContentAsString();
        assertThat(person).contains("日期格式不正确").contains("value=\"日期不对的老师\"").contains("is-invalid");

        long plan = jdbc.sql("select min(id) from plan where institution_id = ? and deleted_at is null").param(school)
                .query(Long.class).single();
        var item = mvc.perform(post("/plans/" + plan + "/items/new").with(csrf()).with(TestUsers.as(users, "jks"))
                        .param("content", "期中质量分析会").param("time", "第10周").param("recordKind", "LEFT"))
                .andReturn().getResponse();
        assertThat(item.getStatus()).isEqualTo(200);
        assertThat(item.getContentAsString()).contains("格式不正确").contains("期中质量分析会");
    }

    @Test
    void twoPeopleSavingTheSameMobileAtOnceGetOneRecordAndTheDuplicateMessageNeverAServerError() throws Exception {
        long school = TestUsers.load(users, "jks").institutionId();
        for (int round = 0; round < 5; round++) {
            String mobile = "139" + String.format("%08d", (System.nanoTime() / 1000 + round) % 100_000_000L);
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<org.springframework.mock.web.MockHttpServletResponse>> both = new ArrayList<>();
                for (String name : List.of("并发甲", "并发乙")) {
                    both.add(pool.submit(() -> {
                        together.await();
                        return mvc.perform(post("/people/new").with(csrf()).with(TestUsers.as(users, "jks"))
                                .param("institutionId", String.valueOf(school)).param("name", name).param("mobile", mobile))
                                .andReturn().getResponse();
                    }));
                }
                List<org.springframework.mock.web.MockHttpServletResponse> responses = new ArrayList<>();
                for (var f : both) responses.add(f.get());
                assertThat(responses).extracting(r -> r.getStatus()).as("round " + round).containsExactlyInAnyOrder(302, 200);
                var refused = responses.stream().filter(r -> r.getStatus() == 200).findFirst().orElseThrow();
                assertThat(refused.getContentAsString()).contains("手机号码 " + mobile + " 已被其他人员使用")
                        .contains("is-invalid");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Request parameter name → malformed values, for the form object's properties and the plain parameters. */
    private static Map<String, List<String>> malformedFields(HandlerMethod handler) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            Class<?> type = p.getParameterType();
            if (p.hasParameterAnnotation(PathVariable.class) || p.hasParameterAnnotation(RequestPart.class)) continue;
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (rp != null) {
                String name = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getParameterName();
                List<String> bad = malformed(name, ResolvableType.forMethodParameter(p));
                if (name != null && !bad.isEmpty()) fields.put(name, bad);
            } else if (p.hasParameterAnnotation(ModelAttribute.class)
                    || (type.getName().startsWith("org.jiaoyan.") && !BeanUtils.isSimpleProperty(type) && !type.isInterface()
                        && !type.getName().startsWith("org.jiaoyan.security."))) {
                formFields(type, fields);
            }
        }
        return fields;
    }

    private static void formFields(Class<?> form, Map<String, List<String>> fields) {
        formFields(form, "", fields, 0);
    }

    /** The form's properties; rows of a list of nested objects (honours[0].year) too. */
    private static void formFields(Class<?> form, String prefix, Map<String, List<String>> fields, int depth) {
        if (form.isRecord()) {
            for (RecordComponent c : form.getRecordComponents()) {
                field(prefix + c.getName(), c.getName(), ResolvableType.forType(c.getGenericType()), fields, depth);
            }
            return;
        }
        for (PropertyDescriptor pd : BeanUtils.getPropertyDescriptors(form)) {
            if (pd.getWriteMethod() == null) continue;
            field(prefix + pd.getName(), pd.getName(), ResolvableType.forMethodParameter(pd.getWriteMethod(), 0), fields, depth);
        }
    }

    private static void field(String path, String name, ResolvableType type, Map<String, List<String>> fields, int depth) {
        List<String> bad = malformed(name, type);
        if (!bad.isEmpty()) {
            fields.put(path, bad);
            return;
        }
        Class<?> raw = type.resolve(Object.class);
        if (depth < 2 && (java.util.List.class.isAssignableFrom(raw) || raw.isArray())) {
            Class<?> element = (raw.isArray() ? type.getComponentType() : type.asCollection().getGeneric(0)).resolve(Object.class);
            if (element.getName().startsWith("org.jiaoyan.")) formFields(element, path + "[0].", fields, depth + 1);
        } else if (depth < 2 && Map.class.isAssignableFrom(raw)) {
            ResolvableType map = type.asMap();
            List<String> badKey = malformed(null, map.getGeneric(0));
            if (!badKey.isEmpty() && map.getGeneric(0).resolve() != String.class) fields.put(path + "[" + badKey.get(0) + "]", List.of("1"));
            List<String> badValue = malformed(null, map.getGeneric(1));
            if (!badValue.isEmpty()) fields.put(path + "[1]", badValue);
        } else if (depth < 2 && raw.getName().startsWith("org.jiaoyan.") && !raw.isEnum() && !BeanUtils.isSimpleProperty(raw)) {
            formFields(raw, path + ".", fields, depth + 1);
        }
    }

    /** What a careless or hostile client sends for a value of this type. */
    private static List<String> malformed(@Nullable String name, ResolvableType type) {
        Class<?> raw = type.resolve(Object.class);
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            ResolvableType element = raw.isArray() ? type.getComponentType() : type.asCollection().getGeneric(0);
            return malformed(name, element);
        }
        if (raw.isEnum()) return List.of("LEFT");
        if (raw == LocalDate.class) return List.of("2026-02-30", "明天");
        if (raw == LocalDateTime.class) return List.of("2026-02-30T08:00", "2026-01-01T25:00");
        if (raw == LocalTime.class) return List.of("25:61");
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class || raw == short.class
                || raw == Short.class || raw == double.class || raw == Double.class || raw == BigDecimal.class) {
            return List.of("abc", "99999999999999999999");
        }
        if (raw == boolean.class || raw == Boolean.class) return List.of("maybe");
        if (raw == String.class) return "version".equals(name) ? List.of("abc") : List.of(TOO_LONG);
        return List.of();
    }

    private static List<String> patterns(RequestMappingInfo info) {
        if (info.getPathPatternsCondition() != null) {
            return info.getPathPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString).toList();
        }
        return List.copyOf(info.getPatternValues());
    }

    private static Collection<HttpMethod> methods(RequestMappingInfo info, boolean all) {
        TreeSet<String> names = new TreeSet<>();
        for (RequestMethod m : info.getMethodsCondition().getMethods()) {
            if (all || m == RequestMethod.GET || m == RequestMethod.POST) names.add(m.name());
        }
        if (info.getMethodsCondition().getMethods().isEmpty()) names.add("GET");
        return names.stream().map(HttpMethod::valueOf).toList();
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 8) + "…(" + s.length() + " chars)" : s;
    }
}
