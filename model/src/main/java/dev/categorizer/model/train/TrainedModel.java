package dev.categorizer.model.train;

import dev.categorizer.common.metrics.EpochMetrics;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a training run: weights without optimizer state, the labels in output order, one decision
 * threshold per label tuned on validation, the settings used, the validation metrics and the loss and validation
 * micro-F1 of every epoch run ({@code history}, in the order they ran), and whether a video none of whose labels
 * clears its threshold gets its best label ({@code topLabelFallback}, decided on validation).
 */
public record TrainedModel(
        List<String> labels,
        float[] thresholds,
        NetworkWeights weights,
        HyperParameters hyperParameters,
        Map<String, Double> validationMetrics,
        int epochsRun,
        List<EpochMetrics> history,
        boolean topLabelFallback)
        implements Serializable {

    /** A model that decides by its thresholds alone. */
    public TrainedModel(List<String> labels, float[] thresholds, NetworkWeights weights,
            HyperParameters hyperParameters, Map<String, Double> validationMetrics, int epochsRun,
            List<EpochMetrics> history) {
        this(labels, thresholds, weights, hyperParameters, validationMetrics, epochsRun, history, false);
    }

    /** A model without a training history (built outside a {@code TrainingRun}). */
    public TrainedModel(List<String> labels, float[] thresholds, NetworkWeights weights,
            HyperParameters hyperParameters, Map<String, Double> validationMetrics, int epochsRun) {
        this(labels, thresholds, weights, hyperParameters, validationMetrics, epochsRun, List.of());
    }

    public TrainedModel {
        labels = List.copyOf(labels);
        history = List.copyOf(history);
        validationMetrics = Map.copyOf(validationMetrics);
        if (thresholds.length != labels.size() || weights.outputs() != labels.size()) {
            throw new IllegalArgumentException("labels, thresholds and outputs differ in number");
        }
    }
}
