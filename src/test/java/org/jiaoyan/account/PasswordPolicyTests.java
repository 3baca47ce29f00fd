package org.jiaoyan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jiaoyan.shared.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class PasswordPolicyTests {

    @Test
    void passwordsFromTheFindingsAreRefusedWithAReason() {
        assertThat(PasswordPolicy.problem("zhangsan", "teacher123")).isEqualTo("user.password.common");
        assertThat(PasswordPolicy.problem("zhangsan", "Password1")).isEqualTo("user.password.common");
        assertThat(PasswordPolicy.problem("zhangsan", "abc12345")).isEqualTo("user.password.common");
    }

    @Test
    void aPasswordContainingTheUsernameIsRefusedWhateverTheCase() {
        assertThat(PasswordPolicy.problem("wangfang", "WangFang#2026!x")).isEqualTo("user.password.containsUsername");
        assertThat(PasswordPolicy.problem("admin", "Admin2026pass")).isEqualTo("user.password.containsUsername");
    }

    @Test
    void shortAndEasyToGuessPasswordsAreRefused() {
        assertThat(PasswordPolicy.problem("zhangsan", "Ab1")).isEqualTo("user.password.tooShort");
        assertThat(PasswordPolicy.problem("zhangsan", null)).isEqualTo("user.password.tooShort");
        assertThat(PasswordPolicy.problem("zhangsan", "x".repeat(65))).isEqualTo("user.password.tooLong");
        assertThat(PasswordPolicy.problem("zhangsan", "Other2026")).isEqualTo("user.password.weak");
        assertThat(PasswordPolicy.problem("zhangsan", "aaaaaaaaaa1")).isEqualTo("user.password.weak");
        assertThat(PasswordPolicy.problem("zhangsan", "qwertyuiop12")).isEqualTo("user.password.weak");
    }

    @Test
    void goodPasswordsPass() {
        assertThat(PasswordPolicy.problem("zhangsan", "Good2026pass")).isNull();
        assertThat(PasswordPolicy.problem("zhangsan", "correct horse battery")).isNull();
        assertThat(PasswordPolicy.problem("zhangsan", "梅花香自苦寒来2026")).isNull();
    }

    @Test
    void theDemoPasswordPassesForEveryDemoAccountWithoutAnExemption() {
        for (String user : new String[] {"county", "principal", "jks", "zuzhang", "teacher", "teacher2"}) {
            assertThat(PasswordPolicy.problem(user, "jiaoyan2026")).as(user).isNull();
        }
    }

    @Test
    void theCommonListIsBundledAndCaseInsensitive() {
        assertThat(PasswordPolicy.isCommon("PASSWORD1")).isTrue();
        assertThat(PasswordPolicy.isCommon("woaini1314")).isTrue();
        assertThat(PasswordPolicy.isCommon("jiaoyan2026")).isFalse();
    }

    @Test
    void aWeakAdministratorPasswordStopsTheFirstStartWithTheReason() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/account");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        AdminBootstrap bootstrap = new AdminBootstrap(null, "", messages);
        assertThatThrownBy(() -> bootstrap.refuseWeak("Admin2026pass"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JIAOYAN_ADMIN_PASSWORD")
                .hasMessageContaining("密码不能包含用户名");
        assertThatThrownBy(() -> bootstrap.refuseWeak("password123"))
                .hasMessageContaining("这是最常见的密码之一");
        bootstrap.refuseWeak("Qiuyue#2026ops");
    }

    @Test
    void checkNamesTheField() {
        assertThatThrownBy(() -> PasswordPolicy.check("newPassword", "zhangsan", "abc12345"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problems().get(0).field()).isEqualTo("newPassword");
                    assertThat(e.messageKey()).isEqualTo("user.password.common");
                });
    }
}
