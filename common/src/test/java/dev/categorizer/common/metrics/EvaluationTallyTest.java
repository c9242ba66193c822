package dev.categorizer.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTallyTest {

    private static final List<String> LABELS = List.of("Comedy", "Drama");

    @Test
    void countsMetricsScoresAndConfusionsOfEachDocument() {
        EvaluationTally tally = new EvaluationTally(LABELS, 10);
        tally.add(List.of("Comedy"), new float[] {0.2f, 0.8f}, List.of("Drama"), "Drama");
        tally.add(List.of("Drama"), new float[] {0.1f, 0.9f}, List.of("Drama"), "Drama");

        assertThat(tally.evaluation().result().microF1()).isEqualTo(F1Score.of(1, 1, 1));
        assertThat(tally.histogram().positives(0)).isEqualTo(1);
        assertThat(tally.histogram().positives(1)).isEqualTo(1);
        assertThat(tally.confusion().top(5)).containsExactly(new ConfusionCounts.Pair("Comedy", "Drama", 1));
    }

    @Test
    void anUnscoredDocumentCountsItsLabelsAsMissesAtScoreZero() {
        EvaluationTally tally = new EvaluationTally(LABELS, 10);
        tally.add(List.of("Comedy"), null, List.of(), null);

        assertThat(tally.evaluation().result().perLabel().get(0).support()).isEqualTo(1);
        assertThat(tally.histogram().curve(0).get(9).recall()).as("only at threshold 0").isEqualTo(1.0);
        assertThat(tally.histogram().curve(0).get(8).recall()).isZero();
    }

    @Test
    void tallyOfTwoHalvesMergedEqualsTheTallyOfTheWhole() {
        EvaluationTally whole = new EvaluationTally(LABELS, 10);
        EvaluationTally first = new EvaluationTally(LABELS, 10);
        EvaluationTally second = new EvaluationTally(LABELS, 10);
        for (EvaluationTally t : List.of(whole, first)) {
            t.add(List.of("Comedy"), new float[] {0.7f, 0.6f}, List.of("Comedy", "Drama"), "Comedy");
        }
        for (EvaluationTally t : List.of(whole, second)) {
            t.add(List.of("Drama"), new float[] {0.5f, 0.2f}, List.of("Comedy"), "Comedy");
        }

        first.merge(second);

        assertThat(first.evaluation().result()).isEqualTo(whole.evaluation().result());
        assertThat(first.histogram().curve(1)).isEqualTo(whole.histogram().curve(1));
        assertThat(first.confusion().top(5)).isEqualTo(whole.confusion().top(5));
    }

    @Test
    void refusesScoresThatDoNotMatchTheLabels() {
        EvaluationTally tally = new EvaluationTally(LABELS, 10);
        assertThatThrownBy(() -> tally.add(List.of(), new float[] {0.1f}, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
