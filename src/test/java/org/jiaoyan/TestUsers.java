package org.jiaoyan;

import org.jiaoyan.security.CurrentUser;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The demo accounts (admin, county, principal, jks, zuzhang, teacher, teacher2) for MockMvc and service calls. */
public final class TestUsers {

    public static final String DEMO_PASSWORD = "jiaoyan2026";
    public static final String ADMIN_PASSWORD = "Qiuyue#2026ops"; // the password policy refuses one containing "admin"

    private TestUsers() {
    }

    public static CurrentUser load(UserDetailsService users, String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    /** Signs the MockMvc request in as the demo account, with its real roles and data scope. */
    public static RequestPostProcessor as(UserDetailsService users, String username) {
        return SecurityMockMvcRequestPostProcessors.user(load(users, username));
    }
}
