/** Organisation: the county → institution → department/group tree, people with their attributes, and school terms. */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.org;
