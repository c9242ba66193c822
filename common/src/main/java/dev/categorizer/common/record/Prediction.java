package dev.categorizer.common.record;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The categories predicted for one video: those over their decision thresholds, best first.
 *
 * <pre>{@code
 * new Prediction("42", List.of(new LabelScore("War", 0.93)), "v1", "2026-11-26T11:12:03Z");
 * new Prediction("42", categories, "v1", now, Map.of("War", List.of(new Contribution("battle", "title", 2.1))));
 * }</pre>
 *
 * @param id the video id
 * @param categories labels over their thresholds, highest score first
 * @param modelVersion the version of the model bundle that produced this prediction
 * @param scoredAt ISO-8601 instant at which the video was scored
 * @param explanations for each category label that was explained, the features that pushed it most, strongest
 *     first; empty unless explanations were asked for
 */
public record Prediction(String id, List<LabelScore> categories, String modelVersion, String scoredAt,
        Map<String, List<Contribution>> explanations) {

    public Prediction {
        categories = List.copyOf(categories);
        explanations = explanations == null || explanations.isEmpty() ? Map.of() : explanations.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    /** A prediction without explanations. */
    public Prediction(String id, List<LabelScore> categories, String modelVersion, String scoredAt) {
        this(id, categories, modelVersion, scoredAt, Map.of());
    }

    /** The explanation of {@code label}, or an empty list when it has none. */
    public List<Contribution> explanation(String label) {
        return explanations.getOrDefault(label, List.of());
    }
}
