package org.jiaoyan.observation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * How a form scores: POINTS (课堂评价表: each criterion has its maximum points, the total is their sum) or WEIGHTS
 * (课堂观察量表: each criterion has a weight in %, rated 1–5; the total is Σ weight × rating ÷ 5, out of 100).
 */
public enum Scoring {
    POINTS, WEIGHTS;

    /** Highest rating on a weighted form. */
    public static final int MAX_RATING = 5;

    public String messageKey() {
        return "observation.scoring." + name();
    }

    /** The greatest value a criterion may be given (its points, or the top rating). */
    public BigDecimal max(Criterion c) {
        return this == POINTS ? c.pointsOrZero() : BigDecimal.valueOf(MAX_RATING);
    }

    /** Total of the given scores (criterion id → score); criteria without a score count 0, text fields nothing. */
    public BigDecimal total(List<Criterion> criteria, Map<Long, BigDecimal> scores) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Criterion c : criteria) {
            BigDecimal s = scores.get(c.id());
            if (c.textField() || s == null) {
                continue;
            }
            sum = sum.add(this == POINTS ? s
                    : c.pointsOrZero().multiply(s).divide(BigDecimal.valueOf(MAX_RATING), 4, RoundingMode.HALF_UP));
        }
        return sum.setScale(1, RoundingMode.HALF_UP);
    }

    /** The most a form can give: the sum of points (POINTS) or of weights (WEIGHTS, 100 when they add up). */
    public BigDecimal fullMarks(List<Criterion> criteria) {
        return criteria.stream().filter(c -> !c.textField()).map(Criterion::pointsOrZero)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(1, RoundingMode.HALF_UP);
    }
}
