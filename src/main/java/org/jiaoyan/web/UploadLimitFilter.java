package org.jiaoyan.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * An upload over the size limit (a phone photo of 11 MB) is answered before anything reads the request: the page it
 * came from again with "文件不能超过 10 MB" on top, or 413 problem+json under /api. Without this the CSRF check reads
 * the request parameters first, the container cannot parse the oversized multipart body, and the user got the
 * generic error page. Nothing is saved: no controller runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class UploadLimitFilter extends OncePerRequestFilter {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final long maxFileMb;
    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

    UploadLimitFilter(MessageSource messages, LocaleResolver locales,
                      @Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize maxFile) {
        this.messages = messages;
        this.locales = locales;
        this.maxFileMb = maxFile.toMegabytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts(); // parsed once here; the container keeps the parts for the controller
        } catch (IOException | ServletException | IllegalStateException e) {
            if (tooLarge(e)) {
                refuse(request, response);
                return;
            }
            // another malformed body: MVC answers it (400)
        }
        chain.doFilter(request, response);
    }

    /** The container's size-limit failure, whatever it is wrapped in (the check Spring's multipart support makes too). */
    static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String msg = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (name.contains("SizeLimitExceeded") || name.contains("SizeException")
                    || msg.contains("exceed") && (msg.contains("size") || msg.contains("length"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String detail = messages.getMessage("error.fileTooLarge", new Object[] {maxFileMb}, locale);
        String api = request.getContextPath() + "/api/";
        String back = sameSitePath(request);
        if (request.getRequestURI().startsWith(api)) {
            Object id = request.getAttribute(RequestIdFilter.ATTRIBUTE);
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":\""
                    + detail + "\",\"requestId\":\"" + (id == null ? "" : id) + "\"}");
            return;
        }
        if (back == null) {
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value()); // the error page says the limit
            return;
        }
        FlashMap flash = new FlashMap();
        flash.put("flashError", "error.fileTooLarge");
        flash.put("flashArgs", new Object[] {maxFileMb});
        flash.setTargetRequestPath(URI.create(back).getPath());
        flashMaps.saveOutputFlashMap(flash, request, response);
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", back);
    }

    /** The path and query of the page the form was on, when that page is on this server; never another site. */
    private static @Nullable String sameSitePath(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
                return null;
            }
            String path = uri.getRawPath();
            if (path == null || !path.startsWith(request.getContextPath() + "/") || path.startsWith("//")) {
                return null;
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
