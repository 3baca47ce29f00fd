package org.jiaoyan.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jiaoyan.shared.DomainException;
import org.jiaoyan.shared.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** Errors of REST controllers as application/problem+json with a Chinese detail and, for bad input, the fields. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandling.class);

    private final MessageSource messages;

    private final FailedChanges failedChange;

    private final long maxFileMb;

    ApiErrorHandling(MessageSource messages, FailedChanges failedChange,
                     @Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize maxFile) {
        this.messages = messages;
        this.failedChange = failedChange;
        this.maxFileMb = maxFile.toMegabytes();
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e, HttpServletRequest request, Locale locale) {
        HttpStatus status = DomainStatus.of(e);
        failedChange.record(request, e);
        ProblemDetail body = problem(status, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale), request);
        if (e instanceof ValidationException v) {
            body.setProperty("errors", v.problems().stream()
                    .map(p -> Map.of("field", p.field() == null ? "" : p.field(),
                            "message", messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)))
                    .toList());
        }
        return respond(body);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request, Locale locale) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", messages.getMessage(f, locale))).toList();
        ProblemDetail body = problem(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("error.validation", null, locale), request);
        body.setProperty("errors", errors);
        return respond(body);
    }

    /** Import errors carry row numbers: {"errors": [{"row", "column", "message"}]}. */
    public static ResponseEntity<ProblemDetail> importRejected(String detail, List<?> errors, HttpServletRequest request) {
        ProblemDetail body = problem(HttpStatus.UNPROCESSABLE_CONTENT, detail, request);
        body.setProperty("errors", errors);
        return respond(body);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MultipartException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e, HttpServletRequest request, Locale locale) {
        return respond(problem(HttpStatus.BAD_REQUEST, messages.getMessage("error.badRequest", null, locale), request));
    }

    /** A path id that is not a number is a resource that does not exist (404); another unconvertible parameter a 400. */
    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(TypeMismatchException e, HttpServletRequest request, Locale locale) {
        boolean path = PageErrorHandling.onPath(e);
        return respond(problem(path ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST,
                messages.getMessage(path ? "error.notFound" : "error.badRequest", null, locale), request));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request, Locale locale) {
        return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                messages.getMessage("error.fileTooLarge", new Object[] {maxFileMb}, locale), request));
    }

    /** Two clients creating the same thing at once: the unique key the service check could not see yet. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> conflict(DataIntegrityViolationException e, HttpServletRequest request, Locale locale) {
        log.warn("Integrity conflict on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMostSpecificCause().getMessage());
        return respond(problem(HttpStatus.CONFLICT, messages.getMessage("error.conflict", null, locale), request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request, Locale locale) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException) {
            throw e;
        }
        if (e instanceof ErrorResponse er && er.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(er.getStatusCode().value());
            return respond(problem(status, messages.getMessage(status == HttpStatus.NOT_FOUND ? "error.notFound"
                    : "error.badRequest", null, locale), request));
        }
        log.error("Unhandled API error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, messages.getMessage("error.server", null, locale), request));
    }

    private static ProblemDetail problem(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setProperty("requestId", request.getAttribute(RequestIdFilter.ATTRIBUTE));
        return body;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
