package dev.categorizer.model.train;

import dev.categorizer.common.decision.DecisionRule;
import dev.categorizer.common.metrics.F1Score;
import dev.categorizer.common.metrics.ThresholdTuning;

/**
 * How the per-label decision thresholds are chosen on the validation set.
 *
 * <ul>
 *   <li>{@link #GLOBAL}: one threshold for every label, the one with the best micro-F1.
 *   <li>{@link #PER_LABEL}: each label its own F1-best threshold (labels with few validation positives take the
 *       global one).
 *   <li>{@link #SHRUNK}: each label's own threshold pulled towards the global one, the more so the fewer
 *       validation positives the label has; less noise than {@link #PER_LABEL} on rare labels.
 *   <li>{@link #MICRO}: starting from the global threshold, each label's threshold is moved to where it most
 *       improves micro-F1, in two passes over the labels.
 *   <li>{@link #BALANCED}: as {@link #MICRO}, but each move goes where it most improves micro-F1 plus macro-F1, so
 *       that a label whose own F1 gains more than micro-F1 loses can take it.
 * </ul>
 */
public enum ThresholdStrategy {
    GLOBAL,
    PER_LABEL,
    SHRUNK,
    MICRO,
    BALANCED;

    /**
     * The decision rule of {@code thresholds} (tuned by this strategy on these scores): with the top-label
     * fallback if {@code mayFallBack} and the fallback raises, on these scores, what this strategy tunes for; a
     * catalogue where many videos have no category loses precision by it and keeps the thresholds alone.
     */
    DecisionRule rule(float[][] scores, boolean[][] truth, float[] thresholds, boolean mayFallBack) {
        return rule(scores, truth, thresholds, mayFallBack, 1);
    }

    /** {@link #rule(float[][], boolean[][], float[], boolean)} with BALANCED's macro-F1 weight. */
    DecisionRule rule(float[][] scores, boolean[][] truth, float[] thresholds, boolean mayFallBack,
            double balancedMacroWeight) {
        DecisionRule plain = DecisionRule.of(thresholds, false);
        if (!mayFallBack) return plain;
        DecisionRule fallback = DecisionRule.of(thresholds, true);
        double weight = macroWeight(balancedMacroWeight);
        return objective(scores, truth, fallback, weight) > objective(scores, truth, plain, weight) + 1e-12
                ? fallback : plain;
    }

    private static double objective(float[][] scores, boolean[][] truth, DecisionRule rule, double weight) {
        return ValidationSet.microF1(scores, truth, rule)
                + (weight == 0 ? 0 : weight * ValidationSet.macroF1(scores, truth, rule));
    }

    /**
     * The weight of macro-F1 beside micro-F1 in what this strategy tunes for (micro-F1 + weight x macro-F1): 0 for
     * the micro-F1 strategies, BALANCED's own weight for it, 1 for those that weigh each label's own F1.
     */
    double macroWeight(double balancedMacroWeight) {
        return switch (this) {
            case GLOBAL, MICRO -> 0;
            case BALANCED -> balancedMacroWeight;
            case PER_LABEL, SHRUNK -> 1;
        };
    }

    /** Validation positives that weigh as much as the global threshold in {@link #SHRUNK}. */
    static final int SHRINK_WEIGHT = 10;

    float[] thresholds(float[][] scores, boolean[][] truth, float[] candidates, int minPositives) {
        return thresholds(scores, truth, candidates, minPositives, 1);
    }

    /**
     * The thresholds of this strategy; {@link #BALANCED} tunes micro-F1 + {@code balancedMacroWeight} x macro-F1
     * (the other strategies ignore it).
     */
    float[] thresholds(float[][] scores, boolean[][] truth, float[] candidates, int minPositives,
            double balancedMacroWeight) {
        int labels = truth.length == 0 ? 0 : truth[0].length;
        float global = ThresholdTuning.globalThreshold(scores, truth, candidates);
        float[] out = new float[labels];
        java.util.Arrays.fill(out, global);
        switch (this) {
            case GLOBAL -> { }
            case PER_LABEL -> out = ThresholdTuning.perLabelThresholds(scores, truth, candidates, global, minPositives);
            case SHRUNK -> {
                float[] own = ThresholdTuning.perLabelThresholds(scores, truth, candidates, global, 1);
                for (int j = 0; j < labels; j++) {
                    int positives = 0;
                    for (boolean[] row : truth) if (row[j]) positives++;
                    out[j] = (positives * own[j] + SHRINK_WEIGHT * global) / (positives + SHRINK_WEIGHT);
                }
            }
            case MICRO -> ascent(scores, truth, candidates, out, 0);
            case BALANCED -> ascent(scores, truth, candidates, out, macroWeight(balancedMacroWeight));
        }
        return out;
    }

