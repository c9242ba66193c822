package dev.categorizer.cli.progress;

import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * The progress line of a run that reads files: documents read, bytes read of the input's total, the rate and the
 * time left at that rate, {@code scoring [████████░░░░░░░░░░░░░░░░] 412,000 docs  310.2 MB of 1.1 GB  48,210
 * docs/s  ~0:17 left}. Without a known total (object storage) it shows the count and the rate only.
 *
 * <pre>{@code
 * ProgressReporter.start(new ReadProgressLine("scoring", LocalProgress::recordsRead, LocalProgress::bytesRead,
 *         totalBytes, System.currentTimeMillis()));
 * }</pre>
 */
public final class ReadProgressLine implements LongFunction<String> {
    private static final int WIDTH = 24;

    private final String label;
    private final LongSupplier records;
    private final LongSupplier bytes;
    private final long totalBytes;
    private final long startMillis;

    /** {@code totalBytes} 0 or less when unknown. */
    public ReadProgressLine(String label, LongSupplier records, LongSupplier bytes, long totalBytes, long startMillis) {
        this.label = label;
        this.records = records;
        this.bytes = bytes;
        this.totalBytes = totalBytes;
        this.startMillis = startMillis;
    }

    @Override
    public String apply(long nowMillis) {
        long n = records.getAsLong();
        if (n == 0) return null;
        long read = bytes.getAsLong();
        double seconds = Math.max(0.001, (nowMillis - startMillis) / 1000.0);
        String rate = ProgressText.rate(n / seconds) + " docs/s";
        if (totalBytes <= 0) {
            return String.format("%s %s docs  %s read  %s", label, ProgressText.count(n), ProgressText.bytes(read), rate);
        }
        double fraction = Math.min(1, (double) read / totalBytes);
        long leftMillis = read == 0 ? 0 : Math.round((nowMillis - startMillis) * (totalBytes - read) / (double) read);
        return String.format("%s %s %s docs  %s of %s  %s  ~%s left", label, ProgressText.bar(fraction, WIDTH),
                ProgressText.count(n), ProgressText.bytes(read), ProgressText.bytes(totalBytes), rate,
                ProgressText.duration(leftMillis));
    }
}
