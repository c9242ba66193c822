package dev.categorizer.jobs.score;

import dev.categorizer.common.record.Video;
import java.util.List;

/**
 * A micro-batch after the model: for each entry, in input order, either its scores or why it could not be scored.
 *
 * @param entries the batch as buffered
 * @param scores one probability per label for each scored entry; {@code null} where the entry failed
 * @param failures why an entry could not be scored; {@code null} where it was scored
 */
public record ScoredBatch(List<MicroBatchBuffer.Entry<Video>> entries, float[][] scores, String[] failures) {

    public int size() {
        return entries.size();
    }

    public boolean isScored(int i) {
        return failures[i] == null;
    }

    /** How many entries were scored, not failed. */
    public int scoredCount() {
        int n = 0;
        for (String failure : failures) {
            if (failure == null) n++;
        }
        return n;
    }
}
