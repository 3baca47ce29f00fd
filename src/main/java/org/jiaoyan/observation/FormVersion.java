package org.jiaoyan.observation;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One version of an evaluation form: its scoring and criteria as they were when observations used it. */
public record FormVersion(long id, long formId, String formName, long institutionId, int versionNo, Scoring scoring,
                          @Nullable String description, List<Criterion> criteria, @Nullable LocalDateTime createdAt,
                          @Nullable String createdBy) {

    /** Criteria by group in form order (教学目标 → [..], 教学内容 → [..]). */
    public Map<String, List<Criterion>> groups() {
        Map<String, List<Criterion>> m = new LinkedHashMap<>();
        criteria.forEach(c -> m.computeIfAbsent(c.group(), k -> new ArrayList<>()).add(c));
        return m;
    }

    public java.math.BigDecimal fullMarks() {
        return scoring.fullMarks(criteria);
    }

    public boolean weighted() {
        return scoring == Scoring.WEIGHTS;
    }
}
