package dev.categorizer.jobs.train;

import dev.categorizer.model.train.TrainingCheckpoint;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * The one split of the {@link TrainingSource}: "the training run", with where it was at the last Flink checkpoint
 * (null before the first step). Its state is what makes training resumable after a failure.
 */
public record TrainingSplit(String splitId, TrainingCheckpoint checkpoint) implements SourceSplit {

    public static final String ID = "training-run";

    public static TrainingSplit fresh() {
        return new TrainingSplit(ID, null);
    }

    public TrainingSplit withCheckpoint(TrainingCheckpoint checkpoint) {
        return new TrainingSplit(splitId, checkpoint);
    }

    /** Steps run before this split's checkpoint; 0 when it has none. */
    public long globalStep() {
        return checkpoint == null ? 0 : checkpoint.globalStep();
    }
}
