package org.jiaoyan.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Totals of the two kinds of form: points add up, weights turn 1–5 ratings into a mark out of 100. */
class ScoringTests {

    private static Criterion c(long id, int points) {
        return new Criterion(id, (int) id, "组", "项" + id, null, BigDecimal.valueOf(points), false);
    }

    private static final Criterion NOTES = new Criterion(9, 9, "记录", "课堂实录", null, null, true);

    @Test
    void pointsFormAddsTheScoresAndIgnoresTextFieldsAndMissingScores() {
        List<Criterion> criteria = List.of(c(1, 60), c(2, 30), c(3, 10), NOTES);
        assertThat(Scoring.POINTS.total(criteria, Map.of(1L, new BigDecimal("55.5"), 2L, new BigDecimal("27"))))
                .isEqualByComparingTo("82.5");
        assertThat(Scoring.POINTS.fullMarks(criteria)).isEqualByComparingTo("100");
    }

    @Test
    void weightedFormGivesWeightTimesRatingOverFive() {
        List<Criterion> criteria = List.of(c(1, 40), c(2, 35), c(3, 25), NOTES);
        // 40×5/5 + 35×4/5 + 25×3/5 = 40 + 28 + 15
        assertThat(Scoring.WEIGHTS.total(criteria, Map.of(1L, BigDecimal.valueOf(5), 2L, BigDecimal.valueOf(4),
                3L, BigDecimal.valueOf(3)))).isEqualByComparingTo("83");
        assertThat(Scoring.WEIGHTS.max(c(1, 40))).isEqualByComparingTo("5");
        assertThat(Scoring.WEIGHTS.total(criteria, Map.of(1L, BigDecimal.ONE, 2L, BigDecimal.ONE, 3L, BigDecimal.ONE)))
                .isEqualByComparingTo("20");
    }

    @Test
    void weightsThatDoNotAddUpToAHundredAreRejectedAtTheForm() {
        var rows = List.of(new CriterionData("组", "甲", null, BigDecimal.valueOf(50), false),
                new CriterionData("组", "乙", null, BigDecimal.valueOf(40), false));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EvaluationForms.check("量表", Scoring.WEIGHTS, rows))
                .isInstanceOf(org.jiaoyan.shared.ValidationException.class)
                .hasMessage("observation.form.weightsSum");
        assertThat(EvaluationForms.check("评价表", Scoring.POINTS, rows)).hasSize(2);
    }

    @Test
    void defaultEvaluationFormIsWorthAHundredAndTheObservationScaleWeightsAddUpToAHundred() {
        assertThat(DefaultForms.EVALUATION.criteria().stream().map(CriterionData::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
        assertThat(EvaluationForms.check(DefaultForms.OBSERVATION.name(), Scoring.WEIGHTS, DefaultForms.OBSERVATION.criteria()))
                .anyMatch(CriterionData::textField);
    }
}
