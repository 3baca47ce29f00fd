package org.jiaoyan.shared;

/** A failure a user caused or may see; carries a message key resolved in the user's language. */
public abstract class DomainException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    protected DomainException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
