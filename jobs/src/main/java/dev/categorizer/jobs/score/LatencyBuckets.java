package dev.categorizer.jobs.score;

import java.util.Map;
import java.util.SortedMap;

/**
 * Log-scaled latency buckets (2% wide) so a latency distribution fits in a small Flink {@code Histogram}
 * accumulator (bucket -> count) and percentiles can be read from it after the job.
 */
public final class LatencyBuckets {

    private static final double LOG_BASE = Math.log(1.02);

    private LatencyBuckets() {}

    /** The bucket of a latency in microseconds. */
    public static int bucket(long micros) {
        return (int) Math.round(Math.log1p(Math.max(0, micros)) / LOG_BASE);
    }

    /** A representative latency, in microseconds, of a bucket. */
    public static double micros(int bucket) {
        return Math.expm1(bucket * LOG_BASE);
    }

    /** The {@code q}-quantile (0..1) in microseconds of a bucket -> count histogram; NaN when empty. */
    public static double quantileMicros(SortedMap<Integer, Integer> histogram, double q) {
        long total = 0;
        for (int count : histogram.values()) total += count;
        if (total == 0) return Double.NaN;
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (Map.Entry<Integer, Integer> e : histogram.entrySet()) {
            seen += e.getValue();
            if (seen >= Math.max(1, rank)) return micros(e.getKey());
        }
        return micros(histogram.lastKey());
    }
}
