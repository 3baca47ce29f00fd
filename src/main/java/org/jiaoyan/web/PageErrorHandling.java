package org.jiaoyan.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jiaoyan.shared.DomainException;
import org.jiaoyan.shared.ValidationException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/** Exceptions that escape page controllers become the Chinese error page with the request id. */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(PageErrorHandling.class);

    private final FailedChanges failedChange;
    private final MessageSource messages;

    private final long maxFileMb;

    PageErrorHandling(FailedChanges failedChange, MessageSource messages,
                      @Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize maxFile) {
        this.failedChange = failedChange;
        this.messages = messages;
        this.maxFileMb = maxFile.toMegabytes();
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException e, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = DomainStatus.of(e);
        failedChange.record(request, e);
        return page(status, e.messageKey(), e.args(), request, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Object[] args = {maxFileMb};
        if (api(request)) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, messages.getMessage("error.fileTooLarge", args, locale), request);
        }
        return page(HttpStatus.PAYLOAD_TOO_LARGE, "error.fileTooLarge", args, request, response);
    }

    /**
     * A path id that is not a number ({@code /activities/abc}) is a page that does not exist; another unconvertible
     * parameter (a filter's {@code from=2026-02-30}) is a bad request. Form fields bound with a BindingResult never come
     * here: they are field errors ({@code typeMismatch} messages).
     */
    @ExceptionHandler(TypeMismatchException.class)
    Object typeMismatch(TypeMismatchException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        HttpStatus status = onPath(e) ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        String key = status == HttpStatus.NOT_FOUND ? "error.notFound" : "error.badRequest";
        if (api(request)) {
            return problem(status, messages.getMessage(key, null, locale), request);
        }
        return page(status, key, new Object[0], request, response);
    }

    /** A malformed multipart body. */
    @ExceptionHandler(MultipartException.class)
    Object badMultipart(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (api(request)) {
            return problem(HttpStatus.BAD_REQUEST, messages.getMessage("error.badRequest", null, locale), request);
        }
        return page(HttpStatus.BAD_REQUEST, "error.badRequest", new Object[0], request, response);
    }

    /**
     * A unique key or reference the service's own checks could not see coming (two people saving the same thing at the
     * same moment): nothing was saved; a 409 that says so, never a 500.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    Object conflict(DataIntegrityViolationException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        log.warn("Integrity conflict on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMostSpecificCause().getMessage());
        if (api(request)) {
            return problem(HttpStatus.CONFLICT, messages.getMessage("error.conflict", null, locale), request);
        }
        return page(HttpStatus.CONFLICT, "error.conflict", new Object[0], request, response);
    }

    static boolean onPath(TypeMismatchException e) {
        return e instanceof MethodArgumentTypeMismatchException m && m.getParameter().hasParameterAnnotation(PathVariable.class)
                || e instanceof MethodArgumentConversionNotSupportedException c
                        && c.getParameter().hasParameterAnnotation(PathVariable.class);
    }

    private static boolean api(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setProperty("requestId", request.getAttribute(RequestIdFilter.ATTRIBUTE));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @ExceptionHandler(Exception.class)
    Object other(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) throws Exception {
        if (e instanceof ErrorResponse er) {
            HttpStatus status = HttpStatus.resolve(er.getStatusCode().value());
            if (status != null && status.is4xxClientError()) {
                String key = status == HttpStatus.NOT_FOUND ? "error.notFound" : "error.badRequest";
                if (api(request)) {
                    // No REST controller took the request (unknown /api URL), so ApiErrorHandling never saw it.
                    return problem(status, messages.getMessage(key, null, locale), request);
                }
                return page(status, key, new Object[0], request, response);
            }
        }
        if (e instanceof org.springframework.security.access.AccessDeniedException) {
            throw e;
        }
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "error.server", new Object[0], request, response);
    }

    private static ModelAndView page(HttpStatus status, String key, Object[] args, HttpServletRequest request,
                                     HttpServletResponse response) {
        response.setStatus(status.value());
        ModelAndView mv = new ModelAndView("error/error");
        mv.setStatus(status);
        mv.addObject("status", status.value());
        mv.addObject("messageKey", key);
        mv.addObject("messageArgs", args);
        mv.addObject("requestId", request.getAttribute(RequestIdFilter.ATTRIBUTE));
        return mv;
    }
}
