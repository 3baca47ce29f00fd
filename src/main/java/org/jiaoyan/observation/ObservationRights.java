package org.jiaoyan.observation;

/** What the user may do with one observation: correct it (observer, before acknowledgement), acknowledge, delete. */
public record ObservationRights(boolean edit, boolean acknowledge, boolean delete) {
}
