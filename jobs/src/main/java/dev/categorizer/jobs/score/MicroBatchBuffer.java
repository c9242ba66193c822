package dev.categorizer.jobs.score;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects items until a batch is full (by count) or its oldest item has waited long enough (by time), so that
 * one model call serves many records. Pure bookkeeping: the caller supplies the clock and decides when to flush.
 *
 * <pre>{@code
 * MicroBatchBuffer<Video> buffer = new MicroBatchBuffer<>(256, 50);
 * if (buffer.add(video, nowMillis, System.nanoTime())) flush(buffer.drain());
 * // later, from a timer: if (buffer.isDue(nowMillis)) flush(buffer.drain());
 * }</pre>
 *
 * @param <T> the buffered item type
 */
public final class MicroBatchBuffer<T> {

    /** A buffered item with the moments it arrived: processing-time millis for deadlines, nanos for latency. */
    public record Entry<T>(T item, long arrivalMillis, long arrivalNanos) {}

    private final int maxSize;
    private final long maxWaitMillis;
    private List<Entry<T>> entries;

    public MicroBatchBuffer(int maxSize, long maxWaitMillis) {
        if (maxSize <= 0) throw new IllegalArgumentException("batch size must be > 0, got " + maxSize);
        if (maxWaitMillis < 0) throw new IllegalArgumentException("batch timeout must be >= 0, got " + maxWaitMillis);
        this.maxSize = maxSize;
        this.maxWaitMillis = maxWaitMillis;
        this.entries = new ArrayList<>(Math.min(maxSize, 4096));
    }

    /** Adds an item; returns whether the batch should be flushed now (full, or no waiting allowed). */
    public boolean add(T item, long nowMillis, long nowNanos) {
        entries.add(new Entry<>(item, nowMillis, nowNanos));
        return entries.size() >= maxSize || maxWaitMillis == 0;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /** When the oldest buffered item will have waited the maximum; only meaningful when not empty. */
    public long deadlineMillis() {
        if (entries.isEmpty()) throw new IllegalStateException("empty buffer has no deadline");
        return entries.get(0).arrivalMillis() + maxWaitMillis;
    }

    /** Whether the buffer holds items and the oldest has waited at least the maximum at {@code nowMillis}. */
    public boolean isDue(long nowMillis) {
        return !entries.isEmpty() && nowMillis >= deadlineMillis();
    }

    /** Takes every buffered entry, oldest first, and leaves the buffer empty. */
    public List<Entry<T>> drain() {
        List<Entry<T>> batch = entries;
        entries = new ArrayList<>(Math.min(maxSize, 4096));
        return batch;
    }
}
