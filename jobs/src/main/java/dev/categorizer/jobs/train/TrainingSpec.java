package dev.categorizer.jobs.train;

import dev.categorizer.model.train.HyperParameters;
import java.io.Serializable;
import java.util.List;

/**
 * What the training source needs to rebuild its data in any task: the prepared documents, the vocabulary file,
 * the labels in output order and the hyper-parameters.
 *
 * @param validationDirectory prepared validation documents, or null to split validation off the training set
 */
public record TrainingSpec(
        String trainDirectory,
        String validationDirectory,
        String vocabularyFile,
        List<String> labels,
        HyperParameters hyperParameters) implements Serializable {

    public TrainingSpec {
        labels = List.copyOf(labels);
    }
}
