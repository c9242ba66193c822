package dev.categorizer.common.record;

import java.util.List;

/**
 * The categories predicted for one video: those over their decision thresholds, best first.
 *
 * @param id the video id
 * @param categories labels over their thresholds, highest score first
 * @param modelVersion the version of the model bundle that produced this prediction
 * @param scoredAt ISO-8601 instant at which the video was scored
 */
public record Prediction(String id, List<LabelScore> categories, String modelVersion, String scoredAt) {

    public Prediction {
        categories = List.copyOf(categories);
    }
}
