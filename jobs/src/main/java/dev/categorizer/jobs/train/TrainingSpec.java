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
 * @param stateDirectory where saved tensors, best weights and round deltas go (any Flink file system every task
 *     manager sees); the Flink state holds only the name of the newest complete save
 * @param replicas replicas of a data-parallel run: the training source's parallelism
 * @param syncSteps batches each replica runs between two merges of the replicas' weights
 * @param saveIntervalMillis how often, at least, the replicas save their state (a save is also at least ten
 *     times as far from the previous one as it takes)
 */
public record TrainingSpec(
        String trainDirectory,
        String validationDirectory,
        long trainDocuments,
        long validationDocuments,
        String vocabularyFile,
        List<String> labels,
        HyperParameters hyperParameters,
        String stateDirectory,
        int replicas,
        int syncSteps,
        long saveIntervalMillis) implements Serializable {

    public TrainingSpec {
        labels = List.copyOf(labels);
        if (replicas < 1) throw new IllegalArgumentException("replicas must be >= 1, got " + replicas);
        if (syncSteps < 1) throw new IllegalArgumentException("syncSteps must be >= 1, got " + syncSteps);
    }
}
