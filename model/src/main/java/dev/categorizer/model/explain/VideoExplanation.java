package dev.categorizer.model.explain;

import java.util.List;

/**
 * The explained prediction of one video: each category over its threshold, best first, with what pushed it.
 *
 * @param id the video id
 * @param categories the predicted categories, best first; empty when the video has no known feature or no score
 *     over a threshold
 * @param knownFeatures how many distinct features of the video the model knows (0: it cannot say anything)
 * @param modelVersion the model's version
 */
public record VideoExplanation(String id, List<Explanation> categories, int knownFeatures, String modelVersion) {

    public VideoExplanation {
        categories = List.copyOf(categories);
    }
}
