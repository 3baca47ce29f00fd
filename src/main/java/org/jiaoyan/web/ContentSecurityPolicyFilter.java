package org.jiaoyan.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Content-Security-Policy header on every response (pages, API, errors, static files): scripts only from our own
 * origin, never inline or eval'd, so injected markup cannot run script. Event handlers live in static/js/app.js behind
 * data attributes ({@code data-confirm}, {@code data-autosubmit}, {@code data-print}); app.js turns off htmx's eval and
 * its inline indicator style. Styles keep 'unsafe-inline': templates use style attributes for widths and
 * white-space, and Bootstrap, FullCalendar and ECharts set inline styles; a style cannot run script.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ContentSecurityPolicyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Content-Security-Policy";

    /**
     * data: images are Bootstrap's inline SVG icons (select arrows, close buttons) and the empty favicon; the data: font
     * is FullCalendar's icon font (arrows of the month view), embedded in its script.
     */
    public static final String POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, POLICY);
        chain.doFilter(request, response);
    }
}
