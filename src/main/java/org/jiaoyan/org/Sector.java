package org.jiaoyan.org;

/** Kind of institution; picks the labels (学校/教研组/教师 or 医院/科室/医护人员) through message keys. */
public enum Sector { EDUCATION, HEALTHCARE }
