package org.jiaoyan.web;

import org.jiaoyan.shared.DomainException;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.springframework.http.HttpStatus;

/** The HTTP status of a domain error, the same for pages and the API. */
final class DomainStatus {

    private DomainStatus() {
    }

    static HttpStatus of(DomainException e) {
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof ForbiddenException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof StaleEditException) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof ValidationException) {
            return HttpStatus.UNPROCESSABLE_CONTENT;
        }
        return HttpStatus.BAD_REQUEST;
    }
}
