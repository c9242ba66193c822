package dev.categorizer.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Large uncompressed files become about eight ranges per task, small and compressed ones one, and none overlap. */
class JsonLinesSplitsTest {

    @Test
    void cutsALargeFileIntoAboutEightRangesPerTaskThatCoverItExactly() {
        long length = 700_000_000L;
        List<long[]> ranges = JsonLinesSplits.ranges("videos.jsonl", length, 2);
        assertThat(ranges).hasSize(2 * JsonLinesSplits.RANGES_PER_TASK);
        long next = 0;
        for (long[] r : ranges) {
            assertThat(r[0]).isEqualTo(next);
            next = r[0] + r[1];
        }
        assertThat(next).isEqualTo(length);
        assertThat(JsonLinesSplits.ranges("videos.jsonl", 10_000_000_000L, 2)).allSatisfy(r ->
                assertThat(r[1]).isLessThanOrEqualTo(JsonLinesSplits.MAX_SPLIT_BYTES + 1));
    }

    @Test
    void keepsSmallAndCompressedFilesWhole() {
        assertThat(JsonLinesSplits.ranges("small.jsonl", 2 * JsonLinesSplits.MIN_SPLIT_BYTES - 1, 8)).hasSize(1);
        assertThat(JsonLinesSplits.ranges("big.jsonl.gz", 900_000_000L, 8)).singleElement()
                .satisfies(r -> assertThat(r).containsExactly(0, 900_000_000L));
    }
}