    /**
     * Coordinate ascent from {@code thresholds} on micro-F1 + {@code macroWeight} x macro-F1 (the mean of the labels'
     * F1), two passes over the labels; each label's threshold moves to the candidate that most improves it.
     */
    private static void ascent(float[][] scores, boolean[][] truth, float[] candidates, float[] thresholds,
            double macroWeight) {
        int labels = thresholds.length;
        LabelCounts counts = new LabelCounts(scores, truth, candidates, thresholds);
        long[] tp = new long[labels], fp = new long[labels], fn = new long[labels];
        for (int j = 0; j < labels; j++) {
            tp[j] = counts.truePositives(j, thresholds[j]);
            fp[j] = counts.falsePositives(j, thresholds[j]);
            fn[j] = counts.positives(j) - tp[j];
        }
        long tpAll = sum(tp), fpAll = sum(fp), fnAll = sum(fn);
        double perLabel = macroWeight / Math.max(1, labels);
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < labels; j++) {
                long baseTp = tpAll - tp[j], baseFp = fpAll - fp[j], baseFn = fnAll - fn[j];
                float best = thresholds[j];
                double own = macroWeight == 0 ? 0 : perLabel * F1Score.of(tp[j], fp[j], fn[j]);
                double bestF1 = F1Score.of(tpAll, fpAll, fnAll) + own;
                for (float c : candidates) {
                    long t = counts.truePositives(j, c);
                    long f = counts.falsePositives(j, c);
                    long missed = counts.positives(j) - t;
                    double f1 = F1Score.of(baseTp + t, baseFp + f, baseFn + missed)
                            + (macroWeight == 0 ? 0 : perLabel * F1Score.of(t, f, missed));
                    if (f1 > bestF1 + 1e-12) {
                        bestF1 = f1;
                        best = c;
                    }
                }
                thresholds[j] = best;
                tp[j] = counts.truePositives(j, best);
                fp[j] = counts.falsePositives(j, best);
                fn[j] = counts.positives(j) - tp[j];
                tpAll = baseTp + tp[j];
                fpAll = baseFp + fp[j];
                fnAll = baseFn + fn[j];
            }
        }
    }

    /**
     * For every label and threshold of interest, how many positive and negative documents score at or above it:
     * one pass over the scores, so that trying every candidate for every label does not read the scores again
     * (which, at 90,000 validation documents and 300 labels, took minutes).
     */
    private static final class LabelCounts {
        private final float[] sorted; // distinct thresholds of interest, ascending
        private final long[][] positivesAtLeast; // [label][i]: positives scoring >= sorted[i]
        private final long[][] negativesAtLeast;
        private final long[] positives;

        LabelCounts(float[][] scores, boolean[][] truth, float[] candidates, float[] initial) {
            float[] all = new float[candidates.length + initial.length];
            System.arraycopy(candidates, 0, all, 0, candidates.length);
            System.arraycopy(initial, 0, all, candidates.length, initial.length);
            sorted = distinctSorted(all);
            int labels = initial.length;
            positivesAtLeast = new long[labels][sorted.length + 1];
            negativesAtLeast = new long[labels][sorted.length + 1];
            positives = new long[labels];
            for (int d = 0; d < scores.length; d++) {
                for (int j = 0; j < labels; j++) {
                    int cleared = cleared(scores[d][j]);
                    if (truth[d][j]) {
                        positivesAtLeast[j][cleared]++;
                        positives[j]++;
                    } else {
                        negativesAtLeast[j][cleared]++;
                    }
                }
            }
            for (int j = 0; j < labels; j++) {
                suffix(positivesAtLeast[j]);
                suffix(negativesAtLeast[j]);
            }
        }

        private static float[] distinctSorted(float[] values) {
            float[] copy = values.clone();
            java.util.Arrays.sort(copy);
            int n = 0;
            for (float v : copy) {
                if (n == 0 || Float.compare(v, copy[n - 1]) != 0) copy[n++] = v;
            }
            return java.util.Arrays.copyOf(copy, n);
        }

        /** How many thresholds of interest are at or below the score (the ones it clears). */
        private int cleared(float score) {
            int lo = 0, hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] <= score) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        /** From "documents clearing exactly k thresholds" to "documents clearing more than i", for each i. */
        private static void suffix(long[] counts) {
            long running = 0;
            for (int k = counts.length - 1; k >= 0; k--) {
                long here = counts[k];
                counts[k] = running;
                running += here;
            }
        }

        private int index(float threshold) {
            int i = java.util.Arrays.binarySearch(sorted, threshold);
            if (i < 0) throw new IllegalArgumentException("not a threshold of interest: " + threshold);
            return i;
        }

        long truePositives(int label, float threshold) {
            return positivesAtLeast[label][index(threshold)];
        }

        long falsePositives(int label, float threshold) {
            return negativesAtLeast[label][index(threshold)];
        }

        long positives(int label) {
            return positives[label];
        }
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long v : a) s += v;
        return s;
    }
}
