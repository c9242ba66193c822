package dev.categorizer.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BaggedThresholdsTest {

    private static final float[] C = TrainingRun.THRESHOLD_CANDIDATES;

    private static float[][] scores;
    private static boolean[][] truth;

    static {
        SplittableRandom random = new SplittableRandom(8);
        int docs = 300, labels = 4;
        scores = new float[docs][labels];
        truth = new boolean[docs][labels];
        for (int d = 0; d < docs; d++) {
            for (int j = 0; j < labels; j++) {
                truth[d][j] = random.nextDouble() < 0.1 + 0.1 * j;
                scores[d][j] = (float) Math.min(1, Math.max(0, (truth[d][j] ? 0.6 : 0.3) + 0.2 * random.nextGaussian()));
            }
        }
    }

    @Test
    void withoutBagsTheThresholdsAreTheStrategysOwn() {
        assertThat(BaggedThresholds.tune(ThresholdStrategy.BALANCED, scores, truth, C, 3, 1, 0, 7))
                .containsExactly(ThresholdStrategy.BALANCED.thresholds(scores, truth, C, 3));
    }

    @Test
    void oneBagIsTheStrategyOnOneBootstrapResampleAndManyBagsAverageThem() {
        float[] one = BaggedThresholds.tune(ThresholdStrategy.MICRO, scores, truth, C, 3, 1, 1, 7);
        // One bag's thresholds are on the candidate grid; it is not the whole set's tuning (a resample).
        for (float t : one) assertThat(C).contains(t);
        float[] many = BaggedThresholds.tune(ThresholdStrategy.MICRO, scores, truth, C, 3, 1, 25, 7);
        float[] whole = ThresholdStrategy.MICRO.thresholds(scores, truth, C, 3);
        boolean offGrid = false;
        for (int j = 0; j < many.length; j++) {
            assertThat(many[j]).isBetween(C[0], C[C.length - 1]);
            assertThat(Math.abs(many[j] - whole[j])).as("label %d near the whole set's", j).isLessThan(0.15f);
            boolean onGrid = false;
            for (float c : C) onGrid |= c == many[j];
            offGrid |= !onGrid;
        }
        assertThat(offGrid).as("a mean of bags, not one tuning").isTrue();
    }

    @Test
    void theSameSeedGivesTheSameThresholdsAndAnotherSeedOthers() {
        float[] a = BaggedThresholds.tune(ThresholdStrategy.BALANCED, scores, truth, C, 3, 1, 10, 7);
        assertThat(BaggedThresholds.tune(ThresholdStrategy.BALANCED, scores, truth, C, 3, 1, 10, 7)).containsExactly(a);
        assertThat(BaggedThresholds.tune(ThresholdStrategy.BALANCED, scores, truth, C, 3, 1, 10, 8)).isNotEqualTo(a);
    }
}
