package org.jiaoyan.account;

/** An account's password, roles, enabled state or deletion changed: cached credentials of that user must go. */
public record UserAccountChanged(long userId) {
}
