package org.jiaoyan.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jiaoyan.account.RoleGrant;
import org.jiaoyan.account.UserAccounts;
import org.jiaoyan.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/v1/users: administrators create accounts for teachers from other systems. */
@RestController
@Tag(name = "用户", description = "登录账号：由系统管理员为其他系统的教师创建")
class UserApi {

    private final UserAccounts accounts;

    UserApi(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Operation(operationId = "createUser", summary = "创建用户（仅系统管理员）", description = "roles 为角色代码，如 TEACHER、DEPT_HEAD；可用 roleGrants 指定角色所属单位")
    @ApiResponse(responseCode = "201", description = "已创建；Location 头为新账号的地址",
            content = @Content(mediaType = "application/json", schemaProperties = {
                    @SchemaProperty(name = "id", schema = @Schema(type = "integer", format = "int64", description = "新账号的 id")),
                    @SchemaProperty(name = "username", schema = @Schema(type = "string", description = "登录名（去掉首尾空格）"))}))
    @PostMapping("/api/v1/users")
    ResponseEntity<Map<String, Object>> create(@Valid @RequestBody NewUser body) {
        List<RoleGrant> grants = body.roleGrants() != null && !body.roleGrants().isEmpty() ? body.roleGrants()
                : body.roles() == null ? List.of() : body.roles().stream().map(r -> new RoleGrant(r, null)).toList();
        long id = accounts.create(body.username(), body.password(), body.teacherId(), null, grants);
        return ResponseEntity.created(URI.create("/api/v1/users/" + id)).body(Map.of("id", id, "username", body.username().trim()));
    }

    /** Body of POST /api/v1/users. */
    record NewUser(@NotBlank String username, @NotBlank String password, @Nullable Long teacherId,
                   @Nullable List<Role> roles, @Nullable List<RoleGrant> roleGrants) {
    }
}
