/** Business-free building blocks every module uses: domain exceptions with message keys, paging, Chinese dates. */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.jiaoyan.shared;
