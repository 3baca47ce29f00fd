package org.jiaoyan.assessment;

/** A term's results: published for 公示 (frozen, appeals until the deadline), then locked for good. */
public enum ResultStatus { PUBLISHED, LOCKED }
