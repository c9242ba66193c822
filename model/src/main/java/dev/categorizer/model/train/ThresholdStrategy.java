package dev.categorizer.model.train;

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
 * </ul>
 */
public enum ThresholdStrategy {
    GLOBAL,
    PER_LABEL,
    SHRUNK,
    MICRO;

    /** Validation positives that weigh as much as the global threshold in {@link #SHRUNK}. */
    static final int SHRINK_WEIGHT = 10;

    float[] thresholds(float[][] scores, boolean[][] truth, float[] candidates, int minPositives) {
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
            case MICRO -> microAscent(scores, truth, candidates, out);
        }
        return out;
    }

    private static void microAscent(float[][] scores, boolean[][] truth, float[] candidates, float[] thresholds) {
        int labels = thresholds.length;
        long[] tp = new long[labels], fp = new long[labels], fn = new long[labels];
        for (int j = 0; j < labels; j++) count(scores, truth, j, thresholds[j], tp, fp, fn);
        long tpAll = sum(tp), fpAll = sum(fp), fnAll = sum(fn);
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < labels; j++) {
                long baseTp = tpAll - tp[j], baseFp = fpAll - fp[j], baseFn = fnAll - fn[j];
                float best = thresholds[j];
                double bestF1 = f1(tpAll, fpAll, fnAll);
                long[] t = new long[1], f = new long[1], n = new long[1];
                for (float c : candidates) {
                    t[0] = f[0] = n[0] = 0;
                    countInto(scores, truth, j, c, t, f, n);
                    double f1 = f1(baseTp + t[0], baseFp + f[0], baseFn + n[0]);
                    if (f1 > bestF1 + 1e-12) {
                        bestF1 = f1;
                        best = c;
                    }
                }
                thresholds[j] = best;
                tp[j] = fp[j] = fn[j] = 0;
                count(scores, truth, j, best, tp, fp, fn);
                tpAll = baseTp + tp[j];
                fpAll = baseFp + fp[j];
                fnAll = baseFn + fn[j];
            }
        }
    }

    private static void count(float[][] s, boolean[][] y, int j, float t, long[] tp, long[] fp, long[] fn) {
        long[] a = new long[1], b = new long[1], c = new long[1];
        countInto(s, y, j, t, a, b, c);
        tp[j] = a[0];
        fp[j] = b[0];
        fn[j] = c[0];
    }

    private static void countInto(float[][] s, boolean[][] y, int j, float t, long[] tp, long[] fp, long[] fn) {
        for (int i = 0; i < s.length; i++) {
            boolean p = s[i][j] >= t;
            if (p && y[i][j]) tp[0]++;
            else if (p) fp[0]++;
            else if (y[i][j]) fn[0]++;
        }
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long v : a) s += v;
        return s;
    }

    private static double f1(long tp, long fp, long fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
