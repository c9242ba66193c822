package dev.categorizer.model.train;

import dev.categorizer.model.examples.Example;
import dev.categorizer.model.examples.ExampleSet;
import java.util.List;

/**
 * What a training run learns from: examples to fit, examples to validate on (early stopping and decision
 * thresholds), the label names and the input width (vocabulary size). The examples are {@link ExampleSet}s, read
 * block by block, so a catalogue need not fit in memory.
 *
 * @param validationHeldOut whether the validation examples were held out of the training set (rather than
 *     given separately); only then may a run {@link HyperParameters#refit() refit} on both
 */
public record TrainingData(
        ExampleSet train, ExampleSet validation, List<String> labels, int inputSize, boolean validationHeldOut) {

    public TrainingData {
        labels = List.copyOf(labels);
        if (train.isEmpty()) throw new IllegalArgumentException("no training examples");
        if (validation.isEmpty()) throw new IllegalArgumentException("no validation examples");
        if (labels.isEmpty()) throw new IllegalArgumentException("no labels");
        if (inputSize <= 0) throw new IllegalArgumentException("empty vocabulary");
    }

    /** Training data held in memory (small sets, tests). */
    public TrainingData(List<Example> train, List<Example> validation, List<String> labels, int inputSize,
            boolean validationHeldOut) {
        this(ExampleSet.of(train), ExampleSet.of(validation), labels, inputSize, validationHeldOut);
    }

    /** Training data held in memory with a separately given validation set. */
    public TrainingData(List<Example> train, List<Example> validation, List<String> labels, int inputSize) {
        this(train, validation, labels, inputSize, false);
    }
}
