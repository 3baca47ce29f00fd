/**
 * Lesson observation (听课, 评课, 课堂观察): the school's evaluation forms in versions, observations scored on one
 * version, the observed teacher's acknowledgement, each teacher's 听课记录 per term, and the metrics the rules read.
 */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.observation;
