package org.jiaoyan.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Adds the one-time {@link DoubleSubmitGuard#PARAM} hidden field to every POST form a template writes with th:action,
 * beside the CSRF token of the processor it wraps (Spring Security's). GET forms (filters, search) get none.
 */
final class SubmissionKeyFields implements RequestDataValueProcessor {

    private static final String METHOD = SubmissionKeyFields.class.getName() + ".method";

    private final RequestDataValueProcessor delegate;

    SubmissionKeyFields(RequestDataValueProcessor delegate) {
        this.delegate = delegate;
    }

    @Override
    public String processAction(HttpServletRequest request, String action, @Nullable String httpMethod) {
        request.setAttribute(METHOD, httpMethod == null ? "GET" : httpMethod);
        return delegate.processAction(request, action, httpMethod);
    }

    @Override
    public String processFormFieldValue(HttpServletRequest request, @Nullable String name, String value, String type) {
        return delegate.processFormFieldValue(request, name, value, type);
    }

    @Override
    public @Nullable Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
        Map<String, String> fields = delegate.getExtraHiddenFields(request);
        Object method = request.getAttribute(METHOD);
        request.removeAttribute(METHOD);
        if (!"POST".equalsIgnoreCase(String.valueOf(method))) {
            return fields;
        }
        Map<String, String> all = new LinkedHashMap<>(fields == null ? Map.of() : fields);
        all.put(DoubleSubmitGuard.PARAM, UUID.randomUUID().toString());
        return all;
    }

    @Override
    public String processUrl(HttpServletRequest request, String url) {
        return delegate.processUrl(request, url);
    }
}
