package dev.categorizer.common.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which categories a model predicts instead of the true ones: for every document, every pair (a true label it
 * missed, a label it predicted wrongly) counts once. A labels × labels matrix, so its memory does not grow with
 * the documents (hundreds of labels: a few MB at most); counts of parallel tasks merge by adding.
 *
 * <pre>{@code
 * ConfusionCounts confusion = new ConfusionCounts(labels);
 * confusion.add(missedIds, wronglyPredictedIds);
 * confusion.top(10).forEach(p -> System.out.println(p.missed() + " -> " + p.predictedInstead() + " " + p.count()));
 * }</pre>
 */
public final class ConfusionCounts implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> labels;
    private final long[][] counts; // [missed][predicted instead]

    /** A true label missed on {@code count} documents on which {@code predictedInstead} was predicted wrongly. */
    public record Pair(String missed, String predictedInstead, long count) {}

    public ConfusionCounts(List<String> labels) {
        this.labels = List.copyOf(labels);
        this.counts = new long[labels.size()][labels.size()];
    }

    /** Counts one document's pairs. */
    public void add(int[] missed, int[] wronglyPredicted) {
        for (int m : missed) {
            for (int p : wronglyPredicted) counts[m][p]++;
        }
    }

    /** Adds the counts of {@code other}, over the same labels. */
    public void merge(ConfusionCounts other) {
        if (!other.labels.equals(labels)) throw new IllegalArgumentException("confusion counts over other labels");
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) counts[i][j] += other.counts[i][j];
        }
    }

    /** The {@code n} most frequent pairs, most frequent first (ties in label order); pairs never seen are left out. */
    public List<Pair> top(int n) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) {
                if (counts[i][j] > 0) pairs.add(new Pair(labels.get(i), labels.get(j), counts[i][j]));
            }
        }
        pairs.sort(Comparator.comparingLong(Pair::count).reversed()); // stable: label order among ties
        return List.copyOf(pairs.subList(0, Math.min(n, pairs.size())));
    }
}
