package org.jiaoyan.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Reads audit entries back in people's words, the one place that knows how: 确认听课记录 for
 * ACKNOWLEDGE + observation, 听课记录《…》 for the record, 总分 85 → 90 for "totalScore: 85 → 90", 王丽（wangli）
 * for the user. Keys: {@code audit.action.*} (a pattern with the kind as {0}), {@code audit.kind.*},
 * {@code audit.field.*}, {@code audit.value.<field>.<value>}. Codes without a key (old rows, new actions) show as
 * they were stored.
 */
@Component
public class AuditWords {

    private static final Pattern PART = Pattern.compile("^([A-Za-z][A-Za-z0-9_]*): (.*)$", Pattern.DOTALL);
    private static final String ARROW = " → ";

    private final MessageSource messages;

    public AuditWords(MessageSource messages) {
        this.messages = messages;
    }

    /** 确认听课记录, 新增教师; an unknown action reads "ACTION 听课记录". */
    public String action(AuditEntry e, Locale locale) {
        String kind = kind(e.entityType(), locale);
        String pattern = msg("audit.action." + e.action(), locale, kind);
        return pattern != null ? pattern : e.action() + " " + kind;
    }

    /** 听课记录, 学期计划; the stored code when no key names it. */
    public String kind(String entityType, Locale locale) {
        String k = msg("audit.kind." + entityType, locale);
        return k != null ? k : entityType;
    }

    /** The record as a person names it: 听课记录《公开课》, or 听课记录 #12 when no title was stored. */
    public String record(AuditEntry e, Locale locale) {
        String kind = kind(e.entityType(), locale);
        String title = e.summary() == null ? "" : e.summary().strip();
        if ("request".equals(e.entityType())) {
            return title.isEmpty() ? kind : title;
        }
        if (title.isEmpty()) {
            return e.entityId() == null ? kind : kind + " #" + e.entityId();
        }
        return title.contains("《") ? kind + " " + title : kind + "《" + title + "》";
    }

    /** 王丽（wangli）; the login alone when no name was stored or it is the same. */
    public String user(AuditEntry e) {
        String login = e.username() == null ? "" : e.username();
        String name = e.actorName();
        if (name == null || name.isBlank() || name.equals(login)) {
            return login;
        }
        return login.isEmpty() ? name : name + "（" + login + "）";
    }

    /** Each change in words: 总分 85 → 90, 状态 草稿 → 待审核; parts stored as free text show unchanged. */
    public List<String> changes(AuditEntry e, Locale locale) {
        if (e.changes() == null || e.changes().isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : e.changes().split("; ")) {
            out.add(change(part, locale));
        }
        return out;
    }

    String change(String part, Locale locale) {
        Matcher m = PART.matcher(part);
        if (!m.matches()) {
            // diff() keys written in Chinese already ("标题: a → b") read well without the colon
            int colon = part.indexOf(": ");
            return colon > 0 && !part.substring(0, colon).isBlank() && !part.substring(0, colon).chars().allMatch(c -> c < 128)
                    ? part.substring(0, colon) + " " + part.substring(colon + 2) : part;
        }
        String field = m.group(1);
        String label = msg("audit.field." + field, locale);
        if (label == null) {
            return part;
        }
        String rest = m.group(2);
        int arrow = rest.indexOf(ARROW);
        if (arrow >= 0) {
            return label + " " + value(field, rest.substring(0, arrow), locale) + ARROW
                    + value(field, rest.substring(arrow + ARROW.length()), locale);
        }
        return label + " " + value(field, rest, locale);
    }

    private String value(String field, String value, Locale locale) {
        if ("∅".equals(value)) {
            String empty = msg("audit.value.empty", locale);
            return empty == null ? value : empty;
        }
        if ("record".equals(field)) {
            int hash = value.indexOf(" #");
            if (hash > 0) {
                return kind(value.substring(0, hash), locale) + value.substring(hash);
            }
        }
        if ("roles".equals(field)) {
            List<String> roles = new ArrayList<>();
            for (String grant : value.split(", ")) {
                int at = grant.indexOf('@');
                String role = at < 0 ? grant : grant.substring(0, at);
                String label = msg("role." + role, locale);
                roles.add((label == null ? role : label) + (at < 0 ? "" : grant.substring(at)));
            }
            return String.join("、", roles);
        }
        String word = msg("audit.value." + field + "." + value, locale);
        if (word == null) {
            word = msg("audit.value.any." + value, locale);
        }
        return word == null ? value : word;
    }

    private @Nullable String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, null, locale);
    }
}
