package dev.categorizer.model.train;

import java.util.List;

/**
 * What a training run learns from: examples to fit, examples to validate on (early stopping and decision
 * thresholds), the label names and the input width (vocabulary size).
 *
 * @param validationHeldOut whether the validation examples were held out of the training set (rather than
 *     given separately); only then may a run {@link HyperParameters#refit() refit} on both
 */
public record TrainingData(
        List<Example> train, List<Example> validation, List<String> labels, int inputSize, boolean validationHeldOut) {

    public TrainingData {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        labels = List.copyOf(labels);
        if (train.isEmpty()) throw new IllegalArgumentException("no training examples");
        if (validation.isEmpty()) throw new IllegalArgumentException("no validation examples");
        if (labels.isEmpty()) throw new IllegalArgumentException("no labels");
        if (inputSize <= 0) throw new IllegalArgumentException("empty vocabulary");
    }

    /** Training data with a separately given validation set. */
    public TrainingData(List<Example> train, List<Example> validation, List<String> labels, int inputSize) {
        this(train, validation, labels, inputSize, false);
    }
}
