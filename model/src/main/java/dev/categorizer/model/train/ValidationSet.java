package dev.categorizer.model.train;

import dev.categorizer.common.record.SparseVector;
import dev.categorizer.model.graph.SparseBatch;
import dev.categorizer.model.graph.TrainingGraph;
import java.util.ArrayList;
import java.util.List;

/** The validation examples with their truth as a boolean matrix, scored in batches by the training graph. */
final class ValidationSet {
    private static final int BATCH = 512;

    private final List<SparseVector> features = new ArrayList<>();
    private final boolean[][] truth;

    ValidationSet(List<Example> examples, int labels) {
        truth = new boolean[examples.size()][labels];
        for (int i = 0; i < examples.size(); i++) {
            features.add(examples.get(i).features());
            for (int l : examples.get(i).labels()) truth[i][l] = true;
        }
    }

    boolean[][] truth() {
        return truth;
    }

    float[][] score(TrainingGraph graph) {
        float[][] scores = new float[features.size()][];
        for (int start = 0; start < features.size(); start += BATCH) {
            int end = Math.min(features.size(), start + BATCH);
            float[][] part = graph.predict(SparseBatch.of(features.subList(start, end), graph.inputSize()));
            System.arraycopy(part, 0, scores, start, part.length);
        }
        return scores;
    }

    /** Micro-averaged F1 when label j is predicted for scores at or above {@code thresholds[j]}. */
    static double microF1(float[][] scores, boolean[][] truth, float[] thresholds) {
        long tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < thresholds.length; j++) {
                boolean predicted = scores[i][j] >= thresholds[j];
                if (predicted && truth[i][j]) tp++;
                else if (predicted) fp++;
                else if (truth[i][j]) fn++;
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** Macro-averaged F1 over all labels (a label with no true and no predicted positive counts as 0). */
    static double macroF1(float[][] scores, boolean[][] truth, float[] thresholds) {
        double sum = 0;
        for (int j = 0; j < thresholds.length; j++) {
            long tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < scores.length; i++) {
                boolean predicted = scores[i][j] >= thresholds[j];
                if (predicted && truth[i][j]) tp++;
                else if (predicted) fp++;
                else if (truth[i][j]) fn++;
            }
            sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        return sum / thresholds.length;
    }
}
