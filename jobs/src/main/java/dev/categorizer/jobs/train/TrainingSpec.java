package dev.categorizer.jobs.train;

import dev.categorizer.model.train.HyperParameters;
import java.io.Serializable;
import java.util.List;

/**
 * What the training source needs to rebuild its data in any task: the prepared documents and how many there
 * are, the vocabulary file, the labels in output order, the hyper-parameters, and where the run keeps its
 * checkpointed tensors.
 *
 * @param validationDirectory prepared validation documents, or null to split validation off the training set
 * @param stateDirectory where checkpointed tensors and best weights go (any Flink file system every task
 *     manager sees); the Flink state holds only their names and checksums
 */
public record TrainingSpec(
        String trainDirectory,
        String validationDirectory,
        long trainDocuments,
        long validationDocuments,
        String vocabularyFile,
        List<String> labels,
        HyperParameters hyperParameters,
        String stateDirectory) implements Serializable {

    public TrainingSpec {
        labels = List.copyOf(labels);
    }
}
