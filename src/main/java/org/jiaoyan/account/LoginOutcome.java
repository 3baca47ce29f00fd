package org.jiaoyan.account;

/** What happened at a login attempt (login log). */
public enum LoginOutcome { SUCCESS, BAD_CREDENTIALS, LOCKED, LOCKOUT, DISABLED, LOGOUT }
