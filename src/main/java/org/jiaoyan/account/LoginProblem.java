package org.jiaoyan.account;

import java.io.Serializable;

/** Why the last sign-in failed, kept in the session for the login page: a message key and the seconds to wait. */
public record LoginProblem(String messageKey, long seconds) implements Serializable {

    /** Session attribute of the problem. */
    public static final String SESSION_KEY = "loginProblem";
    /** Session attribute of the username typed, shown again in the form. */
    public static final String LAST_USERNAME = "lastUsername";
}
