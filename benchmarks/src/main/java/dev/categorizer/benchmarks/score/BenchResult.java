package dev.categorizer.benchmarks.score;

import java.util.Locale;

/**
 * One benchmark measurement, printable as a Markdown table row for BENCHMARKS.md.
 *
 * @param name what was measured
 * @param docs documents scored
 * @param parallelism parallel tasks
 * @param batchSize most documents per model call
 * @param seconds time the measurement covers
 * @param p50Millis median latency per record (NaN when not measured)
 * @param p99Millis 99th percentile latency per record (NaN when not measured)
 * @param note what the time and the latency cover
 */
public record BenchResult(
        String name, long docs, int parallelism, int batchSize, double seconds, double p50Millis, double p99Millis,
        String note) {

    public static final String HEADER = "| measurement | docs | parallelism | batch | seconds | docs/s | p50 ms | p99 ms | note |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---|";

    public double docsPerSecond() {
        return seconds > 0 ? docs / seconds : Double.NaN;
    }

    public String toMarkdownRow() {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.2f | %.0f | %s | %s | %s |", name, docs,
                parallelism, batchSize, seconds, docsPerSecond(), millis(p50Millis), millis(p99Millis), note);
    }

    private static String millis(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
