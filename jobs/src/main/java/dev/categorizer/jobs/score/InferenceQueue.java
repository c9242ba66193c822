package dev.categorizer.jobs.score;

import dev.categorizer.common.record.Video;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scores micro-batches on scoring threads while the task thread reads and buffers the next ones: a pipeline, so
 * that the text work and TensorFlow of one task use more than one core. Results come back in submission order.
 * At most {@code threads + 1} batches are in flight, so memory stays bounded and a slow model back-pressures the
 * task thread. A task thread that has to wait for a batch helps vectorize it instead of idling
 * ({@link ScoringWork}).
 *
 * <p>With 0 threads every batch is scored on the calling thread inside {@link #submit}: the plain,
 * single-threaded operator. Not thread-safe: one task thread calls every method; only the scoring runs elsewhere.
 *
 * <pre>{@code
 * InferenceQueue queue = new InferenceQueue(1, new BatchScorer(predictor, 100_000), "scoring", onDone);
 * ScoredBatch oldest = queue.submit(batch);         // non-null when the queue was full: emit it first
 * for (ScoredBatch done; (done = queue.pollDone()) != null; ) emit(done);
 * while (!queue.isEmpty()) emit(queue.awaitOldest());   // before a checkpoint barrier, at the end of input
 * }</pre>
 */
public final class InferenceQueue implements AutoCloseable {

    private final BatchScorer scorer;
    private final ExecutorService executor; // null: score on the caller's thread
    private final Runnable onDone;
    private final int maxInFlight;
    private final ArrayDeque<ScoringWork> inFlight = new ArrayDeque<>();

    /**
     * @param threads scoring threads; 0 scores on the caller's thread
     * @param scorer vectorizes and scores
     * @param threadName prefix of the scoring threads' names
     * @param onDone called on a scoring thread after it completed a batch (e.g. to wake the task thread)
     */
    public InferenceQueue(int threads, BatchScorer scorer, String threadName, Runnable onDone) {
        if (threads < 0) throw new IllegalArgumentException("scoring threads must be >= 0, got " + threads);
        this.scorer = scorer;
        this.onDone = onDone;
        this.maxInFlight = threads + 1;
        this.executor = threads == 0 ? null : newExecutor(threads, threadName);
    }

    private static ExecutorService newExecutor(int threads, String name) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true); // never keeps a task manager alive
            return t;
        });
    }

    /**
     * Starts scoring {@code batch}. When {@code threads + 1} batches are already in flight, first waits for the
     * oldest and returns it (to be emitted before anything newer); otherwise returns null.
     */
    public ScoredBatch submit(List<MicroBatchBuffer.Entry<Video>> batch)
            throws ExecutionException, InterruptedException {
        ScoredBatch oldest = inFlight.size() >= maxInFlight ? awaitOldest() : null;
        ScoringWork work = new ScoringWork(batch, scorer);
        inFlight.add(work);
        if (executor == null) {
            work.help(null);
        } else {
            work.result().whenComplete((r, e) -> onDone.run());
            executor.execute(() -> work.help(null)); // on a scoring thread: the model call too
        }
        return oldest;
    }

    /** The oldest batch if it is done, removed from the queue; null if none is done yet (or nothing in flight). */
    public ScoredBatch pollDone() throws ExecutionException, InterruptedException {
        ScoringWork oldest = inFlight.peek();
        return oldest != null && oldest.result().isDone() ? awaitOldest() : null;
    }

    /**
     * Waits for the oldest batch and removes it, vectorizing rows of the batches in flight while it waits.
     * The scorer's exception is rethrown wrapped.
     */
    public ScoredBatch awaitOldest() throws ExecutionException, InterruptedException {
        ScoringWork oldest = inFlight.remove();
        while (!oldest.result().isDone() && oldest.hasUnclaimedRows()) {
            oldest.help(executor);
        }
        for (ScoringWork newer : inFlight) {
            if (oldest.result().isDone()) break;
            if (newer.hasUnclaimedRows()) newer.help(executor);
        }
        return oldest.result().get();
    }

    public boolean isEmpty() {
        return inFlight.isEmpty();
    }

    @Override
    public void close() {
        if (executor != null) executor.shutdownNow();
    }
}
