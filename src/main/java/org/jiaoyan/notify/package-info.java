/**
 * Notify: the in-app inbox (站内通知). Other modules call {@link org.jiaoyan.notify.Notices#send} to tell a person
 * something; people read their notices under /notices and see the unread count in the top bar.
 */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.notify;
