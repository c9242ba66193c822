package dev.categorizer.jobs.score;

import dev.categorizer.common.record.SparseVector;
import dev.categorizer.common.record.Video;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One micro-batch being scored, shared by the threads that work on it: any thread may {@link #help} by
 * vectorizing rows nobody has claimed yet, and when the last row is done the model call is made and completes
 * {@link #result}. So a task thread that would otherwise wait for a scoring thread does text work in the
 * meantime, and the two split the batch by how fast each is, not by a fixed share. The model call itself is made
 * on a scoring thread whenever there is one: TensorFlow reads megabytes of weights per batch, and keeping that on
 * one core leaves the other core's cache to the text work (vocabulary table, counts).
 */
final class ScoringWork {

    /** Rows taken at a time: few enough to share a batch evenly, enough that threads rarely touch one cache line. */
    private static final int ROWS_PER_CLAIM = 16;

    private final List<MicroBatchBuffer.Entry<Video>> entries;
    private final BatchScorer scorer;
    private final SparseVector[] vectors;
    private final String[] failures;
    private final AtomicInteger nextRow = new AtomicInteger();
    private final AtomicInteger rowsDone = new AtomicInteger();
    private final CompletableFuture<ScoredBatch> result = new CompletableFuture<>();

    ScoringWork(List<MicroBatchBuffer.Entry<Video>> entries, BatchScorer scorer) {
        this.entries = entries;
        this.scorer = scorer;
        this.vectors = new SparseVector[entries.size()];
        this.failures = new String[entries.size()];
    }

    CompletableFuture<ScoredBatch> result() {
        return result;
    }

    /** Whether some row is still unclaimed, so that {@link #help} would have something to do. */
    boolean hasUnclaimedRows() {
        return nextRow.get() < entries.size();
    }

    /**
     * Vectorizes unclaimed rows until none is left; if this thread finished the batch's last row, scores the
     * batch, here or on {@code modelThread}, and completes {@link #result}. Any throwable completes the result
     * exceptionally, so no waiter hangs.
     *
     * @param modelThread where to make the model call, or null to make it on this thread
     */
    void help(Executor modelThread) {
        int n = entries.size();
        try {
            int finished = 0;
            for (int from; (from = nextRow.getAndAdd(ROWS_PER_CLAIM)) < n; ) {
                int to = Math.min(n, from + ROWS_PER_CLAIM);
                for (int row = from; row < to; row++) {
                    vectors[row] = scorer.vectorize(entries.get(row).item(), failures, row);
                }
                finished += to - from;
            }
            // The atomic add publishes this thread's rows to whichever thread sees the total reach n.
            if ((finished > 0 && rowsDone.addAndGet(finished) == n) || (n == 0 && !result.isDone())) {
                if (modelThread == null) {
                    score();
                } else {
                    modelThread.execute(this::score);
                }
            }
        } catch (Throwable t) {
            result.completeExceptionally(t);
        }
    }

    private void score() {
        try {
            result.complete(scorer.score(entries, vectors, failures));
        } catch (Throwable t) {
            result.completeExceptionally(t);
        }
    }
}
