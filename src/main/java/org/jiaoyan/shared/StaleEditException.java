package org.jiaoyan.shared;

/** Someone saved the record after this user opened it (optimistic locking); nothing was changed. */
public class StaleEditException extends DomainException {
    public StaleEditException() {
        super("error.staleEdit");
    }
}
