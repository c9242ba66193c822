package dev.categorizer.common.record;

/** One category and the model's probability for it. */
public record LabelScore(String label, double score) {}
