package org.jiaoyan.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The OpenAPI description at /v3/api-docs as an integrator needs it: who may call (HTTP Basic or a personal Bearer
 * token, declared for every operation), what each error looks like (application/problem+json from
 * {@link ApiErrorHandling}, with the Chinese detail), and paged lists with their real fields. Facts that differ per
 * operation (operationId, 201, 409, the import's row errors) are annotations on the *Api controllers; the rules
 * that hold for all of them live here, so a new endpoint is described completely without anyone remembering to.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    static final String PROBLEM = "ProblemDetail";
    static final String VALIDATION_PROBLEM = "ValidationProblemDetail";
    static final String IMPORT_PROBLEM = "ImportProblemDetail";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** The 401 detail written by the API's security chain (account.AccountSecurityConfiguration). */
    private static final String UNAUTHORIZED_DETAIL = "未登录或凭据无效：请使用用户名密码（Basic）或个人 API 令牌（Bearer）";

    @Bean
    OpenAPI jiaoyanOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title("教科研工作平台 API（Jiaoyan）")
                        .version(properties != null ? properties.getVersion() : "1")
                        .description("""
                                学校和县区教研室的计划、教研活动、听课记录、青蓝工程与教师名册的 REST 接口，供钉钉、企业微信小程序和其他系统对接。\
                                数据范围与网页相同：每个账号只看到、只能修改其单位的数据。

                                **认证**：每个请求都要带凭据，二选一：HTTP Basic（用户名和密码），或个人 API 令牌 \
                                `Authorization: Bearer jy_…`（登录后在“我的账号”页（/profile）的“个人 API 令牌”中创建，可随时撤销）。\
                                接口不使用会话和 CSRF。

                                **错误**：4xx 和 5xx 的回答都是 `application/problem+json`（RFC 9457）：`detail` 是可以直接给用户看的中文说明，\
                                `requestId` 同时写在服务器日志里；输入有误（422）时 `errors` 列出每个字段（`field`, `message`），\
                                导入文件有误时列出每一行（`row`, `column`, `message`），且整份文件不导入。\
                                修改时带上读取时的 `version`，期间被他人改过则回答 409，什么也不改。

                                **分页**：列表接口接受 `page`（从 1 开始）和 `size`，回答 `{items, total, page, size}`。""")
                        .contact(new Contact().name("本系统的管理员（部署本平台的学校或县区教研室）"))
                        .license(new License().name("Proprietary").identifier("LicenseRef-Proprietary")))
                .servers(List.of(new Server().url("/").description("本系统（与本说明同一地址）")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("用户名和密码，与网页登录相同"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("jy_…")
                                .description("个人 API 令牌（jy_ 开头），代表创建它的账号，权限与该账号相同；撤销后立即失效")))
                .security(credentials());
    }

    /**
     * Per operation: both ways to authenticate; the error answers each may give (401 and 403 always, 400 where
     * something is parsed, 404 where a path names a record, 422 where a body is validated, 413 for uploads); every
     * 4xx an annotation declared gets the problem+json body (the import's row errors are annotated with theirs). Paged lists say what their fields mean.
     */
    @Bean
    OpenApiCustomizer jiaoyanApiRules(MessageSource messages) {
        return openApi -> {
            // here rather than on the OpenAPI bean: springdoc replaces the bean's schemas with the ones it derives
            openApi.getComponents()
                    .addSchemas(PROBLEM, problemSchema("出错时的回答（RFC 9457 problem details）", null))
                    .addSchemas(VALIDATION_PROBLEM, problemSchema("输入有误：errors 列出每个有误的字段",
                            object("一个有误的字段", properties(
                                    "field", string("字段名，如 mobile；与整条记录有关时为空"),
                                    "message", string("中文说明，如“手机号码应为 11 位数字”")), "field", "message")))
                    .addSchemas(IMPORT_PROBLEM, problemSchema("导入文件有误：errors 列出每一处，整份文件未导入",
                            object("文件中有误的一格", properties(
                                    "sheet", string("工作表名：文件有几个工作表都被读取时填写（如“数学组”），否则为空"),
                                    "row", integer("Excel 中的行号（表头为第 1 行）；与整个文件有关的错误为 0"),
                                    "column", string("列名（表头文字，如“手机号”）；与整个文件有关的错误为空"),
                                    "message", string("中文说明")), "sheet", "row", "column", "message")));
            for (PathItem path : openApi.getPaths().values()) {
                path.readOperationsMap().forEach((method, operation) -> describe(method, operation, messages));
            }
            var schemas = openApi.getComponents().getSchemas();
            if (schemas != null) {
                schemas.forEach((name, schema) -> {
                    if (name.startsWith("PageResult")) {
                        describePage(schema);
                    }
                });
            }
            if (openApi.getTags() != null) {
                // a tag named on several controllers arrives once per controller; keep one, with its description
                Map<String, Tag> byName = new TreeMap<>();
                for (Tag tag : openApi.getTags()) {
                    byName.merge(tag.getName(), tag, (a, b) -> a.getDescription() != null ? a : b);
                }
                openApi.setTags(new ArrayList<>(byName.values()));
            }
        };
    }

    private void describe(PathItem.HttpMethod method, Operation operation, MessageSource messages) {
        operation.setSecurity(credentials());
        ApiResponses responses = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean hasBody = operation.getRequestBody() != null;
        boolean upload = hasBody && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().containsKey("multipart/form-data");
        if (!parameters.isEmpty() || hasBody) {
            responses.putIfAbsent("400", new ApiResponse().description("请求格式不正确：参数类型、日期或 JSON 无法解析"));
        }
        responses.putIfAbsent("401", new ApiResponse().description("没有凭据，或凭据无效（令牌已撤销、密码错误）"));
        responses.putIfAbsent("403", new ApiResponse().description("账号的角色或数据范围不允许此操作"));
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
            responses.putIfAbsent("404", new ApiResponse().description("记录不存在，或不在账号的数据范围内（不区分二者）"));
        }
        if (upload) {
            responses.putIfAbsent("413", new ApiResponse().description("文件超过 10 MB"));
        }
        if (hasBody && method != PathItem.HttpMethod.GET) {
            responses.putIfAbsent("422", new ApiResponse().description("输入有误：errors 列出每个字段；什么也没有保存"));
        }
        // springdoc gives an annotated error the method's return type as body: every 4xx is problem+json instead
        responses.forEach((code, response) -> {
            if (code.startsWith("4") && (response.getContent() == null || !response.getContent().containsKey(PROBLEM_JSON))) {
                response.setContent(problemContent(code, messages));
            }
        });
        // keep the codes in order: 200/201 first, then the errors as they rise
        var sorted = new ArrayList<>(responses.entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        responses.clear();
        sorted.forEach(e -> responses.addApiResponse(e.getKey(), e.getValue()));
    }

    private static Content problemContent(String code, MessageSource messages) {
        String schema = "422".equals(code) ? VALIDATION_PROBLEM : PROBLEM;
        String detail = switch (code) {
            case "400" -> messages.getMessage("error.badRequest", null, CHINESE);
            case "401" -> UNAUTHORIZED_DETAIL;
            case "403" -> messages.getMessage("error.forbidden", null, CHINESE);
            case "404" -> messages.getMessage("error.notFound", null, CHINESE);
            case "409" -> messages.getMessage("error.staleEdit", null, CHINESE);
            case "413" -> messages.getMessage("error.tooLarge", null, CHINESE);
            case "422" -> messages.getMessage("error.validation", null, CHINESE);
            default -> null;
        };
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema));
        if (detail != null) {
            int status = Integer.parseInt(code);
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", "about:blank");
            example.put("title", HttpStatus.valueOf(status).getReasonPhrase());
            example.put("status", status);
            example.put("detail", detail);
            if (status == 422) {
                example.put("errors", List.of(Map.of("field", "mobile", "message", "手机号码应为 11 位数字")));
            }
            media.addExamples("problem", new Example().summary(detail).value(example));
        }
        return new Content().addMediaType(PROBLEM_JSON, media);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describePage(Schema schema) {
        schema.setDescription("列表的一页；total 是全部页的条数");
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        describeProperty(properties, "items", "本页的记录");
        describeProperty(properties, "total", "符合条件的记录总数（所有页）");
        describeProperty(properties, "page", "页码，从 1 开始");
        describeProperty(properties, "size", "每页条数");
        schema.setRequired(List.of("items", "total", "page", "size"));
    }

    @SuppressWarnings("rawtypes")
    private static void describeProperty(Map<String, Schema> properties, String name, String description) {
        Schema property = properties.get(name);
        if (property != null) {
            property.setDescription(description);
        }
    }

    private static List<SecurityRequirement> credentials() {
        return List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER));
    }

    private static Schema<Object> problemSchema(String description, @Nullable Schema<Object> error) {
        Map<String, Schema<?>> properties = new LinkedHashMap<>();
        properties.put("type", string("问题类型，本系统为 about:blank"));
        properties.put("title", string("HTTP 状态的英文短语，如 Not Found"));
        properties.put("status", integer("HTTP 状态码"));
        properties.put("detail", string("中文说明，可以直接给用户看"));
        properties.put("instance", string("出错的请求路径"));
        properties.put("requestId", string("请求编号，也写在服务器日志中；联系管理员时请提供"));
        if (error != null) {
            Schema<Object> errors = typed(new Schema<>(), "array");
            errors.setItems(error);
            errors.setDescription("每一处错误");
            properties.put("errors", errors);
        }
        Schema<Object> schema = object(description, properties, "status", "detail");
        if (error != null) {
            schema.addRequiredItem("errors");
        }
        return schema;
    }

    private static Map<String, Schema<?>> properties(Object... namesAndSchemas) {
        Map<String, Schema<?>> properties = new LinkedHashMap<>();
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            properties.put((String) namesAndSchemas[i], (Schema<?>) namesAndSchemas[i + 1]);
        }
        return properties;
    }

    private static Schema<Object> object(String description, Map<String, Schema<?>> properties, String... required) {
        Schema<Object> schema = typed(new Schema<>(), "object");
        schema.setDescription(description);
        properties.forEach(schema::addProperty);
        schema.setRequired(new ArrayList<>(List.of(required)));
        return schema;
    }

    private static Schema<?> string(String description) {
        return typed(new Schema<>(), "string").description(description);
    }

    private static Schema<?> integer(String description) {
        return typed(new Schema<>(), "integer").format("int32").description(description);
    }

    /** Sets the type for both OpenAPI 3.0 ("type") and 3.1 ("types") serialisation. */
    private static <T> Schema<T> typed(Schema<T> schema, String type) {
        schema.setType(type);
        schema.addType(type);
        return schema;
    }
}
