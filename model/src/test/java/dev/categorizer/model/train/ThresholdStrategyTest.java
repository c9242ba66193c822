package dev.categorizer.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.metrics.ThresholdTuning;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ThresholdStrategyTest {

    /** The micro ascent reads counts prepared in one pass; it must choose exactly what counting each time chose. */
    @Test
    void microAscentChoosesWhatCountingEveryCandidateAgainChooses() {
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
            float[] chosen = ThresholdStrategy.MICRO.thresholds(scores, truth, TrainingRun.THRESHOLD_CANDIDATES, 3);
            assertThat(chosen).as("trial %d", trial).containsExactly(reference(scores, truth));
        }
    }

    /** The ascent as first written: every candidate counted over every document. */
    private static float[] reference(float[][] s, boolean[][] y) {
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
                double bestF1 = f1(tpAll, fpAll, fnAll);
                long[] a = new long[labels], b = new long[labels], c = new long[labels];
                for (float cand : candidates) {
                    count(s, y, j, cand, a, b, c);
                    double f1 = f1(bTp + a[j], bFp + b[j], bFn + c[j]);
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
