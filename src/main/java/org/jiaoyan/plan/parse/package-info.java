/**
 * Semester-plan import (学期工作计划 / 行事历): reads a plan written as text or Word and finds its sections and schedule
 * items. Plain classes, no Spring beans, so a service and the {@code parse-plan} command line use them alike; exposed
 * as the named interface "parse" of the plan module for that reason.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("parse")
package org.jiaoyan.plan.parse;
