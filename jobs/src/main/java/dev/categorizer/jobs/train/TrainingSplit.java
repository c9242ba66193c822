package dev.categorizer.jobs.train;

import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One replica of the training run, as a split of the {@link TrainingSource}: which replica of how many, the
 * generation of the assignment (a new one after every restart, so that messages of a failed attempt are told
 * apart), and the saved state to resume from ({@code save-<round>} in the run's state directory, or null to start
 * afresh). The enumerator makes a split each time a reader asks, from its own state, so the readers keep no
 * state of their own: every replica resumes from the same save.
 */
public record TrainingSplit(int replica, int replicas, long generation, String restoreFrom) implements SourceSplit {

    @Override
    public String splitId() {
        return "training-replica-" + replica;
    }
}
