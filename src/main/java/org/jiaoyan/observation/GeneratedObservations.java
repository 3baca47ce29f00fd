package org.jiaoyan.observation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jiaoyan.security.Access;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk insert of many observations for the data generator and benchmarks (thousands a second): multi-row
 * statements, scores derived from a quality between 0 and 1. System use only; pages and APIs use {@link Observations}.
 */
@Service
public class GeneratedObservations {

    private static final int CHUNK = 1000;

    /** One generated observation; quality 0..1 decides the scores on the form's current version. */
    public record Seed(long institutionId, long observerId, long teacherId, LocalDate observedOn, @Nullable String className,
                       @Nullable String subjectCode, String topic, LessonType lessonType, long formId, double quality,
                       @Nullable String strengths, @Nullable String suggestions, boolean acknowledged) {
    }

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final EvaluationForms forms;

    GeneratedObservations(JdbcTemplate jdbcTemplate, JdbcClient jdbc, EvaluationForms forms) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.forms = forms;
    }

    /** The institution's forms (the two defaults are made first if it has none), for seeds to name. */
    @Transactional
    public List<Long> formsOf(long institutionId) {
        requireSystem();
        forms.ensureDefaults(institutionId);
        return forms.of(institutionId).stream().map(EvaluationForm::id).toList();
    }

    /** Inserts every seed with its scores; returns how many were inserted. */
    @Transactional
    public int insertAll(List<Seed> seeds) {
        requireSystem();
        Map<Long, FormVersion> versions = new HashMap<>();
        for (int from = 0; from < seeds.size(); from += CHUNK) {
            List<Seed> chunk = seeds.subList(from, Math.min(seeds.size(), from + CHUNK));
            String tag = "gen-" + UUID.randomUUID().toString().substring(0, 8);
            List<Object[]> rows = new ArrayList<>(chunk.size());
            List<List<BigDecimal>> scores = new ArrayList<>(chunk.size());
            for (Seed s : chunk) {
                FormVersion v = versions.computeIfAbsent(s.formId(),
                        id -> forms.loadVersion(jdbc.sql("select current_version from observation_form where id = ?")
                                .param(id).query(Long.class).single()));
                List<BigDecimal> values = scores(v, s.quality());
                Map<Long, BigDecimal> byId = new HashMap<>();
                for (int i = 0; i < v.criteria().size(); i++) {
                    if (values.get(i) != null) {
                        byId.put(v.criteria().get(i).id(), values.get(i));
                    }
                }
                scores.add(values);
                Timestamp ack = s.acknowledged() ? Timestamp.valueOf(s.observedOn().plusDays(2).atTime(17, 0)) : null;
                rows.add(new Object[] {s.institutionId(), s.observerId(), s.teacherId(), Date.valueOf(s.observedOn()),
                        s.className(), s.subjectCode(), s.topic(), s.lessonType().name(), v.id(),
                        v.scoring().total(v.criteria(), byId), s.strengths(), s.suggestions(), ack, tag, tag});
            }
            insertRows("""
                    insert into observation (institution_id, observer_id, teacher_id, observed_on, class_name, subject_code, topic,
                           lesson_type, form_version_id, total, strengths, suggestions, acknowledged_at, created_by, updated_by)
                    values """, 15, rows);
            List<Long> ids = jdbc.sql("select id from observation where created_by = ? order by id").param(tag)
                    .query(Long.class).list();
            jdbc.sql("update observation set created_by = 'generator', updated_by = 'generator' where created_by = ?")
                    .param(tag).update();
            List<Object[]> scoreRows = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                FormVersion v = versions.get(chunk.get(i).formId());
                List<BigDecimal> values = scores.get(i);
                for (int c = 0; c < v.criteria().size(); c++) {
                    if (values.get(c) != null) {
                        scoreRows.add(new Object[] {ids.get(i), v.criteria().get(c).id(), values.get(c)});
                    }
                }
            }
            insertRows("insert into observation_score (observation_id, criterion_id, score) values ", 3, scoreRows);
        }
        return seeds.size();
    }

    /** Multi-row inserts (100 rows a statement), several times faster than single-row batches on H2 and PostgreSQL. */
    private void insertRows(String insert, int columns, List<Object[]> rows) {
        String one = "(" + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
        for (int from = 0; from < rows.size(); from += 100) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + 100));
            String sql = insert + String.join(", ", java.util.Collections.nCopies(part.size(), one));
            Object[] args = new Object[part.size() * columns];
            for (int i = 0; i < part.size(); i++) {
                System.arraycopy(part.get(i), 0, args, i * columns, columns);
            }
            jdbcTemplate.update(sql, args);
        }
    }

    /** Scores near quality × max, varied a little per criterion (points to halves, ratings whole). */
    static List<BigDecimal> scores(FormVersion v, double quality) {
        List<BigDecimal> out = new ArrayList<>();
        for (int i = 0; i < v.criteria().size(); i++) {
            Criterion c = v.criteria().get(i);
            if (c.textField()) {
                out.add(null);
                continue;
            }
            double q = Math.max(0.2, Math.min(1.0, quality + ((i * 7 % 5) - 2) * 0.04));
            double max = v.scoring().max(c).doubleValue();
            BigDecimal s = v.scoring() == Scoring.WEIGHTS
                    ? BigDecimal.valueOf(Math.max(1, Math.round(q * max)))
                    : BigDecimal.valueOf(Math.round(q * max * 2) / 2.0).setScale(1, RoundingMode.HALF_UP);
            out.add(s);
        }
        return out;
    }

    private static void requireSystem() {
        if (!Access.user().isAdmin()) {
            throw new org.jiaoyan.shared.ForbiddenException();
        }
    }
}
