/** Business-free building blocks every module uses: domain exceptions with message keys, paging, Chinese dates, locks that keep scheduled jobs to one node. */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.jiaoyan.shared;
