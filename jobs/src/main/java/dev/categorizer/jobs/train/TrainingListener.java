package dev.categorizer.jobs.train;

import dev.categorizer.model.train.TrainingProgress;
import java.io.Serializable;

/**
 * Hears what the training source does, in the task that trains. A test hook: tests pass one to
 * {@link TrainJob.Builder#listener} to fail the job on purpose or to see where a restarted run resumed. It is
 * serialized with the job, so it reports through static state of the JVM that runs the job. Its exceptions
 * fail the task like any training error.
 */
public interface TrainingListener extends Serializable {

    /** Does nothing. */
    TrainingListener NONE = new TrainingListener() {};

    /** A replica started (resumedFromStep 0) or resumed from a save taken after {@code resumedFromStep} steps. */
    default void started(long resumedFromStep) {}

    /** One mini-batch ran; {@code globalStep} counts the steps since training began, across restarts. */
    default void stepped(TrainingProgress progress, long globalStep) {}

    /**
     * A Flink checkpoint completed that resumes the run from a save taken after {@code globalStep} steps: a
     * failure from now on restarts no earlier than that step.
     */
    default void checkpointCompleted(long checkpointId, long globalStep) {}
}
