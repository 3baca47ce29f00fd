package org.jiaoyan.quality;

/** What a check, a training session and a drill have in common: an id and the department that keeps them. */
public interface QualityRecord {

    long id();

    long unitId();
}
