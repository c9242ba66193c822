package dev.categorizer.common.report;

import dev.categorizer.common.metrics.EpochMetrics;
import dev.categorizer.common.metrics.EvaluationTally;
import java.util.List;

/**
 * One model's side of an evaluation report: what it is, what it scored on the test set and how it trained.
 *
 * @param name what the report calls it ("model", "baseline")
 * @param modelVersion the bundle's version
 * @param tally its counts on the test set
 * @param thresholds its decision threshold per label, in the tally's label order
 * @param history its training epochs, or null when the bundle does not record them (older bundles)
 */
public record ModelEvaluation(
        String name, String modelVersion, EvaluationTally tally, List<Double> thresholds, List<EpochMetrics> history) {

    public ModelEvaluation {
        thresholds = List.copyOf(thresholds);
        if (thresholds.size() != tally.labels().size()) {
            throw new IllegalArgumentException(thresholds.size() + " thresholds for " + tally.labels().size() + " labels");
        }
        history = history == null ? null : List.copyOf(history);
    }
}
