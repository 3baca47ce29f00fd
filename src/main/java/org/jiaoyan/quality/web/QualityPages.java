package org.jiaoyan.quality.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.dictionary.DictKind;
import org.jiaoyan.dictionary.Dictionaries;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.quality.Department;
import org.jiaoyan.quality.QualityDepartments;
import org.jiaoyan.quality.QualityFilter;
import org.jiaoyan.quality.StaffMember;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the three quality list and form pages share: the filter bar, the department of a new record, staff pickers. */
@Component
class QualityPages {

    private final QualityDepartments departments;
    private final Dictionaries dictionaries;
    private final Terms terms;

    QualityPages(QualityDepartments departments, Dictionaries dictionaries, Terms terms) {
        this.departments = departments;
        this.dictionaries = dictionaries;
        this.terms = terms;
    }

    /** Puts the filter, the departments and whether the user may record into the model; returns the filter. */
    QualityFilter listModel(String tab, @Nullable Long unit, @Nullable String month, Model model) {
        QualityFilter filter = new QualityFilter(unit, QualityFilter.parseMonth(month));
        List<Department> readable = departments.readable();
        model.addAttribute("nav", "quality");
        model.addAttribute("tab", tab);
        model.addAttribute("f", filter);
        model.addAttribute("departments", readable);
        model.addAttribute("canCreate", !departments.managed().isEmpty());
        // the department a summary is about: the chosen one, or the only one the user sees
        Long focus = unit != null ? unit : readable.size() == 1 ? readable.get(0).id() : null;
        model.addAttribute("focus", focus == null ? null : departments.get(focus));
        return filter;
    }

    /** The department a new record is for: the one asked for if the user manages it, else the first managed. */
    Department newRecordDepartment(@Nullable Long unit) {
        List<Department> managed = departments.managed();
        if (unit != null) {
            return managed.stream().filter(d -> d.id() == unit).findFirst().orElseThrow(() -> {
                departments.get(unit); // 404 when not even readable
                return new ForbiddenException();
            });
        }
        if (managed.isEmpty()) {
            throw departments.readable().isEmpty() ? new NotFoundException() : new ForbiddenException();
        }
        return managed.get(0);
    }

    /** The form's shared model: the department, the departments to switch to, staff with their titles. */
    List<StaffMember> formModel(Department department, boolean isNew, Model model) {
        List<StaffMember> staff = departments.staff(department.id());
        model.addAttribute("nav", "quality");
        model.addAttribute("department", department);
        model.addAttribute("managed", isNew ? departments.managed() : List.of(department));
        model.addAttribute("staff", staff);
        model.addAttribute("titles", dictionaries.labelsByCode(DictKind.TITLE));
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> titles = dictionaries.labelsByCode(DictKind.TITLE);
        staff.forEach(s -> options.put(String.valueOf(s.id()),
                s.name() + (s.titleCode() != null && titles.containsKey(s.titleCode()) ? "（" + titles.get(s.titleCode()) + "）" : "")));
        model.addAttribute("staffOptions", options);
        return staff;
    }

    /** The term of today (or the nearest), for 人人过关 and the rotation summaries. */
    @Nullable SchoolTerm term() {
        return terms.current(LocalDate.now()).orElse(null);
    }
}
