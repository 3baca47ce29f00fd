package org.jiaoyan.org;

/** 在职 / 调出 / 退休. */
public enum PersonStatus { ACTIVE, TRANSFERRED, RETIRED }
