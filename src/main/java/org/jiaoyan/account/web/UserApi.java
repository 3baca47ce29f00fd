package org.jiaoyan.account.web;

import io.swagger.v3.oas.annotations.Operation;
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
@Tag(name = "用户")
class UserApi {

    private final UserAccounts accounts;

    UserApi(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "创建用户（仅系统管理员）", description = "roles 为角色代码，如 TEACHER、DEPT_HEAD；可用 roleGrants 指定角色所属单位")
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
