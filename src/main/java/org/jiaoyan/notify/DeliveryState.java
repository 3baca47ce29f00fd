package org.jiaoyan.notify;

/** A delivery's state: QUEUED → SENDING → SENT or FAILED (after the last attempt, or when it cannot be sent at all). */
public enum DeliveryState {
    QUEUED, SENDING, SENT, FAILED;

    public String messageKey() {
        return "notify.state." + name();
    }
}
