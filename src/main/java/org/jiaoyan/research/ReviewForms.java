package org.jiaoyan.research;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.Text;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 评审表: an organiser's (school 教科室 or county 教研室) forms of scored items that reviewers fill in. Only whoever runs
 * the organiser reads and changes its forms; a form whose items already carry scores keeps its items.
 */
@Service
@Transactional
public class ReviewForms {

    /** A review form with its items in order. */
    public record ReviewForm(long id, long organizerId, String name, List<Item> items, int version) {

        public BigDecimal maxTotal() {
            return items.stream().map(Item::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** A scored item of a form (满分 1..100, one decimal). */
    public record Item(long id, String name, BigDecimal maxPoints) {

        /** 满分 as people write it: 20, 7.5. */
        public String maxText() {
            return maxPoints.stripTrailingZeros().toPlainString();
        }
    }

    /** An item as typed in the designer (maxPoints as text, so that a bad value is shown again). */
    public record ItemData(@Nullable String name, @Nullable String maxPoints) {
    }

    private final JdbcClient jdbc;
    private final Projects projects;
    private final AuditLog audit;

    ReviewForms(JdbcClient jdbc, Projects projects, AuditLog audit) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.audit = audit;
    }

    /** The organiser's forms, newest first. */
    @Transactional(readOnly = true)
    public List<ReviewForm> forms(long organizerId) {
        requireOrganizer(organizerId);
        List<Long> ids = jdbc.sql("select id from research_review_form where organizer_id = ? and deleted_at is null order by id desc")
                .param(organizerId).query(Long.class).list();
        Map<Long, List<Item>> items = itemsOf(ids);
        return jdbc.sql("select * from research_review_form where organizer_id = ? and deleted_at is null order by id desc")
                .param(organizerId).query((rs, i) -> new ReviewForm(rs.getLong("id"), rs.getLong("organizer_id"),
                        rs.getString("name"), items.getOrDefault(rs.getLong("id"), List.of()), rs.getInt("version"))).list();
    }

    /** One form of an organiser the user runs (404 otherwise). */
    @Transactional(readOnly = true)
    public ReviewForm get(long id) {
        ReviewForm f = find(id);
        if (!projects.runsOrganizer(f.organizerId())) {
            throw new NotFoundException();
        }
        return f;
    }

    /** A form without a scope check, for the module's services after their own check. */
    ReviewForm find(long id) {
        return jdbc.sql("select * from research_review_form where id = ? and deleted_at is null").param(id)
                .query((rs, i) -> new ReviewForm(rs.getLong("id"), rs.getLong("organizer_id"), rs.getString("name"),
                        itemsOf(List.of(id)).getOrDefault(id, List.of()), rs.getInt("version")))
                .optional().orElseThrow(NotFoundException::new);
    }

    /** Creates (id null) or saves a form; items replace the old ones unless scores already use them. */
    public long save(@Nullable Long id, long organizerId, int version, @Nullable String name, List<ItemData> items) {
        requireOrganizer(organizerId);
        List<FieldProblem> problems = new ArrayList<>();
        String n = Text.clean(name);
        if (n == null) {
            problems.add(new FieldProblem("name", "validation.required"));
        } else if (n.length() > 100) {
            problems.add(new FieldProblem("name", "researchreview.form.nameLong"));
        }
        List<Item> parsed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ItemData d = items.get(i);
            String in = Text.clean(d.name());
            if (in == null || in.length() > 100) {
                problems.add(new FieldProblem("items[" + i + "].name", "researchreview.item.name", i + 1));
            }
            BigDecimal max = points(d.maxPoints());
            if (max == null || max.compareTo(BigDecimal.ONE) < 0 || max.compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.add(new FieldProblem("items[" + i + "].maxPoints", "researchreview.item.max", i + 1));
            }
            parsed.add(new Item(0, in == null ? "" : in, max == null ? BigDecimal.ZERO : max));
        }
        if (items.isEmpty()) {
            problems.add(new FieldProblem("items", "researchreview.form.noItems"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long formId;
        if (id == null) {
            formId = Inserts.id(jdbc.sql("insert into research_review_form (organizer_id, name) values (?, ?)")
                    .params(organizerId, n));
        } else {
            ReviewForm before = get(id);
            if (before.organizerId() != organizerId) {
                throw new NotFoundException();
            }
            if (inUse(id) && !sameItems(before.items(), parsed)) {
                throw new ValidationException("items", "researchreview.form.inUse");
            }
            int changed = jdbc.sql("update research_review_form set name = ?, version = version + 1 where id = ? and version = ?")
                    .params(n, id, version).update();
            if (changed == 0) {
                throw new StaleEditException();
            }
            formId = id;
            if (sameItems(before.items(), parsed)) {
                audit.success("UPDATE", "research_review_form", formId, n, null);
                return formId;
            }
            jdbc.sql("delete from research_review_item where form_id = ?").param(formId).update();
        }
        int order = 0;
        for (Item it : parsed) {
            jdbc.sql("insert into research_review_item (form_id, name, max_points, sort_order) values (?, ?, ?, ?)")
                    .params(formId, it.name(), it.maxPoints(), order++).update();
        }
        audit.success(id == null ? "CREATE" : "UPDATE", "research_review_form", formId, n, null);
        return formId;
    }

    /** Removes a form (assignments already made keep it). */
    public void delete(long id) {
        ReviewForm f = get(id);
        jdbc.sql("update research_review_form set deleted_at = current_timestamp where id = ?").param(id).update();
        audit.success("DELETE", "research_review_form", id, f.name(), null);
    }

    private boolean inUse(long formId) {
        return jdbc.sql("""
                select count(*) from research_review_score s join research_review_item i on i.id = s.item_id
                 where i.form_id = ?""").param(formId).query(Long.class).single() > 0;
    }

    private static boolean sameItems(List<Item> a, List<Item> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).name().equals(b.get(i).name()) || a.get(i).maxPoints().compareTo(b.get(i).maxPoints()) != 0) {
                return false;
            }
        }
        return true;
    }

    private void requireOrganizer(long organizerId) {
        if (!projects.runsOrganizer(organizerId)) {
            throw new ForbiddenException();
        }
    }

    Map<Long, List<Item>> itemsOf(List<Long> formIds) {
        Map<Long, List<Item>> out = new LinkedHashMap<>();
        if (formIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select * from research_review_item where form_id in (:ids) order by sort_order, id").param("ids", formIds)
                .query((rs, i) -> {
                    out.computeIfAbsent(rs.getLong("form_id"), k -> new ArrayList<>())
                            .add(new Item(rs.getLong("id"), rs.getString("name"), rs.getBigDecimal("max_points")));
                    return null;
                }).list();
        return out;
    }

    /** Points as typed: a number with at most one decimal, or null when it is not one. */
    static @Nullable BigDecimal points(@Nullable String raw) {
        String s = Text.clean(raw);
        if (s == null) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(s);
            return v.scale() > 1 && v.stripTrailingZeros().scale() > 1 ? null : v.setScale(1, java.math.RoundingMode.UNNECESSARY);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
