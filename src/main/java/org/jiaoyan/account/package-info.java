/** Accounts: users linked to people, role grants, login throttling, login log, API tokens, security setup. */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.account;
