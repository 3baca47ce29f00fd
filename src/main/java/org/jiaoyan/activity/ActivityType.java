package org.jiaoyan.activity;

/** A kind of activity; the shipped ones every school has, and a school's own. */
public record ActivityType(long id, String name, boolean collectivePrep) {
}
