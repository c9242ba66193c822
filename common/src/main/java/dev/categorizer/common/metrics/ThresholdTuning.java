package dev.categorizer.common.metrics;

import java.util.Arrays;

/**
 * Chooses decision thresholds on validation scores. A label is predicted when its score is {@code >=} the
 * threshold. Ties between equally good candidates go to the one closest to 0.5, then to the lower one, so the
 * choice never depends on the order of {@code candidates}.
 *
 * <p>Cost: one binary search over the candidates per (document, label) cell, then O(labels × candidates), so
 * large validation sets and fine candidate grids are cheap.
 *
 * <pre>{@code
 * float[] grid = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f};
 * float[] perLabel = ThresholdTuning.perLabelThresholds(scores, truth, grid, 0.5f, 5);
 * float global = ThresholdTuning.globalThreshold(scores, truth, grid);
 * }</pre>
 */
public final class ThresholdTuning {

    private ThresholdTuning() {}

    /**
     * For each label, the candidate that maximises that label's F1 on the validation set.
     *
     * @param scores scores[document][label]
     * @param truth truth[document][label], same shape as scores
     * @param candidates thresholds to try, finite, at least one
     * @param fallback the threshold of labels with fewer than {@code minPositives} positive documents, whose F1
     *     is too noisy to tune on
     */
    public static float[] perLabelThresholds(
            float[][] scores, boolean[][] truth, float[] candidates, float fallback, int minPositives) {
        int labels = checkShape(scores, truth);
        float[] sorted = sortedCandidates(candidates);
        // positives[label][k]: positive cells whose score clears exactly the k lowest candidates; same for negatives.
        long[][] positives = new long[labels][sorted.length + 1];
        long[][] negatives = new long[labels][sorted.length + 1];
        for (int d = 0; d < scores.length; d++) {
            for (int l = 0; l < labels; l++) {
                int k = candidatesCleared(sorted, scores[d][l]);
                (truth[d][l] ? positives : negatives)[l][k]++;
            }
        }
        float[] thresholds = new float[labels];
        for (int l = 0; l < labels; l++) {
            thresholds[l] = total(positives[l]) < minPositives ? fallback : best(sorted, positives[l], negatives[l]);
        }
        return thresholds;
    }

    /**
     * The one candidate threshold, shared by all labels, that maximises micro-F1 on the validation set.
     *
     * @param scores scores[document][label]
     * @param truth truth[document][label], same shape as scores
     * @param candidates thresholds to try, finite, at least one
     */
    public static float globalThreshold(float[][] scores, boolean[][] truth, float[] candidates) {
        int labels = checkShape(scores, truth);
        float[] sorted = sortedCandidates(candidates);
        long[] positives = new long[sorted.length + 1];
        long[] negatives = new long[sorted.length + 1];
        for (int d = 0; d < scores.length; d++) {
            for (int l = 0; l < labels; l++) {
                int k = candidatesCleared(sorted, scores[d][l]);
                (truth[d][l] ? positives : negatives)[k]++;
            }
        }
        return best(sorted, positives, negatives);
    }

    /** The candidate with the best F1 given the cleared-candidate histograms of positive and negative cells. */
    private static float best(float[] sorted, long[] positives, long[] negatives) {
        long allPositives = total(positives);
        // Walking candidates from the highest down, tp and fp grow by the cells that clear exactly i + 1 candidates.
        long tp = 0;
        long fp = 0;
        float best = sorted[sorted.length - 1];
        double bestF1 = -1;
        for (int i = sorted.length - 1; i >= 0; i--) {
            tp += positives[i + 1];
            fp += negatives[i + 1];
            double f1 = F1Score.of(tp, fp, allPositives - tp);
            if (f1 > bestF1 || (f1 == bestF1 && closerToHalf(sorted[i], best))) {
                bestF1 = f1;
                best = sorted[i];
            }
        }
        return best;
    }

    /** Whether {@code a} beats {@code b} as a tie-break: closer to 0.5, or as close and lower. */
    private static boolean closerToHalf(float a, float b) {
        double da = Math.abs(a - 0.5);
        double db = Math.abs(b - 0.5);
        return da < db || (da == db && a < b);
    }

    /** How many sorted candidates {@code score} reaches (score >= candidate); NaN reaches none. */
    private static int candidatesCleared(float[] sorted, float score) {
        if (Float.isNaN(score)) {
            return 0;
        }
        int low = 0;
        int high = sorted.length;
        while (low < high) { // first candidate > score
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= score) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static float[] sortedCandidates(float[] candidates) {
        if (candidates.length == 0) {
            throw new IllegalArgumentException("no candidate thresholds");
        }
        for (float c : candidates) {
            if (!Float.isFinite(c)) {
                throw new IllegalArgumentException("candidate threshold is not finite: " + c);
            }
        }
        float[] sorted = candidates.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** The number of labels; rejects ragged or mismatched arrays. */
    private static int checkShape(float[][] scores, boolean[][] truth) {
        if (scores.length != truth.length) {
            throw new IllegalArgumentException("scores and truth differ in documents: " + scores.length + " != " + truth.length);
        }
        if (scores.length == 0) {
            return 0;
        }
        int labels = scores[0].length;
        for (int d = 0; d < scores.length; d++) {
            if (scores[d].length != labels || truth[d].length != labels) {
                throw new IllegalArgumentException("document " + d + " has " + scores[d].length + " scores and "
                        + truth[d].length + " truth values, expected " + labels);
            }
        }
        return labels;
    }

    private static long total(long[] counts) {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }
}
