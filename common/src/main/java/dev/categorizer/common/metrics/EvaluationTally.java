package dev.categorizer.common.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Everything an evaluation report needs from the test documents, in memory bounded by the label set (never by
 * the documents): the {@link MultiLabelEvaluation} counts, a {@link ScoreHistogram} of every label's scores for
 * its precision-recall curve, and the {@link ConfusionCounts} of missed against wrongly predicted labels. Tallies
 * of parallel tasks add up with {@link #merge}.
 *
 * <pre>{@code
 * EvaluationTally tally = new EvaluationTally(labels, EvaluationTally.DEFAULT_BINS);
 * tally.add(video.labels(), scores, predictedLabels, topLabel); // scores in label order, or null if unscored
 * EvaluationResult result = tally.evaluation().result();
 * }</pre>
 */
public final class EvaluationTally implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Histogram bins per label: thresholds every 0.01, fine enough for a curve, 1.6 KB per label. */
    public static final int DEFAULT_BINS = 100;

    private final List<String> labels;
    private final MultiLabelEvaluation evaluation;
    private final ScoreHistogram histogram;
    private final ConfusionCounts confusion;

    public EvaluationTally(List<String> labels, int bins) {
        this.labels = List.copyOf(labels);
        this.evaluation = new MultiLabelEvaluation(labels);
        this.histogram = new ScoreHistogram(labels.size(), bins);
        this.confusion = new ConfusionCounts(labels);
    }

    /**
     * Adds one document.
     *
     * @param truth its true labels
     * @param scores its score for every label in label order, or null when it could not be scored (every label
     *     then counts with score 0: below any threshold)
     * @param predicted the labels predicted for it
     * @param topLabel its highest-scored label, or null
     */
    public void add(Collection<String> truth, float[] scores, Collection<String> predicted, String topLabel) {
        if (scores != null && scores.length != labels.size()) {
            throw new IllegalArgumentException(scores.length + " scores for " + labels.size() + " labels");
        }
        evaluation.add(truth, predicted, topLabel);
        boolean[] isTrue = membership(truth);
        boolean[] isPredicted = membership(predicted);
        List<Integer> missed = new ArrayList<>();
        List<Integer> wrong = new ArrayList<>();
        for (int l = 0; l < labels.size(); l++) {
            histogram.add(l, scores == null ? 0f : scores[l], isTrue[l]);
            if (isTrue[l] && !isPredicted[l]) missed.add(l);
            if (!isTrue[l] && isPredicted[l]) wrong.add(l);
        }
        confusion.add(toArray(missed), toArray(wrong));
    }

    private boolean[] membership(Collection<String> names) {
        boolean[] in = new boolean[labels.size()];
        for (String name : names) {
            int id = evaluation.indexOf(name);
            if (id >= 0) in[id] = true;
        }
        return in;
    }

    private static int[] toArray(List<Integer> ids) {
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Adds the documents of {@code other}, a tally over the same labels and bins. */
    public void merge(EvaluationTally other) {
        evaluation.merge(other.evaluation);
        histogram.merge(other.histogram);
        confusion.merge(other.confusion);
    }

    public List<String> labels() {
        return labels;
    }

    public MultiLabelEvaluation evaluation() {
        return evaluation;
    }

    public ScoreHistogram histogram() {
        return histogram;
    }

    public ConfusionCounts confusion() {
        return confusion;
    }
}
