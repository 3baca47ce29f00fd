package org.jiaoyan.notify;

import org.jspecify.annotations.Nullable;

/** A school's outgoing mail server as stored; tls: implicit TLS on port 465, STARTTLS (required) on any other port. */
record SmtpServer(String host, int port, @Nullable String username, @Nullable String password, String from, boolean tls) {

    @Override
    public String toString() {
        return "SmtpServer[" + host + ":" + port + " " + username + " tls=" + tls + "]"; // never the password
    }
}
