package dev.categorizer.jobs.train;

import org.apache.flink.api.connector.source.SourceEvent;

/** The messages between the training readers (replicas) and the enumerator that keeps them in step. */
final class RoundEvents {
    private RoundEvents() {}

    /**
     * A replica ran its batches of {@code round} (and wrote its round delta). It also reports the save it
     * completed since its last message, if any.
     *
     * @param saved the {@code save-<round>} it wrote, or null
     */
    record RoundDone(long generation, long round, String saved, long savedStep, long saveMillis)
            implements SourceEvent {}

    /** Every replica ran {@code round}: merge the deltas, end the round, and save the state if {@code save}. */
    record RoundComplete(long generation, long round, boolean save) implements SourceEvent {}

    /** A Flink checkpoint that resumes from {@code save} (taken at {@code globalStep}) has completed. */
    record SaveDurable(long generation, long checkpointId, String save, long globalStep) implements SourceEvent {}
}
