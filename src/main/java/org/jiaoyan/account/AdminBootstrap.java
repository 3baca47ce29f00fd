package org.jiaoyan.account;

import java.util.List;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start (no accounts at all) creates the administrator "admin": the password comes from
 * JIAOYAN_ADMIN_PASSWORD, or is random and printed once. There is no fixed default password.
 */
@Component
@Order(10)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserAccounts accounts;
    private final String configuredPassword;

    AdminBootstrap(UserAccounts accounts, @Value("${jiaoyan.admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption("generate") || args.getNonOptionArgs().contains("generate") || accounts.anyUser()) {
            return;
        }
        boolean given = !configuredPassword.isBlank();
        String password = given ? configuredPassword : UserAccounts.randomPassword();
        Access.asSystem(() -> accounts.create("admin", password, null, "系统管理员", List.of(new RoleGrant(Role.ADMIN, null))));
        String shown = given ? "（来自 JIAOYAN_ADMIN_PASSWORD）" : password;
        log.info("\n\n========================================================\n"
                + "  管理员账号 / administrator:  admin\n"
                + "  初始密码 / initial password: " + shown + "\n"
                + "  此密码只显示一次，请登录后立即修改。\n"
                + "========================================================\n");
    }
}
