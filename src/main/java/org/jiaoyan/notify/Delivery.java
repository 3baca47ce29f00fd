package org.jiaoyan.notify;

import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One line of the send log: a delivery of a message on one channel, to a person (name, e-mail address) or to a
 * school's group, with its state, attempts and the reason of its last failure; attempts lists each try.
 */
public record Delivery(long id, LocalDateTime createdAt, @Nullable LocalDateTime sentAt, String schoolName,
                       @Nullable String personName, @Nullable String recipient, Channel channel, String kind, String title,
                       DeliveryState state, int attempts, @Nullable LocalDateTime nextAttemptAt, @Nullable String lastError,
                       List<Attempt> tries) {

    /** One try: when, on which node, with which outcome (SENT, FAILED, INTERRUPTED) and why it failed. */
    public record Attempt(int attempt, LocalDateTime at, @Nullable String node, String outcome, @Nullable String error) {

        public String messageKey() {
            return "notify.outcome." + outcome;
        }
    }

    public Delivery withTries(List<Attempt> t) {
        return new Delivery(id, createdAt, sentAt, schoolName, personName, recipient, channel, kind, title, state, attempts,
                nextAttemptAt, lastError, t);
    }
}
