package org.jiaoyan.quality;

/** A hospital department (科室) that keeps quality records, with its hospital. */
public record Department(long id, long institutionId, String name, String institutionName) {
}
