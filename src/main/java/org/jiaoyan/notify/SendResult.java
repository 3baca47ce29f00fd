package org.jiaoyan.notify;

import org.jspecify.annotations.Nullable;

/**
 * What one try to send gave: sent, or the reason in Chinese (as the send log shows it). final: retrying cannot help
 * (the channel was switched off, the person no longer wants e-mail).
 */
record SendResult(boolean ok, @Nullable String error, boolean isFinal) {

    static final SendResult SENT = new SendResult(true, null, false);

    static SendResult failed(String error) {
        return new SendResult(false, error, false);
    }

    static SendResult failedForGood(String error) {
        return new SendResult(false, error, true);
    }
}
