package org.jiaoyan.shared;

/** The record does not exist, is in the recycle bin, or lies outside the user's data scope (hidden as 404). */
public class NotFoundException extends DomainException {
    public NotFoundException() {
        super("error.notFound");
    }
}
