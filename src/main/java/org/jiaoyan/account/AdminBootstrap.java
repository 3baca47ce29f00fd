package org.jiaoyan.account;

import java.util.List;
import java.util.Locale;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.context.MessageSource;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start (no accounts at all) creates the administrator "admin": the password comes from
 * JIAOYAN_ADMIN_PASSWORD, or is random and printed once. There is no fixed default password. A configured password
 * that the password policy refuses stops the start with the reason: an administrator account with a guessable
 * password is worse than no start.
 */
@Component
@Order(10)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    static final String ADMIN = "admin";

    private final UserAccounts accounts;
    private final String configuredPassword;
    private final MessageSource messages;

    AdminBootstrap(UserAccounts accounts, @Value("${jiaoyan.admin-password:}") String configuredPassword,
                   MessageSource messages) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
        this.messages = messages;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption("generate") || args.getNonOptionArgs().contains("generate") || accounts.anyUser()) {
            return;
        }
        boolean given = !configuredPassword.isBlank();
        if (given) {
            refuseWeak(configuredPassword);
        }
        String password = given ? configuredPassword : UserAccounts.randomPassword();
        Access.asSystem(() -> accounts.create(ADMIN, password, null, "系统管理员", List.of(new RoleGrant(Role.ADMIN, null))));
        String shown = given ? "（来自 JIAOYAN_ADMIN_PASSWORD）" : password;
        log.info("\n\n========================================================\n"
                + "  管理员账号 / administrator:  admin\n"
                + "  初始密码 / initial password: " + shown + "\n"
                + "  此密码只显示一次，请登录后立即修改。\n"
                + "========================================================\n");
    }

    /** Stops the start when the configured password breaks the policy, saying why in Chinese and English. */
    void refuseWeak(String password) {
        String problem = PasswordPolicy.problem(ADMIN, password);
        if (problem != null) {
            throw new IllegalStateException("JIAOYAN_ADMIN_PASSWORD 不符合密码要求，未创建管理员，请换一个强密码后再启动："
                    + messages.getMessage(problem, null, Locale.SIMPLIFIED_CHINESE)
                    + " / JIAOYAN_ADMIN_PASSWORD is refused by the password policy: "
                    + messages.getMessage(problem, null, Locale.ENGLISH));
        }
    }
}
