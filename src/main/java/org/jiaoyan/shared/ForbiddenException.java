package org.jiaoyan.shared;

/** The user may see the record but not do this to it. */
public class ForbiddenException extends DomainException {
    public ForbiddenException() {
        super("error.forbidden");
    }
}
