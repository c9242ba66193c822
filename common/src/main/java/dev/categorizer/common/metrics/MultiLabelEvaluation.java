package dev.categorizer.common.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Accumulates multi-label predictions against the truth and computes the scores scikit-learn gives with
 * {@code f1_score(average='micro'|'macro', zero_division=0)} over a fixed label set (the labels seen in
 * training, like a {@code MultiLabelBinarizer} fit on the training set):
 * <ul>
 *   <li>per label: precision = tp/(tp+fp), recall = tp/(tp+fn), F1 = 2tp/(2tp+fp+fn), each 0 when undefined;</li>
 *   <li>micro F1 = 2·Σtp / (2·Σtp + Σfp + Σfn);</li>
 *   <li>macro F1 = mean of the per-label F1 over ALL labels of the set, including those never true and never
 *       predicted (they count as 0);</li>
 *   <li>P@1 = fraction of documents whose top-scored label is a true label; documents without any true label
 *       in the set still count in the denominator;</li>
 *   <li>the mean number of labels predicted per document, beside the mean number of true labels (of the set):
 *       a model that predicts too few or too many categories shows here before it shows in F1.</li>
 * </ul>
 * Labels outside the set (in truth or predictions) are ignored. Not thread-safe: one per evaluating task;
 * evaluations of parallel tasks add up with {@link #merge}.
 *
 * <pre>{@code
 * MultiLabelEvaluation evaluation = new MultiLabelEvaluation(trainingLabels);
 * for (...) evaluation.add(video.labels(), predictedLabels, topLabel);
 * System.out.println(evaluation.result().toTable());
 * }</pre>
 */
public final class MultiLabelEvaluation implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> labels;
    private final HashMap<String, Integer> index;
    private final long[] truePositives;
    private final long[] falsePositives;
    private final long[] falseNegatives;
    private long docs;
    private long topLabelHits;
    private long predictedLabels;
    private long trueLabels;

    /** @param labels the label set, distinct; defines the macro average and the order of per-label results */
    public MultiLabelEvaluation(List<String> labels) {
        this.labels = List.copyOf(labels);
        this.index = new HashMap<>();
        for (int i = 0; i < this.labels.size(); i++) {
            if (index.put(this.labels.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate label '" + this.labels.get(i) + "'");
            }
        }
        truePositives = new long[this.labels.size()];
        falsePositives = new long[this.labels.size()];
        falseNegatives = new long[this.labels.size()];
    }

    /**
     * Adds one document.
     *
     * @param truth its true labels
     * @param predicted the labels predicted for it (over their thresholds)
     * @param topLabel its highest-scored label, or null when nothing was scored
     */
    public void add(Collection<String> truth, Collection<String> predicted, String topLabel) {
        Set<Integer> trueIds = ids(truth);
        Set<Integer> predictedIds = ids(predicted);
        for (int id : predictedIds) {
            if (trueIds.contains(id)) {
                truePositives[id]++;
            } else {
                falsePositives[id]++;
            }
        }
        for (int id : trueIds) {
            if (!predictedIds.contains(id)) {
                falseNegatives[id]++;
            }
        }
        docs++;
        predictedLabels += predictedIds.size();
        trueLabels += trueIds.size();
        if (topLabel != null && truth.contains(topLabel)) {
            topLabelHits++;
        }
    }

    /** The position of {@code label} in the label set, or -1 when it is not in the set. */
    public int indexOf(String label) {
        Integer id = index.get(label);
        return id == null ? -1 : id;
    }

    /** Adds the documents that {@code other}, an evaluation over the same labels, has counted. */
    public void merge(MultiLabelEvaluation other) {
        if (!other.labels.equals(labels)) throw new IllegalArgumentException("evaluations over other labels");
        for (int i = 0; i < labels.size(); i++) {
            truePositives[i] += other.truePositives[i];
            falsePositives[i] += other.falsePositives[i];
            falseNegatives[i] += other.falseNegatives[i];
        }
        docs += other.docs;
        topLabelHits += other.topLabelHits;
        predictedLabels += other.predictedLabels;
        trueLabels += other.trueLabels;
    }

    private Set<Integer> ids(Collection<String> labelNames) {
        Set<Integer> ids = new HashSet<>();
        for (String label : labelNames) {
            Integer id = index.get(label);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The scores of the documents added so far. */
    public EvaluationResult result() {
        List<LabelResult> perLabel = new ArrayList<>(labels.size());
        long tp = 0;
        long fp = 0;
        long fn = 0;
        double f1Sum = 0;
        for (int i = 0; i < labels.size(); i++) {
            long t = truePositives[i];
            long p = falsePositives[i];
            long n = falseNegatives[i];
            double f1 = F1Score.of(t, p, n);
            perLabel.add(new LabelResult(labels.get(i), ratio(t, t + p), ratio(t, t + n), f1, t + n));
            f1Sum += f1;
            tp += t;
            fp += p;
            fn += n;
        }
        double macroF1 = labels.isEmpty() ? 0 : f1Sum / labels.size();
        double precisionAt1 = docs == 0 ? 0 : (double) topLabelHits / docs;
        return new EvaluationResult(F1Score.of(tp, fp, fn), macroF1, precisionAt1, docs, labels.size(), perLabel,
                ratio(predictedLabels, docs), ratio(trueLabels, docs));
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
