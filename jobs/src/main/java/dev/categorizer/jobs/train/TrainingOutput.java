package dev.categorizer.jobs.train;

/**
 * What the training source emits: an epoch's progress line (from the first replica, at the end of each epoch),
 * or, once at the end, the trained model record. {@link ProgressAccumulator} turns the first into an accumulator
 * that Flink's client can read while the job runs and passes the second on to the bundle sink.
 *
 * <p>A Flink POJO (public fields, no-argument constructor), so that either field may be null.
 */
public final class TrainingOutput {
    /** An epoch's progress line, or null. */
    public String progress;
    /** The trained model record ({@link TrainedModelBytes}), or null. */
    public byte[] model;

    public TrainingOutput() {}

    static TrainingOutput progress(String line) {
        TrainingOutput out = new TrainingOutput();
        out.progress = line;
        return out;
    }

    static TrainingOutput model(byte[] record) {
        TrainingOutput out = new TrainingOutput();
        out.model = record;
        return out;
    }
}
