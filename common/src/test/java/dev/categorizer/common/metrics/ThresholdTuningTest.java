package dev.categorizer.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ThresholdTuningTest {

    // Label 0: positives score 0.9 and 0.6, negatives 0.4 and 0.2: 0.5 separates them (F1 1; 0.3 gives 0.8, 0.7 2/3).
    // Label 1: positives 0.75 and 0.35, negatives 0.8 and 0.1: 0.3 gives F1 0.8, 0.5 and 0.7 give 0.5.
    private static final float[][] SCORES = {{0.9f, 0.8f}, {0.6f, 0.75f}, {0.4f, 0.35f}, {0.2f, 0.1f}};
    private static final boolean[][] TRUTH = {{true, false}, {true, true}, {false, true}, {false, false}};
    private static final float[] CANDIDATES = {0.7f, 0.3f, 0.5f};

    @Test
    void perLabelPicksEachLabelsBestCandidate() {
        assertThat(ThresholdTuning.perLabelThresholds(SCORES, TRUTH, CANDIDATES, 0.42f, 2)).containsExactly(0.5f, 0.3f);
    }

    @Test
    void labelsWithTooFewPositivesGetTheFallback() {
        assertThat(ThresholdTuning.perLabelThresholds(SCORES, TRUTH, CANDIDATES, 0.42f, 3)).containsExactly(0.42f, 0.42f);
        boolean[][] truth = {{true, false}, {true, false}, {false, true}, {false, false}};
        assertThat(ThresholdTuning.perLabelThresholds(SCORES, truth, CANDIDATES, 0.42f, 2)).containsExactly(0.5f, 0.42f);
    }

    @Test
    void globalMaximisesMicroF1() {
        // 0.3: tp 4, fp 2, fn 0 -> 0.8; 0.5: tp 3, fp 1, fn 1 -> 0.75; 0.7: tp 2, fp 1, fn 2 -> 4/7.
        assertThat(ThresholdTuning.globalThreshold(SCORES, TRUTH, CANDIDATES)).isEqualTo(0.3f);
    }

    @Test
    void tiesGoToTheCandidateClosestToOneHalfThenTheLower() {
        float[][] scores = {{0.95f}, {0.05f}};
        boolean[][] truth = {{true}, {false}};

        assertThat(ThresholdTuning.globalThreshold(scores, truth, new float[] {0.1f, 0.45f, 0.9f})).isEqualTo(0.45f);
        assertThat(ThresholdTuning.globalThreshold(scores, truth, new float[] {0.6f, 0.4f})).isEqualTo(0.4f);
        assertThat(ThresholdTuning.perLabelThresholds(scores, truth, new float[] {0.9f, 0.2f, 0.55f}, 0f, 1))
                .containsExactly(0.55f);
    }

    @Test
    void aScoreEqualToTheThresholdIsPredicted() {
        float[][] scores = {{0.5f}, {0.4f}};
        boolean[][] truth = {{true}, {false}};

        assertThat(ThresholdTuning.perLabelThresholds(scores, truth, new float[] {0.45f, 0.5f, 0.55f}, 0f, 1))
                .containsExactly(0.5f); // 0.45 and 0.5 both give F1 1; 0.55 predicts nothing
    }

    @Test
    void nanScoresAreNeverPredicted() {
        float[][] scores = {{Float.NaN}, {0.8f}};
        boolean[][] truth = {{false}, {true}};

        assertThat(ThresholdTuning.globalThreshold(scores, truth, new float[] {0.1f, 0.9f})).isEqualTo(0.1f);
    }

    @Test
    void agreesWithBruteForceOnRandomData() {
        Random random = new Random(11);
        float[] candidates = {0.05f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f};
        for (int round = 0; round < 20; round++) {
            int docs = 1 + random.nextInt(60);
            int labels = 1 + random.nextInt(6);
            float[][] scores = new float[docs][labels];
            boolean[][] truth = new boolean[docs][labels];
            for (int d = 0; d < docs; d++) {
                for (int l = 0; l < labels; l++) {
                    truth[d][l] = random.nextInt(3) == 0;
                    scores[d][l] = Math.min(1f, Math.max(0f, (truth[d][l] ? 0.6f : 0.35f) + (float) random.nextGaussian() * 0.25f));
                }
            }

            float[] perLabel = ThresholdTuning.perLabelThresholds(scores, truth, candidates, -1f, 1);
            float global = ThresholdTuning.globalThreshold(scores, truth, candidates);

            for (int l = 0; l < labels; l++) {
                if (perLabel[l] != -1f) {
                    double best = 0;
                    for (float c : candidates) {
                        best = Math.max(best, labelF1(scores, truth, l, c));
                    }
                    assertThat(labelF1(scores, truth, l, perLabel[l])).isEqualTo(best);
                }
            }
            double bestMicro = 0;
            for (float c : candidates) {
                bestMicro = Math.max(bestMicro, microF1(scores, truth, c));
            }
            assertThat(microF1(scores, truth, global)).isEqualTo(bestMicro);
        }
    }

    private static double labelF1(float[][] scores, boolean[][] truth, int label, float threshold) {
        long tp = 0, fp = 0, fn = 0;
        for (int d = 0; d < scores.length; d++) {
            boolean predicted = scores[d][label] >= threshold;
            tp += predicted && truth[d][label] ? 1 : 0;
            fp += predicted && !truth[d][label] ? 1 : 0;
            fn += !predicted && truth[d][label] ? 1 : 0;
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    private static double microF1(float[][] scores, boolean[][] truth, float threshold) {
        long tp = 0, fp = 0, fn = 0;
        for (int d = 0; d < scores.length; d++) {
            for (int l = 0; l < scores[d].length; l++) {
                boolean predicted = scores[d][l] >= threshold;
                tp += predicted && truth[d][l] ? 1 : 0;
                fp += predicted && !truth[d][l] ? 1 : 0;
                fn += !predicted && truth[d][l] ? 1 : 0;
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> ThresholdTuning.globalThreshold(SCORES, TRUTH, new float[0])).hasMessageContaining("no candidate");
        assertThatThrownBy(() -> ThresholdTuning.globalThreshold(SCORES, TRUTH, new float[] {Float.NaN}))
                .hasMessageContaining("not finite");
        assertThatThrownBy(() -> ThresholdTuning.globalThreshold(SCORES, new boolean[3][2], CANDIDATES))
                .hasMessageContaining("differ in documents");
        assertThatThrownBy(() -> ThresholdTuning.perLabelThresholds(new float[][] {{0.1f, 0.2f}, {0.3f}},
                new boolean[][] {{true, false}, {true}}, CANDIDATES, 0.5f, 1)).hasMessageContaining("document 1 has 1 scores");
    }
}
