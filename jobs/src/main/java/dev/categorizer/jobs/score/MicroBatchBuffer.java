package dev.categorizer.jobs.score;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects items until a batch is full (by count, or by the items' total weight, e.g. their characters of text) or
 * its oldest item has waited long enough (by time), so that one model call serves many records. Pure bookkeeping:
 * the caller supplies the clock and the weights and decides when to flush.
 *
 * <pre>{@code
 * MicroBatchBuffer<Video> buffer = new MicroBatchBuffer<>(4096, 8_000_000, 50); // 4,096 videos or 8M chars
 * if (buffer.add(video, VideoChecks.textChars(video), nowMillis, System.nanoTime())) flush(buffer.drain());
 * // later, from a timer: if (buffer.isDue(nowMillis)) flush(buffer.drain());
 * }</pre>
 *
 * @param <T> the buffered item type
 */
public final class MicroBatchBuffer<T> {

    /** A buffered item with the moments it arrived: processing-time millis for deadlines, nanos for latency. */
    public record Entry<T>(T item, long arrivalMillis, long arrivalNanos) {}

    private final int maxSize;
    private final long maxWeight;
    private final long maxWaitMillis;
    private List<Entry<T>> entries;
    private long weight;

    /** A buffer bounded by count and time only. */
    public MicroBatchBuffer(int maxSize, long maxWaitMillis) {
        this(maxSize, Long.MAX_VALUE, maxWaitMillis);
    }

    /**
     * A buffer that is also full once its items' weights add up to {@code maxWeight}: a count alone would let a
     * batch of a few thousand enormous records hold gigabytes.
     */
    public MicroBatchBuffer(int maxSize, long maxWeight, long maxWaitMillis) {
        if (maxSize <= 0) throw new IllegalArgumentException("batch size must be > 0, got " + maxSize);
        if (maxWeight <= 0) throw new IllegalArgumentException("batch weight must be > 0, got " + maxWeight);
        if (maxWaitMillis < 0) throw new IllegalArgumentException("batch timeout must be >= 0, got " + maxWaitMillis);
        this.maxSize = maxSize;
        this.maxWeight = maxWeight;
        this.maxWaitMillis = maxWaitMillis;
        this.entries = new ArrayList<>(Math.min(maxSize, 4096));
    }

    /** Adds an item of no weight; returns whether the batch should be flushed now (full, or no waiting allowed). */
    public boolean add(T item, long nowMillis, long nowNanos) {
        return add(item, 0, nowMillis, nowNanos);
    }

    /**
     * Adds an item of {@code itemWeight} (at least 0); returns whether the batch should be flushed now: full by
     * count or by weight, or no waiting allowed.
     */
    public boolean add(T item, long itemWeight, long nowMillis, long nowNanos) {
        if (itemWeight < 0) throw new IllegalArgumentException("item weight must be >= 0, got " + itemWeight);
        entries.add(new Entry<>(item, nowMillis, nowNanos));
        weight += itemWeight;
        return entries.size() >= maxSize || weight >= maxWeight || maxWaitMillis == 0;
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
        weight = 0;
        return batch;
    }
}
