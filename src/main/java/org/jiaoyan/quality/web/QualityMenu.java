package org.jiaoyan.quality.web;

import org.jiaoyan.quality.QualityDepartments;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Whether the menu shows 质控与演练: to users who see a hospital department (${@qualityMenu.visible()}). */
@Component("qualityMenu")
class QualityMenu {

    private final QualityDepartments departments;

    QualityMenu(QualityDepartments departments) {
        this.departments = departments;
    }

    public boolean visible() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof org.jiaoyan.security.CurrentUser)) {
            return false;
        }
        return departments.any();
    }
}
