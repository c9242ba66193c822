package dev.categorizer.model.train;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a training run: weights without optimizer state, the labels in output order, one decision
 * threshold per label tuned on validation, the settings used and the validation metrics.
 */
public record TrainedModel(
        List<String> labels,
        float[] thresholds,
        NetworkWeights weights,
        HyperParameters hyperParameters,
        Map<String, Double> validationMetrics,
        int epochsRun)
        implements Serializable {

    public TrainedModel {
        labels = List.copyOf(labels);
        validationMetrics = Map.copyOf(validationMetrics);
        if (thresholds.length != labels.size() || weights.outputs() != labels.size()) {
            throw new IllegalArgumentException("labels, thresholds and outputs differ in number");
        }
    }
}
