package dev.categorizer.jobs.progress;

import dev.categorizer.model.train.TrainingProgress;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far the jobs running in this JVM are, for a command line that draws a progress bar while its embedded
 * cluster runs them: bytes and records read from input files, and the latest step of training. The counters are
 * static, so every task in this process adds to the same ones; that is what a command running one job on its own
 * embedded cluster wants. On a real cluster the tasks run in other processes and nobody reads these (the client
 * follows training through an accumulator instead). Writers publish every few hundred records, so reading input
 * costs next to nothing more.
 *
 * <pre>{@code
 * LocalProgress.reset();
 * env.execute(...);                    // tasks call addRead(...) and training(...)
 * long done = LocalProgress.bytesRead(); // from another thread, while the job runs
 * }</pre>
 */
public final class LocalProgress {
    private static final AtomicLong BYTES_READ = new AtomicLong();
    private static final AtomicLong RECORDS_READ = new AtomicLong();
    private static final AtomicReference<TrainingProgress> TRAINING = new AtomicReference<>();

    private LocalProgress() {}

    /** Forgets what earlier jobs of this process did. */
    public static void reset() {
        BYTES_READ.set(0);
        RECORDS_READ.set(0);
        TRAINING.set(null);
    }

    /** A reader read {@code bytes} more of its input files, holding {@code records} more records. */
    public static void addRead(long bytes, long records) {
        if (bytes != 0) BYTES_READ.addAndGet(bytes);
        if (records != 0) RECORDS_READ.addAndGet(records);
    }

    public static long bytesRead() {
        return BYTES_READ.get();
    }

    public static long recordsRead() {
        return RECORDS_READ.get();
    }

    /** The first training replica ran a step. */
    public static void training(TrainingProgress progress) {
        TRAINING.set(progress);
    }

    /** The latest training step of this process, or null before the first. */
    public static TrainingProgress training() {
        return TRAINING.get();
    }
}
