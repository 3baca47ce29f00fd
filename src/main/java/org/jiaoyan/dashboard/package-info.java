/**
 * The home page (工作台) with real counts for the signed-in user's scope and the current term, and the menu: which
 * product (a school's or a hospital department's) and which words the user's kind of institution gets.
 */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.dashboard;
