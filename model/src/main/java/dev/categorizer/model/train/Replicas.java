package dev.categorizer.model.train;

import java.io.Serializable;

/**
 * Which replica of a data-parallel training run this is: its index among {@code count} replicas, how many
 * batches each replica runs between two merges of their weights ({@code syncSteps}), and how many threads its
 * TensorFlow session may use (0: TensorFlow's default, every core).
 *
 * <pre>{@code
 * Replicas second = Replicas.of(1, 2).withSyncSteps(16).withThreads(1);
 * }</pre>
 */
public record Replicas(int index, int count, int syncSteps, int threads) implements Serializable {
    /** Batches per replica between two merges: few enough to stay close to a sequential run, enough to pay. */
    public static final int DEFAULT_SYNC_STEPS = 16;

    public Replicas {
        if (count < 1) throw new IllegalArgumentException("replicas must be >= 1, got " + count);
        if (index < 0 || index >= count) throw new IllegalArgumentException("replica " + index + " of " + count);
        if (syncSteps < 1) throw new IllegalArgumentException("syncSteps must be >= 1, got " + syncSteps);
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, got " + threads);
    }

    /** A run of its own. */
    public static Replicas single() {
        return new Replicas(0, 1, DEFAULT_SYNC_STEPS, 0);
    }

    /** Replica {@code index} of {@code count}, with the default sync steps and TensorFlow's default threads. */
    public static Replicas of(int index, int count) {
        return new Replicas(index, count, DEFAULT_SYNC_STEPS, 0);
    }

    public Replicas withSyncSteps(int steps) {
        return new Replicas(index, count, steps, threads);
    }

    public Replicas withThreads(int n) {
        return new Replicas(index, count, syncSteps, n);
    }
}
