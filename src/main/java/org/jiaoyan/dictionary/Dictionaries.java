package org.jiaoyan.dictionary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and edits dictionaries. Reads come from a small in-memory copy that is dropped on every local edit and
 * refreshed every minute, so another node's edit shows up within a minute.
 */
@Service("dictionaries")
public class Dictionaries {

    private static final Duration REFRESH = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private volatile @Nullable Snapshot snapshot;

    public Dictionaries(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Enabled values of a kind in display order. */
    public List<DictItem> items(String kind) {
        return snapshot().byKind.getOrDefault(kind, List.of()).stream().filter(DictItem::enabled).toList();
    }

    /** All values of a kind, disabled ones included (admin page). */
    public List<DictItem> allItems(String kind) {
        return snapshot().byKind.getOrDefault(kind, List.of());
    }

    public Optional<DictItem> find(String kind, @Nullable String code) {
        if (code == null) {
            return Optional.empty();
        }
        return allItems(kind).stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** Label in the current language; the code itself when unknown so nothing silently disappears. */
    public String label(String kind, @Nullable String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        return find(kind, code).map(i -> i.label(locale)).orElse(code);
    }

    public String labels(String kind, @Nullable List<String> codes) {
        return codes == null ? "" : codes.stream().map(c -> label(kind, c)).collect(Collectors.joining("、"));
    }

    /**
     * The code a roster spelling stands for: code, label, English label or alias, ignoring spaces and case.
     * Empty when nothing matches exactly; imports report that as a row error instead of guessing.
     */
    public Optional<String> resolve(String kind, @Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = matchKey(text);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(snapshot().lookup.getOrDefault(kind, Map.of()).get(key));
    }

    /**
     * Code → label in the current language of every value of a kind, disabled ones included so that old records keep
     * their label: lists take this once per page and look rows up in it, instead of a dictionary search per cell.
     */
    public Map<String, String> labelMap(String kind) {
        Locale locale = LocaleContextHolder.getLocale();
        List<DictItem> all = allItems(kind);
        Map<String, String> m = new java.util.HashMap<>(all.size() * 2);
        all.forEach(i -> m.put(i.code(), i.label(locale)));
        return m;
    }

    public Map<String, String> labelsByCode(String kind) {
        Map<String, String> m = new LinkedHashMap<>();
        items(kind).forEach(i -> m.put(i.code(), i.label(LocaleContextHolder.getLocale())));
        return m;
    }

    @Transactional
    public long create(String kind, String code, String label, @Nullable String labelEn, @Nullable Integer rank,
                       List<String> aliases, int sortOrder) {
        Access.requireAdmin();
        if (!DictKind.ALL.contains(kind)) {
            throw new NotFoundException();
        }
        if (find(kind, code).isPresent() || resolve(kind, label).isPresent()) {
            throw new ValidationException("code", "dictionary.duplicate");
        }
        long id = Inserts.id(jdbc.sql("""
                insert into dict_item (kind, code, label, label_en, rank_value, aliases, sort_order, created_by, updated_by)
                values (:kind, :code, :label, :labelEn, :rank, :aliases, :sort, :by, :by)""")
                .param("kind", kind).param("code", code).param("label", label).param("labelEn", labelEn)
                .param("rank", rank).param("aliases", String.join("|", aliases)).param("sort", sortOrder)
                .param("by", Access.actor()));
        audit.success("CREATE", "dict_item", id, kind + " " + label, null);
        invalidate();
        return id;
    }

    @Transactional
    public void update(long id, int version, String label, @Nullable String labelEn, @Nullable Integer rank,
                       List<String> aliases, int sortOrder, boolean enabled) {
        Access.requireAdmin();
        DictItem before = byId(id);
        Optional<String> clash = resolve(before.kind(), label);
        if (clash.isPresent() && !clash.get().equals(before.code())) {
            throw new ValidationException("label", "dictionary.duplicate");
        }
        int n = jdbc.sql("""
                update dict_item set label = :label, label_en = :labelEn, rank_value = :rank, aliases = :aliases,
                       sort_order = :sort, enabled = :enabled, version = version + 1,
                       updated_at = current_timestamp, updated_by = :by
                 where id = :id and version = :version""")
                .param("label", label).param("labelEn", labelEn).param("rank", rank)
                .param("aliases", String.join("|", aliases)).param("sort", sortOrder).param("enabled", enabled)
                .param("by", Access.actor()).param("id", id).param("version", version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("UPDATE", "dict_item", id, before.kind() + " " + label,
                AuditLog.diff(Map.of("label", before.label(), "labelEn", String.valueOf(before.labelEn()),
                                "rank", String.valueOf(before.rank()), "aliases", String.join("、", before.aliases()),
                                "sortOrder", before.sortOrder(), "enabled", before.enabled()),
                        Map.of("label", label, "labelEn", String.valueOf(labelEn), "rank", String.valueOf(rank),
                                "aliases", String.join("、", aliases), "sortOrder", sortOrder, "enabled", enabled)));
        invalidate();
    }

    public DictItem byId(long id) {
        return snapshot().byKind.values().stream().flatMap(List::stream).filter(i -> i.id() == id).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    public void invalidate() {
        snapshot = null;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt.plus(REFRESH).isBefore(Instant.now())) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    private Snapshot load() {
        List<DictItem> all = jdbc.sql("""
                select id, kind, code, label, label_en, rank_value, aliases, sort_order, enabled, version
                  from dict_item order by kind, sort_order, id""")
                .query((rs, i) -> new DictItem(rs.getLong("id"), rs.getString("kind"), rs.getString("code"),
                        rs.getString("label"), rs.getString("label_en"), (Integer) rs.getObject("rank_value", Integer.class),
                        splitAliases(rs.getString("aliases")), rs.getInt("sort_order"), rs.getBoolean("enabled"),
                        rs.getInt("version")))
                .list();
        Map<String, List<DictItem>> byKind = new LinkedHashMap<>();
        Map<String, Map<String, String>> lookup = new LinkedHashMap<>();
        for (DictItem item : all) {
            byKind.computeIfAbsent(item.kind(), k -> new ArrayList<>()).add(item);
            if (!item.enabled()) {
                continue;
            }
            Map<String, String> m = lookup.computeIfAbsent(item.kind(), k -> new LinkedHashMap<>());
            m.putIfAbsent(matchKey(item.code()), item.code());
            m.putIfAbsent(matchKey(item.label()), item.code());
            if (item.labelEn() != null) {
                m.putIfAbsent(matchKey(item.labelEn()), item.code());
            }
            item.aliases().forEach(a -> m.putIfAbsent(matchKey(a), item.code()));
        }
        return new Snapshot(Instant.now(), byKind, lookup);
    }

    private static List<String> splitAliases(@Nullable String aliases) {
        return aliases == null || aliases.isBlank() ? List.of()
                : Arrays.stream(aliases.split("\\|")).map(String::trim).filter(a -> !a.isEmpty()).toList();
    }

    /** Spaces, full-width letters and case do not distinguish dictionary spellings. */
    static String matchKey(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (!Character.isWhitespace(c) && c != '\u3000') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private record Snapshot(Instant loadedAt, Map<String, List<DictItem>> byKind, Map<String, Map<String, String>> lookup) {
    }
}
