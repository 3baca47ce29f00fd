package org.jiaoyan.account;

/**
 * What happened at a login attempt (login log). LOCKED and LOCKOUT are from the former account lockout and stay
 * only so that old log lines still read; THROTTLED is an attempt refused during a delay, its password not checked.
 */
public enum LoginOutcome { SUCCESS, BAD_CREDENTIALS, THROTTLED, DISABLED, LOGOUT, LOCKED, LOCKOUT }
