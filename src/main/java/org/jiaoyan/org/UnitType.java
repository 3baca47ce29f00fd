package org.jiaoyan.org;

/** Level of an organisation unit: 县区 → 学校/医院 → 处室/科室 → 组. */
public enum UnitType { REGION, INSTITUTION, DEPARTMENT, GROUP }
