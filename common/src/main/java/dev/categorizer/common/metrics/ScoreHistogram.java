package dev.categorizer.common.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Per label, how many positive and how many negative (document, label) scores fell into each of a fixed number of
 * equal bins of [0, 1]. Its memory is labels × bins × 2 counters whatever the number of documents, and two
 * histograms of the same shape merge by adding, so parallel tasks each keep one and the client adds them up.
 * From it come precision-recall curves at every bin edge (exact for thresholds on a bin edge).
 *
 * <pre>{@code
 * ScoreHistogram h = new ScoreHistogram(labels.size(), 100);
 * h.add(label, score, isTrue);
 * List<ScoreHistogram.CurvePoint> curve = h.curve(label); // threshold, precision, recall
 * }</pre>
 */
public final class ScoreHistogram implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int bins;
    private final long[][] positives;
    private final long[][] negatives;

    /** A point of a precision-recall curve: predicting the label when its score is {@code >= threshold}. */
    public record CurvePoint(double threshold, double precision, double recall) {}

    public ScoreHistogram(int labels, int bins) {
        if (bins < 1) throw new IllegalArgumentException("bins must be positive: " + bins);
        this.bins = bins;
        this.positives = new long[labels][bins];
        this.negatives = new long[labels][bins];
    }

    public int labels() {
        return positives.length;
    }

    public int bins() {
        return bins;
    }

    /** Counts one score; NaN counts as 0 (below every threshold), scores outside [0, 1] go to the end bins. */
    public void add(int label, float score, boolean positive) {
        (positive ? positives : negatives)[label][bin(score)]++;
    }

    /** The bin of {@code score}: bin i holds [i/bins, (i+1)/bins), the last one also 1. */
    int bin(float score) {
        if (!(score > 0)) return 0; // also NaN
        return Math.min(bins - 1, (int) (score * bins));
    }

    /** Adds the counts of {@code other}, a histogram of the same shape. */
    public void merge(ScoreHistogram other) {
        if (other.bins != bins || other.labels() != labels()) {
            throw new IllegalArgumentException("histograms differ in shape");
        }
        for (int l = 0; l < labels(); l++) {
            for (int b = 0; b < bins; b++) {
                positives[l][b] += other.positives[l][b];
                negatives[l][b] += other.negatives[l][b];
            }
        }
    }

    /** Positive scores of {@code label} counted. */
    public long positives(int label) {
        long n = 0;
        for (long c : positives[label]) n += c;
        return n;
    }

    /**
     * The precision-recall curve of {@code label}: one point per bin edge from the highest threshold down
     * (thresholds {@code (bins-1)/bins ... 0}); precision is 1 where nothing is predicted yet, as is usual at the
     * curve's start. Empty when the label has no positive.
     */
    public List<CurvePoint> curve(int label) {
        long allPositives = positives(label);
        List<CurvePoint> points = new ArrayList<>(bins);
        if (allPositives == 0) return points;
        long tp = 0;
        long fp = 0;
        for (int b = bins - 1; b >= 0; b--) {
            tp += positives[label][b];
            fp += negatives[label][b];
            double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
            points.add(new CurvePoint((double) b / bins, precision, (double) tp / allPositives));
        }
        return points;
    }
}
