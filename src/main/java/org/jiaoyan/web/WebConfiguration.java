package org.jiaoyan.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Chinese by default; "?lang=en" switches to English and a cookie remembers the choice. Forms are submitted once
 * ({@link DoubleSubmitGuard}).
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    private final DoubleSubmitGuard doubleSubmits;

    /** Work outside a request (imports called from jobs, tests, the generator) speaks Chinese too. */
    WebConfiguration(DoubleSubmitGuard doubleSubmits) {
        this.doubleSubmits = doubleSubmits;
        org.springframework.context.i18n.LocaleContextHolder.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("jiaoyan-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        registry.addInterceptor(change);
        registry.addInterceptor(doubleSubmits);
    }

    /** Wraps the form-field processor (Spring Security's, which adds the CSRF token) to add the one-time submission key. */
    @Bean
    static BeanPostProcessor submissionKeyFields() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof RequestDataValueProcessor p && "requestDataValueProcessor".equals(name)
                        ? new SubmissionKeyFields(p) : bean;
            }
        };
    }
}
