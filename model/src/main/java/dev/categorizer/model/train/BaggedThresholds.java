package dev.categorizer.model.train;

import java.util.SplittableRandom;

/**
 * Decision thresholds averaged over bootstrap resamples of the validation set: each bag draws as many documents
 * as there are, with replacement, and tunes the strategy's thresholds on them; a label's threshold is the mean
 * of its bags'. The threshold a few hundred validation documents put at the top of a flat F1 curve moves with
 * every document; the mean of the bags moves less. Drawn from the seed, so the same run gives the same ones.
 *
 * <pre>{@code
 * float[] t = BaggedThresholds.tune(ThresholdStrategy.BALANCED, scores, truth, candidates, 3, 1.0, 20, seed);
 * }</pre>
 */
final class BaggedThresholds {

    private BaggedThresholds() {}

    /**
     * The strategy's thresholds on {@code scores}, or, with {@code bags > 0}, their mean over that many bootstrap
     * resamples of the documents.
     */
    static float[] tune(ThresholdStrategy strategy, float[][] scores, boolean[][] truth, float[] candidates,
            int minPositives, double balancedMacroWeight, int bags, long seed) {
        if (bags < 0) throw new IllegalArgumentException("bags must be >= 0, got " + bags);
        if (bags == 0 || scores.length == 0) {
            return strategy.thresholds(scores, truth, candidates, minPositives, balancedMacroWeight);
        }
        int n = scores.length;
        int labels = truth[0].length;
        double[] sum = new double[labels];
        float[][] bagScores = new float[n][];
        boolean[][] bagTruth = new boolean[n][];
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ 0x5DEECE66DL);
        for (int b = 0; b < bags; b++) {
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                bagScores[i] = scores[pick];
                bagTruth[i] = truth[pick];
            }
            float[] t = strategy.thresholds(bagScores, bagTruth, candidates, minPositives, balancedMacroWeight);
            for (int j = 0; j < labels; j++) sum[j] += t[j];
        }
        float[] mean = new float[labels];
        for (int j = 0; j < labels; j++) mean[j] = (float) (sum[j] / bags);
        return mean;
    }
}
