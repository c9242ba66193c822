package dev.categorizer.model.train;

import dev.categorizer.common.decision.DecisionRule;
import dev.categorizer.common.metrics.F1Score;
import dev.categorizer.common.record.SparseVector;
import dev.categorizer.model.examples.ExampleOrder;
import dev.categorizer.model.examples.ExampleSet;
import dev.categorizer.model.graph.SparseBatch;
import dev.categorizer.model.graph.TrainingGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * The validation examples, read block by block in their canonical order and scored in batches by the training
 * graph, with their truth as a boolean matrix. The scores and truth (examples x labels) are what threshold
 * tuning needs; the features are read again from the set at each scoring.
 */
final class ValidationSet {
    private static final int BATCH = 512;

    private final ExampleSet examples;
    private final boolean[][] truth;

    ValidationSet(ExampleSet examples, int labels) {
        this.examples = examples;
        truth = new boolean[Math.toIntExact(examples.size())][labels];
        ExampleOrder order = ExampleOrder.inOrder(examples);
        for (int i = 0; order.hasNext(); i++) {
            for (int l : order.next().labels()) truth[i][l] = true;
        }
    }

    boolean[][] truth() {
        return truth;
    }

    float[][] score(TrainingGraph graph) {
        float[][] scores = new float[truth.length][];
        ExampleOrder order = ExampleOrder.inOrder(examples);
        List<SparseVector> batch = new ArrayList<>(BATCH);
        int done = 0;
        while (order.hasNext()) {
            batch.clear();
            while (batch.size() < BATCH && order.hasNext()) batch.add(order.next().features());
            float[][] part = graph.predict(SparseBatch.of(batch, graph.inputSize()));
            System.arraycopy(part, 0, scores, done, part.length);
            done += part.length;
        }
        return scores;
    }

    /** Micro-averaged F1 when label j is predicted for scores at or above {@code thresholds[j]}. */
    static double microF1(float[][] scores, boolean[][] truth, float[] thresholds) {
        return microF1(scores, truth, DecisionRule.of(thresholds, false));
    }

    /** Micro-averaged F1 of the labels {@code rule} predicts. */
    static double microF1(float[][] scores, boolean[][] truth, DecisionRule rule) {
        long tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean[] decided = rule.predicted(scores[i]);
            for (int j = 0; j < decided.length; j++) {
                boolean predicted = decided[j];
                if (predicted && truth[i][j]) tp++;
                else if (predicted) fp++;
                else if (truth[i][j]) fn++;
            }
        }
        return F1Score.of(tp, fp, fn);
    }

    /** Macro-averaged F1 over all labels (a label with no true and no predicted positive counts as 0). */
    static double macroF1(float[][] scores, boolean[][] truth, float[] thresholds) {
        return macroF1(scores, truth, DecisionRule.of(thresholds, false));
    }

    /** Macro-averaged F1 of the labels {@code rule} predicts. */
    static double macroF1(float[][] scores, boolean[][] truth, DecisionRule rule) {
        int labels = rule.labels();
        long[] tp = new long[labels], fp = new long[labels], fn = new long[labels];
        for (int i = 0; i < scores.length; i++) {
            boolean[] decided = rule.predicted(scores[i]);
            for (int j = 0; j < labels; j++) {
                if (decided[j] && truth[i][j]) tp[j]++;
                else if (decided[j]) fp[j]++;
                else if (truth[i][j]) fn[j]++;
            }
        }
        double sum = 0;
        for (int j = 0; j < labels; j++) sum += F1Score.of(tp[j], fp[j], fn[j]);
        return sum / labels;
    }
}
