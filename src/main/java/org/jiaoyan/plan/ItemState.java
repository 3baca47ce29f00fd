package org.jiaoyan.plan;

/** What people set on an item; the shown {@link ItemStatus} adds dates and linked records. */
public enum ItemState {
    OPEN, DONE, CANCELLED
}
