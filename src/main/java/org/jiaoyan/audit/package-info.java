/** Who changed what, when, with what outcome: the audit log every module writes to and admins search. */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.audit;
