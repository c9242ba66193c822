package dev.categorizer.common.metrics;

/**
 * Precision, recall and F1 of one label (0 where undefined, as scikit-learn with {@code zero_division=0}).
 *
 * @param support the number of documents truly carrying the label
 */
public record LabelResult(String label, double precision, double recall, double f1, long support) {}
