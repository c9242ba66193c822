package dev.categorizer.jobs.io;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.file.src.compression.StandardDeCompressors;

/**
 * How a JSON-lines file is cut into byte ranges that tasks read side by side: a file of at least
 * {@link #MIN_SPLIT_BYTES} twice over, uncompressed, into about {@link #RANGES_PER_TASK} ranges per task, each of
 * {@link #MIN_SPLIT_BYTES} to {@link #MAX_SPLIT_BYTES}. Tasks take ranges as they finish them, so small ranges even
 * out the end: with two ranges per task, one task of two read its last range alone for a fifth of the job (a million
 * documents at parallelism 2). Smaller and compressed files are one range. {@link JsonLinesVideoFormat} reads each range.
 *
 * <pre>{@code
 * List<long[]> ranges = JsonLinesSplits.ranges("videos.jsonl", 800_000_000L, 2); // 16 ranges of 50 MB
 * }</pre>
 */
public final class JsonLinesSplits {
    /** The smallest range: below this, one more task costs more than it saves. */
    public static final long MIN_SPLIT_BYTES = 8L << 20;
    /** The largest range, so that large files spread over many tasks and restarts lose little. */
    public static final long MAX_SPLIT_BYTES = 256L << 20;
    /** Ranges per reading task, when the file is large enough. */
    public static final int RANGES_PER_TASK = 8;

    private JsonLinesSplits() {}

    /** The {@code {offset, length}} ranges of a file of {@code length} bytes, for {@code tasks} reading tasks. */
    public static List<long[]> ranges(String fileName, long length, int tasks) {
        List<long[]> ranges = new ArrayList<>();
        if (length < 2 * MIN_SPLIT_BYTES || StandardDeCompressors.getDecompressorForFileName(fileName) != null) {
            ranges.add(new long[] {0, length});
            return ranges;
        }
        long size = Math.max(MIN_SPLIT_BYTES, Math.min(MAX_SPLIT_BYTES, length / ((long) RANGES_PER_TASK * Math.max(1, tasks))));
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
