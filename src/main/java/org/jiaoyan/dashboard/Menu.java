package org.jiaoyan.dashboard;

import java.util.Locale;
import java.util.Set;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.org.Sector;
import org.jiaoyan.quality.QualityDepartments;
import org.jiaoyan.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Which product the signed-in user sees, by the kind of their institution: a school's modules (教研活动, 听课, 青蓝…)
 * or a hospital department's (质控与演练), and the words that differ (教师 → 医护人员, 组织机构 → 科室). The layout asks
 * {@code ${@menu.shows('activities')}} and {@code #{${@menu.word('nav.people')}}}; 工作台 asks the same. Hiding an entry
 * is no permission: the pages behind it check the data scope as for anyone.
 */
@Component("menu")
public class Menu {

    /**
     * Parts of a school's product only: menu entries (records: the heading of 教研活动, 听课, 评价表, 青蓝工程) and the
     * teachers' subjects (任教学科) in the staff list.
     */
    private static final Set<String> SCHOOL_ONLY = Set.of("records", "activities", "observations", "forms", "mentoring", "checks", "scorecards", "research", "terms",
            "subjects");
    private static final String QUALITY = "quality";
    private static final String SECTOR_ATTRIBUTE = Menu.class.getName() + ".sector";
    private static final String QUALITY_ATTRIBUTE = Menu.class.getName() + ".quality";

    private final OrgDirectory directory;
    private final QualityDepartments departments;
    private final MessageSource messages;

    Menu(OrgDirectory directory, QualityDepartments departments, MessageSource messages) {
        this.directory = directory;
        this.departments = departments;
        this.messages = messages;
    }

    /**
     * Whether the user's product has this part: school parts for users of a school (and of no institution, e.g.
     * administrators), 质控与演练 for users of a hospital and anyone who reads a hospital department (county,
     * administrators). An unknown name is a mistake in a template and fails.
     */
    public boolean shows(String entry) {
        if (QUALITY.equals(entry)) {
            return hospital() || seesHospitalDepartments();
        }
        if (SCHOOL_ONLY.contains(entry)) {
            return !hospital();
        }
        throw new IllegalArgumentException("unknown menu entry " + entry);
    }

    /** The user's institution is a hospital. */
    public boolean hospital() {
        return sector() == Sector.HEALTHCARE;
    }

    /** The kind of the user's institution; a school's for users of none. Read once per request. */
    public Sector sector() {
        return perRequest(SECTOR_ATTRIBUTE, () -> {
            CurrentUser user = user();
            Long institution = user == null ? null : user.institutionId();
            return institution == null ? Sector.EDUCATION : directory.sectorOf(institution).orElse(Sector.EDUCATION);
        });
    }

    /** The message key for the user's kind of institution: {@code key.HEALTHCARE} where the bundle has one, else the key. */
    public String word(String key) {
        Sector sector = sector();
        if (sector == Sector.EDUCATION) {
            return key;
        }
        String own = key + "." + sector.name();
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(own, null, null, locale) != null ? own : key;
    }

    private boolean seesHospitalDepartments() {
        return user() != null && perRequest(QUALITY_ATTRIBUTE, departments::any);
    }

    private static @Nullable CurrentUser user() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser u ? u : null;
    }

    /** The layout asks several times per page: one database look-up per request. */
    @SuppressWarnings("unchecked")
    private static <T> T perRequest(String name, java.util.function.Supplier<T> compute) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return compute.get();
        }
        Object known = request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
        if (known != null) {
            return (T) known;
        }
        T value = compute.get();
        request.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
        return value;
    }
}
