/** The UI shell: layout, navigation, locale, error pages and problem details, date formatting, form helpers. No business rules. */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.jiaoyan.web;
