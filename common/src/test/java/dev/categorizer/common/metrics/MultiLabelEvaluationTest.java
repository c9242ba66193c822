package dev.categorizer.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultiLabelEvaluationTest {

    /**
     * Labels a, b, c, d; d is never true and never predicted. Per label (tp, fp, fn): a (2, 0, 0), b (1, 1, 1),
     * c (0, 1, 1), d (0, 0, 0). scikit-learn: f1_score(micro) = 2·3 / (2·3 + 2 + 2) = 0.6,
     * f1_score(macro, zero_division=0) = (1 + 0.5 + 0 + 0) / 4 = 0.375.
     */
    static EvaluationResult handExample() {
        MultiLabelEvaluation evaluation = new MultiLabelEvaluation(List.of("a", "b", "c", "d"));
        evaluation.add(Set.of("a", "b"), Set.of("a"), "a"); // P@1 hit
        evaluation.add(Set.of("a"), Set.of("a", "b"), "b"); // miss
        evaluation.add(Set.of("c"), Set.of(), "a"); // miss
        evaluation.add(Set.of("x"), Set.of("c"), "c"); // unknown true label ignored; miss, still counts
        evaluation.add(List.of("b", "b"), List.of("b", "zzz"), "b"); // duplicates count once, unknown prediction ignored; hit
        return evaluation.result();
    }

    @Test
    void matchesHandComputedScikitLearnScores() {
        EvaluationResult result = handExample();

        assertThat(result.microF1()).isCloseTo(0.6, within(1e-12));
        assertThat(result.macroF1()).isCloseTo(0.375, within(1e-12));
        assertThat(result.precisionAt1()).isCloseTo(0.4, within(1e-12));
        assertThat(result.docs()).isEqualTo(5);
        assertThat(result.labels()).isEqualTo(4);
    }

    @Test
    void comparesTheMeanNumberOfPredictedCategoriesWithTheTrueMean() {
        MultiLabelEvaluation evaluation = new MultiLabelEvaluation(List.of("a", "b", "c"));
        evaluation.add(Set.of("a", "b", "c"), Set.of("a"), "a");
        evaluation.add(Set.of("a", "x"), Set.of(), null); // x is not in the label set: one true label
        evaluation.add(Set.of("b"), Set.of("b", "zzz"), "b"); // zzz neither: one predicted label

        EvaluationResult result = evaluation.result();

        assertThat(result.meanPredictedLabels()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(result.meanTrueLabels()).isCloseTo(5.0 / 3, within(1e-12));
        assertThat(result.toJson()).contains("\"mean_predicted_labels\":0.666", "\"mean_true_labels\":1.666");
        assertThat(result.toTable()).contains("labels/doc 0.67 predicted, 1.67 true");
    }

    @Test
    void twoEvaluationsMergedScoreAsOneThatSawEveryDocument() {
        List<String> labels = List.of("a", "b");
        MultiLabelEvaluation whole = new MultiLabelEvaluation(labels);
        MultiLabelEvaluation first = new MultiLabelEvaluation(labels);
        MultiLabelEvaluation second = new MultiLabelEvaluation(labels);
        whole.add(Set.of("a"), Set.of("a", "b"), "a");
        first.add(Set.of("a"), Set.of("a", "b"), "a");
        whole.add(Set.of("b"), Set.of(), "a");
        second.add(Set.of("b"), Set.of(), "a");

        first.merge(second);

        assertThat(first.result()).isEqualTo(whole.result());
        assertThatThrownBy(() -> first.merge(new MultiLabelEvaluation(List.of("a"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givesPerLabelScoresWithZeroWhereUndefined() {
        assertThat(handExample().perLabel()).containsExactly(
                new LabelResult("a", 1.0, 1.0, 1.0, 2),
                new LabelResult("b", 0.5, 0.5, 0.5, 2),
                new LabelResult("c", 0.0, 0.0, 0.0, 1),
                new LabelResult("d", 0.0, 0.0, 0.0, 0));
    }

    @Test
    void f1IsHarmonicMeanOfPrecisionAndRecall() {
        MultiLabelEvaluation evaluation = new MultiLabelEvaluation(List.of("a"));
        evaluation.add(Set.of("a"), Set.of("a"), "a");
        evaluation.add(Set.of("a"), Set.of(), null); // fn
        evaluation.add(Set.of("a"), Set.of(), null); // fn
        evaluation.add(Set.of(), Set.of("a"), "a"); // fp

        LabelResult a = evaluation.result().perLabel().get(0);

        assertThat(a.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(a.recall()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(a.f1()).isCloseTo(2 * 0.5 * (1.0 / 3) / (0.5 + 1.0 / 3), within(1e-12)); // 0.4
        assertThat(evaluation.result().precisionAt1()).isCloseTo(0.25, within(1e-12)); // null top label: a miss
    }

    @Test
    void emptyEvaluationScoresZero() {
        EvaluationResult result = new MultiLabelEvaluation(List.of("a", "b")).result();

        assertThat(result.microF1()).isZero();
        assertThat(result.macroF1()).isZero();
        assertThat(result.precisionAt1()).isZero();
        assertThat(result.docs()).isZero();
    }

    @Test
    void rejectsDuplicateLabels() {
        assertThatThrownBy(() -> new MultiLabelEvaluation(List.of("a", "b", "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate label 'a'");
    }
}
