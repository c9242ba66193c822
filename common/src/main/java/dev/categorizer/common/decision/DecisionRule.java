package dev.categorizer.common.decision;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Which categories a video gets from its scores: every label whose score is at or above its threshold, and, with
 * the top-label fallback, the best-scoring label when none is. Training decides on validation whether the
 * fallback is used (a catalogue where every video has a category gains from it; one where many have none may
 * not); scoring, evaluation and training's own validation metrics all decide through this one rule.
 *
 * <pre>{@code
 * DecisionRule rule = DecisionRule.of(thresholds, true);
 * boolean[] predicted = rule.predicted(scores); // never all false with the fallback
 * }</pre>
 */
public final class DecisionRule implements Serializable {

    private static final long serialVersionUID = 1L;

    private final float[] thresholds;
    private final boolean topLabelFallback;

    private DecisionRule(float[] thresholds, boolean topLabelFallback) {
        if (thresholds.length == 0) throw new IllegalArgumentException("no thresholds");
        this.thresholds = thresholds.clone();
        this.topLabelFallback = topLabelFallback;
    }

    /** The rule of one threshold per label, with or without the top-label fallback. */
    public static DecisionRule of(float[] thresholds, boolean topLabelFallback) {
        return new DecisionRule(thresholds, topLabelFallback);
    }

    public boolean topLabelFallback() {
        return topLabelFallback;
    }

    public int labels() {
        return thresholds.length;
    }

    /** Whether each label is predicted for one video's {@code scores} (one per label, in label order). */
    public boolean[] predicted(float[] scores) {
        if (scores.length != thresholds.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + thresholds.length + " labels");
        }
        boolean[] out = new boolean[scores.length];
        boolean any = false;
        int best = 0;
        for (int j = 0; j < scores.length; j++) {
            if (scores[j] >= thresholds[j]) {
                out[j] = true;
                any = true;
            }
            if (scores[j] > scores[best]) best = j;
        }
        if (!any && topLabelFallback) out[best] = true;
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecisionRule r && r.topLabelFallback == topLabelFallback
                && Arrays.equals(r.thresholds, thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(thresholds) + Boolean.hashCode(topLabelFallback);
    }

    @Override
    public String toString() {
        return "DecisionRule" + Arrays.toString(thresholds) + (topLabelFallback ? " with top-label fallback" : "");
    }
}
