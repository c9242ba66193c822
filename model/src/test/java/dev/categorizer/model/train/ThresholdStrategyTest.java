package dev.categorizer.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.metrics.ThresholdTuning;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ThresholdStrategyTest {

    /** The micro ascent reads counts prepared in one pass; it must choose exactly what counting each time chose. */
    @Test
    void microAscentChoosesWhatCountingEveryCandidateAgainChooses() {
        sameAsTheReference(ThresholdStrategy.MICRO, 0);
    }

    @Test
    void balancedAscentChoosesWhatCountingEveryCandidateAgainChoosesForMicroPlusMacroF1() {
        sameAsTheReference(ThresholdStrategy.BALANCED, 1);
    }

    @Test
    void balancedThresholdsTradeMicroF1ForMacroF1() {
        // Label 1 is rare and hard: its own best threshold is low, which costs micro-F1 a little.
        SplittableRandom random = new SplittableRandom(9);
        int docs = 2000;
        float[][] scores = new float[docs][2];
        boolean[][] truth = new boolean[docs][2];
        for (int d = 0; d < docs; d++) {
            truth[d][0] = random.nextDouble() < 0.4;
            scores[d][0] = (float) Math.min(1, Math.max(0, (truth[d][0] ? 0.7 : 0.3) + 0.2 * random.nextGaussian()));
            truth[d][1] = random.nextDouble() < 0.03;
            scores[d][1] = (float) Math.min(1, Math.max(0, (truth[d][1] ? 0.35 : 0.1) + 0.15 * random.nextGaussian()));
        }
        float[] c = TrainingRun.THRESHOLD_CANDIDATES;
        float[] micro = ThresholdStrategy.MICRO.thresholds(scores, truth, c, 3);
        float[] balanced = ThresholdStrategy.BALANCED.thresholds(scores, truth, c, 3);
        assertThat(balanced[1]).isLessThan(micro[1]);
        assertThat(ValidationSet.macroF1(scores, truth, balanced)).isGreaterThan(ValidationSet.macroF1(scores, truth, micro));
        assertThat(ValidationSet.microF1(scores, truth, balanced)).isLessThanOrEqualTo(ValidationSet.microF1(scores, truth, micro));
    }

    @Test
    void balancedWithAMacroWeightOfZeroIsTheMicroAscentAndTheWeightIsAHyperParameter() {
        SplittableRandom random = new SplittableRandom(5);
        int docs = 400, labels = 6;
        float[][] scores = new float[docs][labels];
        boolean[][] truth = new boolean[docs][labels];
        for (int d = 0; d < docs; d++) {
            for (int j = 0; j < labels; j++) {
                truth[d][j] = random.nextDouble() < 0.05 + 0.05 * j;
                scores[d][j] = (float) Math.min(1, Math.max(0, (truth[d][j] ? 0.5 : 0.25) + 0.2 * random.nextGaussian()));
            }
        }
        float[] c = TrainingRun.THRESHOLD_CANDIDATES;
        assertThat(ThresholdStrategy.BALANCED.thresholds(scores, truth, c, 3, 0))
                .containsExactly(ThresholdStrategy.MICRO.thresholds(scores, truth, c, 3));
        assertThat(ThresholdStrategy.BALANCED.thresholds(scores, truth, c, 3, 1))
                .containsExactly(ThresholdStrategy.BALANCED.thresholds(scores, truth, c, 3));
        HyperParameters half = HyperParameters.builder().balancedMacroWeight(0.5f).build();
        assertThat(half.toMap()).containsEntry("balanced_macro_weight", "0.5");
        assertThat(HyperParameters.fromMap(half.toMap())).isEqualTo(half);
        assertThat(HyperParameters.defaults().toMap()).doesNotContainKey("balanced_macro_weight");
    }

    @Test
    void theTopLabelFallbackIsKeptWhereEveryDocumentHasALabelAndNotWhereManyHaveNone() {
        // Two labels, scores that often leave both below 0.5: the best one is usually right when every document
        // has a label, and always wrong when those documents have none.
        SplittableRandom random = new SplittableRandom(3);
        int docs = 1000;
        float[][] scores = new float[docs][2];
        boolean[][] everyOne = new boolean[docs][2];
        boolean[][] manyNone = new boolean[docs][2];
        for (int d = 0; d < docs; d++) {
            int label = random.nextInt(2);
            boolean clear = random.nextBoolean();
            scores[d][label] = clear ? 0.8f : 0.4f;
            scores[d][1 - label] = clear ? 0.1f : 0.2f;
            everyOne[d][label] = true;
            manyNone[d][label] = clear;
        }
        float[] thresholds = {0.5f, 0.5f};
        for (ThresholdStrategy strategy : ThresholdStrategy.values()) {
            assertThat(strategy.rule(scores, everyOne, thresholds, true).topLabelFallback()).as(strategy.name()).isTrue();
            assertThat(strategy.rule(scores, manyNone, thresholds, true).topLabelFallback()).as(strategy.name()).isFalse();
            assertThat(strategy.rule(scores, everyOne, thresholds, false).topLabelFallback()).isFalse();
        }
        assertThat(ValidationSet.microF1(scores, everyOne, dev.categorizer.common.decision.DecisionRule.of(thresholds, true)))
                .isEqualTo(1.0);
    }

    private static void sameAsTheReference(ThresholdStrategy strategy, double macroWeight) {
        SplittableRandom random = new SplittableRandom(4);
        for (int trial = 0; trial < 20; trial++) {
            int docs = 50 + random.nextInt(300);
            int labels = 1 + random.nextInt(12);
            float[][] scores = new float[docs][labels];
            boolean[][] truth = new boolean[docs][labels];
            for (int d = 0; d < docs; d++) {
                for (int j = 0; j < labels; j++) {
                    truth[d][j] = random.nextDouble() < 0.2;
                    // Scores on the candidate grid too, to test the >= boundary.
                    scores[d][j] = random.nextBoolean() ? (float) random.nextDouble()
                            : TrainingRun.THRESHOLD_CANDIDATES[random.nextInt(TrainingRun.THRESHOLD_CANDIDATES.length)];
                    if (truth[d][j]) scores[d][j] = Math.min(1f, scores[d][j] + 0.2f);
                }
            }
            float[] chosen = strategy.thresholds(scores, truth, TrainingRun.THRESHOLD_CANDIDATES, 3);
            assertThat(chosen).as("trial %d", trial).containsExactly(reference(scores, truth, macroWeight));
        }
    }

    /**
     * The ascent as first written, on micro-F1 + macroWeight x macro-F1: every candidate counted over every
     * document.
     */
    private static float[] reference(float[][] s, boolean[][] y, double macroWeight) {
        float[] candidates = TrainingRun.THRESHOLD_CANDIDATES;
        int labels = y[0].length;
        float[] t = new float[labels];
        java.util.Arrays.fill(t, ThresholdTuning.globalThreshold(s, y, candidates));
        long[] tp = new long[labels], fp = new long[labels], fn = new long[labels];
        for (int j = 0; j < labels; j++) count(s, y, j, t[j], tp, fp, fn);
        long tpAll = 0, fpAll = 0, fnAll = 0;
        for (int j = 0; j < labels; j++) { tpAll += tp[j]; fpAll += fp[j]; fnAll += fn[j]; }
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < labels; j++) {
                long bTp = tpAll - tp[j], bFp = fpAll - fp[j], bFn = fnAll - fn[j];
                float best = t[j];
                double w = macroWeight / labels;
                double bestF1 = f1(tpAll, fpAll, fnAll) + (macroWeight == 0 ? 0 : w * f1(tp[j], fp[j], fn[j]));
                long[] a = new long[labels], b = new long[labels], c = new long[labels];
                for (float cand : candidates) {
                    count(s, y, j, cand, a, b, c);
                    double f1 = f1(bTp + a[j], bFp + b[j], bFn + c[j]) + (macroWeight == 0 ? 0 : w * f1(a[j], b[j], c[j]));
                    if (f1 > bestF1 + 1e-12) { bestF1 = f1; best = cand; }
                }
                t[j] = best;
                count(s, y, j, best, tp, fp, fn);
                tpAll = bTp + tp[j]; fpAll = bFp + fp[j]; fnAll = bFn + fn[j];
            }
        }
        return t;
    }

    private static void count(float[][] s, boolean[][] y, int j, float t, long[] tp, long[] fp, long[] fn) {
        tp[j] = fp[j] = fn[j] = 0;
        for (int i = 0; i < s.length; i++) {
            boolean p = s[i][j] >= t;
            if (p && y[i][j]) tp[j]++;
            else if (p) fp[j]++;
            else if (y[i][j]) fn[j]++;
        }
    }

    private static double f1(long tp, long fp, long fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
