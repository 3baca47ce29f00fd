/**
 * 质控与演练: a hospital department's own records — quality-control checks (每周质控), training given by staff in
 * rotation (业务学习，轮流授课) and emergency drills that every staff member must pass (应急演练，人人过关) — with
 * their list, detail and recycle-bin pages and the metrics the rules read through {@link org.jiaoyan.metrics}.
 */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.quality;
