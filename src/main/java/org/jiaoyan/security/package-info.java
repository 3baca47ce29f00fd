/**
 * Who is acting and what they may reach: roles, the data scope computed at login, and access to the current user.
 * Kept apart from {@code account} so that {@code org} can enforce scope while {@code account} links users to people.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.jiaoyan.security;
