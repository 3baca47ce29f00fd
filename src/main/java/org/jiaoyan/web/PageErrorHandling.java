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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/** Exceptions that escape page controllers become the Chinese error page with the request id. */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(PageErrorHandling.class);

    private final FailedChanges failedChange;
    private final MessageSource messages;

    PageErrorHandling(FailedChanges failedChange, MessageSource messages) {
        this.failedChange = failedChange;
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException e, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = DomainStatus.of(e);
        failedChange.record(request, e);
        return page(status, e.messageKey(), e.args(), request, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.PAYLOAD_TOO_LARGE, "error.tooLarge", new Object[0], request, response);
    }

    @ExceptionHandler(Exception.class)
    Object other(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) throws Exception {
        if (e instanceof ErrorResponse er) {
            HttpStatus status = HttpStatus.resolve(er.getStatusCode().value());
            if (status != null && status.is4xxClientError()) {
                String key = status == HttpStatus.NOT_FOUND ? "error.notFound" : "error.badRequest";
                if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                    // No REST controller took the request (unknown /api URL), so ApiErrorHandling never saw it.
                    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, null, locale));
                    body.setProperty("requestId", request.getAttribute(RequestIdFilter.ATTRIBUTE));
                    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
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
