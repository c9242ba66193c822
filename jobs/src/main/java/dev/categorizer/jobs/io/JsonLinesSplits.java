package dev.categorizer.jobs.io;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.file.src.compression.StandardDeCompressors;

/**
 * How a JSON-lines file is cut into byte ranges that tasks read side by side: a file of at least
 * {@link #MIN_SPLIT_BYTES} twice over, uncompressed, into about two ranges per task (so that a task that finishes
 * early takes another), each of {@link #MIN_SPLIT_BYTES} to {@link #MAX_SPLIT_BYTES}. Smaller and compressed files
 * are one range. {@link JsonLinesVideoFormat} reads each range.
 *
 * <pre>{@code
 * List<long[]> ranges = JsonLinesSplits.ranges("videos.jsonl", 700_000_000L, 2); // four ranges of 175 MB
 * }</pre>
 */
public final class JsonLinesSplits {
    /** The smallest range: below this, one more task costs more than it saves. */
    public static final long MIN_SPLIT_BYTES = 8L << 20;
    /** The largest range, so that large files spread over many tasks and restarts lose little. */
    public static final long MAX_SPLIT_BYTES = 256L << 20;

    private JsonLinesSplits() {}

    /** The {@code {offset, length}} ranges of a file of {@code length} bytes, for {@code tasks} reading tasks. */
    public static List<long[]> ranges(String fileName, long length, int tasks) {
        List<long[]> ranges = new ArrayList<>();
        if (length < 2 * MIN_SPLIT_BYTES || StandardDeCompressors.getDecompressorForFileName(fileName) != null) {
            ranges.add(new long[] {0, length});
            return ranges;
        }
        long size = Math.max(MIN_SPLIT_BYTES, Math.min(MAX_SPLIT_BYTES, length / (2L * Math.max(1, tasks))));
        int count = (int) Math.max(1, (length + size - 1) / size);
        long step = length / count;
        for (int i = 0; i < count; i++) {
            long offset = i * step;
            long end = i == count - 1 ? length : offset + step;
            ranges.add(new long[] {offset, end - offset});
        }
        return ranges;
    }
}
