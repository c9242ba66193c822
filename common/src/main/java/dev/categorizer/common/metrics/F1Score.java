package dev.categorizer.common.metrics;

/**
 * The F1 score from counts, the one formula the evaluation, threshold tuning and the training's validation share:
 * 2tp / (2tp + fp + fn), which equals 2PR / (P + R) and is 0 where scikit-learn's {@code zero_division=0} gives 0
 * (no true positive).
 *
 * <pre>{@code
 * double f1 = F1Score.of(truePositives, falsePositives, falseNegatives);
 * }</pre>
 */
public final class F1Score {

    private F1Score() {}

    public static double of(long truePositives, long falsePositives, long falseNegatives) {
        return truePositives == 0 ? 0 : 2.0 * truePositives / (2.0 * truePositives + falsePositives + falseNegatives);
    }
}
