package org.jiaoyan.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;

/**
 * Two filter chains: /api/** is stateless (HTTP Basic or Bearer token, errors as problem+json, no session, so no
 * CSRF); everything else is the browser app (form login, session, CSRF on forms and htmx requests).
 */
@Configuration
class AccountSecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Loads accounts for tests and tools that sign a known user in; sign-in itself is PasswordAuthentication. */
    @Bean
    UserDetailsService userDetailsService(UserAccounts accounts) {
        return username -> accounts.load(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication // the "generate" command runs without a web server
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, UserAccounts accounts, PasswordEncoder encoder,
                            LoginThrottle throttle, LoginLog log, ApiCredentialCache cache) throws Exception {
        AuthenticationEntryPoint entryPoint = AccountSecurityConfiguration::apiAuthenticationFailed;
        http.securityMatcher("/api/**")
                .authenticationManager(new ProviderManager(new PasswordAuthentication(
                        PasswordAuthentication.Channel.BASIC, accounts, encoder, throttle, log, cache)))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((req, res, ex) -> problem(res, HttpStatus.FORBIDDEN, "无权访问")));
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain app(HttpSecurity http, UserAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle,
                            LoginLog log, ApiCredentialCache cache) throws Exception {
        http.authenticationManager(new ProviderManager(new PasswordAuthentication(
                        PasswordAuthentication.Channel.FORM, accounts, encoder, throttle, log, cache)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/assets/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/error", "/error/**",
                                "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/bench/ping")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failureHandler()).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(),
                                new RequestHeaderRequestMatcher("HX-Request"))
                        .accessDeniedHandler(accessDenied()))
                .headers(h -> h.frameOptions(f -> f.sameOrigin()));
        return http.build();
    }

    /**
     * Every failed sign-in goes to the same /login?error, whether the name exists or not; the page says why from the
     * session: wrong name or password, or (equally for every name) "too many attempts, wait N s". Only someone who
     * gave the right password learns that the account is disabled.
     */
    private static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            String username = request.getParameter("username");
            HttpSession session = request.getSession();
            session.setAttribute(LoginProblem.LAST_USERNAME, username == null ? "" : username);
            session.setAttribute(LoginProblem.SESSION_KEY, exception instanceof LoginThrottledException t
                    ? new LoginProblem("login.throttled", t.retryAfterSeconds())
                    : exception instanceof DisabledException ? new LoginProblem("login.disabled", 0)
                    : new LoginProblem("login.error", 0));
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }

    /**
     * The API's answer to a failed Basic or missing credentials: 401, or 429 with Retry-After during a throttling
     * delay; the body is the same for every username.
     */
    static void apiAuthenticationFailed(HttpServletRequest req, HttpServletResponse res, AuthenticationException e)
            throws java.io.IOException {
        if (e instanceof LoginThrottledException t) {
            res.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(t.retryAfterSeconds()));
            problem(res, HttpStatus.TOO_MANY_REQUESTS, "尝试过于频繁，请 " + t.retryAfterSeconds() + " 秒后再试");
        } else {
            problem(res, HttpStatus.UNAUTHORIZED, "未登录或凭据无效：请使用用户名密码（Basic）或个人 API 令牌（Bearer）");
        }
    }

    /** CSRF failures (an expired form) and denied pages render the Chinese 403 page through /error. */
    private static AccessDeniedHandler accessDenied() {
        return (request, response, e) -> response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    static void problem(HttpServletResponse res, HttpStatus status, String detail) throws java.io.IOException {
        res.setStatus(status.value());
        res.setContentType("application/problem+json");
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String json = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail.replace("\"", "\\\"") + "\"}";
        res.getWriter().write(json);
    }
}
