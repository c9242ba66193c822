package dev.categorizer.model.bundle;

import dev.categorizer.common.decision.DecisionRule;
import dev.categorizer.common.metrics.EpochMetrics;
import java.util.List;
import java.util.Map;

/**
 * What a model bundle says about itself ({@code manifest.json}): its format and identity, the labels and their
 * thresholds, how text becomes features, the settings it was trained with, its validation metrics, where it came
 * from (provenance), the SHA-256 of every other file in the bundle and the loss and validation micro-F1 of every
 * training epoch ({@code training_history}: null in bundles written before it existed). {@code top_label_fallback}
 * says whether a video none of whose labels clears its threshold gets its best label (null, in bundles written
 * before it existed, is false: those models decide by their thresholds alone); see {@link #decisionRule()}.
 */
public record Manifest(
        int formatVersion,
        String modelId,
        String modelVersion,
        String createdAt,
        List<String> labels,
        List<Double> thresholds,
        Boolean topLabelFallback,
        int vocabularySize,
        int hidden,
        String weighting,
        Map<String, String> text,
        Map<String, String> hyperParameters,
        Map<String, Double> trainingMetrics,
        Map<String, String> provenance,
        Map<String, String> files,
        List<EpochMetrics> trainingHistory) {

    /** How this model turns scores into categories: its thresholds, with the top-label fallback if it has one. */
    public DecisionRule decisionRule() {
        float[] t = new float[thresholds.size()];
        for (int i = 0; i < t.length; i++) t[i] = thresholds.get(i).floatValue();
        return DecisionRule.of(t, Boolean.TRUE.equals(topLabelFallback));
    }
}
