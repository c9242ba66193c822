package dev.categorizer.model.train;

import java.io.Serializable;
import java.util.Map;

/**
 * Decision thresholds tuned on validation, whether the top-label fallback is used (also decided on validation),
 * and the validation metrics of the model they were tuned for, under that rule.
 */
record TunedThresholds(float[] thresholds, boolean topLabelFallback, Map<String, Double> metrics)
        implements Serializable {

    TunedThresholds {
        metrics = Map.copyOf(metrics);
    }
}
