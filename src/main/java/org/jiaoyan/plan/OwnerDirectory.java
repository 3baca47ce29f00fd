package org.jiaoyan.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.org.GroupKind;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.People;
import org.jiaoyan.org.Person;
import org.jiaoyan.org.UnitType;
import org.jspecify.annotations.Nullable;

/**
 * Reads owner text the way offices write it (王丽、教科室、各教研组长、全体) against one institution's people and units.
 * Load once per plan and resolve many items (import of 200 rows makes two queries, not 400).
 */
final class OwnerDirectory {

    /** Words that mean everyone in the office's scope. */
    private static final List<String> EVERYONE = List.of("全体", "全体教师", "全体成员", "全体人员", "全员", "所有教师", "全体教职工");

    private static final String SEPARATORS = "[、，,；;/\\s]+";

    private final Map<String, List<Long>> peopleByName = new HashMap<>();
    private final Map<String, OrgUnit> unitsByName = new LinkedHashMap<>();
    private final Map<GroupKind, List<OrgUnit>> groupsByKind = new HashMap<>();
    private final Map<Long, String> personNames = new HashMap<>();

    OwnerDirectory(long institutionId, People people, OrgUnits units) {
        for (Person p : people.ofInstitution(institutionId)) {
            peopleByName.computeIfAbsent(p.name().replaceAll("\\s+", ""), k -> new ArrayList<>()).add(p.id());
            personNames.put(p.id(), p.name());
        }
        for (OrgUnit u : units.unitsOf(institutionId, null, false)) {
            unitsByName.putIfAbsent(u.name(), u);
            if (u.shortName() != null && !u.shortName().isBlank()) {
                unitsByName.putIfAbsent(u.shortName(), u);
            }
            if (u.type() == UnitType.GROUP && u.groupKind() != null) {
                groupsByKind.computeIfAbsent(u.groupKind(), k -> new ArrayList<>()).add(u);
            }
        }
    }

    /** Whether the text names everyone (全体, 全体教师 …) among its words. */
    static boolean meansEveryone(@Nullable String text) {
        return text != null && java.util.Arrays.stream(text.split(SEPARATORS)).map(String::strip).anyMatch(EVERYONE::contains);
    }

    /** Owners found in the text; tokens that name nobody stay in the text only (课题主持人, 各校). */
    Resolution resolve(@Nullable String text) {
        List<Party> parties = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        boolean all = false;
        if (text == null || text.isBlank()) {
            return new Resolution(false, parties, unresolved);
        }
        for (String raw : text.split(SEPARATORS)) {
            String token = raw.replaceAll("^(负责人|责任人|主讲|主持)[:：]", "").trim();
            if (token.isEmpty()) {
                continue;
            }
            if (EVERYONE.contains(token)) {
                all = true;
                continue;
            }
            List<Party> found = match(token);
            if (found.isEmpty()) {
                unresolved.add(token);
            }
            for (Party p : found) {
                if (!parties.contains(p)) {
                    parties.add(p);
                }
            }
        }
        return new Resolution(all, parties, unresolved);
    }

    private List<Party> match(String token) {
        List<Long> persons = peopleByName.get(token);
        if (persons != null && persons.size() == 1) {
            return List.of(new Party(persons.get(0), null, token, false));
        }
        OrgUnit unit = unitsByName.get(token);
        if (unit != null) {
            return List.of(new Party(null, unit.id(), unit.displayName(), false));
        }
        // 各教研组长 / 各备课组 / 课题组 / 课题主持人: every group of that kind, its leaders when the word names them
        boolean leaders = token.endsWith("长") || token.endsWith("主持人");
        GroupKind kind = token.contains("教研组") ? GroupKind.TEACHING_RESEARCH
                : token.contains("备课组") ? GroupKind.LESSON_PREP
                : token.contains("课题") ? GroupKind.PROJECT : null;
        if (kind != null && (token.startsWith("各") || token.startsWith("课题"))) {
            return groupsByKind.getOrDefault(kind, List.of()).stream()
                    .map(u -> new Party(null, u.id(), u.displayName(), leaders)).toList();
        }
        // 语文组 for 语文教研组
        if (token.endsWith("组") && token.length() >= 3) {
            String stem = token.substring(0, token.length() - 1);
            for (OrgUnit u : unitsByName.values()) {
                if (u.name().startsWith(stem) && u.type() == UnitType.GROUP) {
                    return List.of(new Party(null, u.id(), u.displayName(), false));
                }
            }
        }
        return List.of();
    }

    /** The names of the institution's people and units (with short names), to cut owners out of glued text on import. */
    List<String> names() {
        List<String> names = new ArrayList<>(peopleByName.keySet());
        names.addAll(unitsByName.keySet());
        return names;
    }

    String personName(long id) {
        return personNames.getOrDefault(id, "");
    }

    List<Long> people() {
        return List.copyOf(personNames.keySet());
    }

    /** The owners found: everyone, these parties, and words that named nobody. */
    record Resolution(boolean all, List<Party> parties, List<String> unresolved) {
    }
}
