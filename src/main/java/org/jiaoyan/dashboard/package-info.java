/** The home page: real counts for the signed-in user's scope and the current term. */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.dashboard;
