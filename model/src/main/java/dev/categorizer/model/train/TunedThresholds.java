package dev.categorizer.model.train;

import java.io.Serializable;
import java.util.Map;

/** Decision thresholds tuned on validation, with the validation metrics of the model they were tuned for. */
record TunedThresholds(float[] thresholds, Map<String, Double> metrics) implements Serializable {

    TunedThresholds {
        metrics = Map.copyOf(metrics);
    }
}
