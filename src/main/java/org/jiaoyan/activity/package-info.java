/**
 * Group activities (教研活动, 集体备课, 公开课, 讲座 …): organiser, time, place, participants, 方案 / 记录 / 总结, QR
 * sign-in, each participant's 体会, photos and files. An activity created for a plan item fulfils it.
 */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.activity;
