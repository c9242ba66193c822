package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LatencyBucketsTest {

    @Test
    void bucketsKeepLatenciesWithinTwoPercent() {
        for (long micros : new long[] {1, 10, 999, 12_345, 5_000_000}) {
            assertThat(LatencyBuckets.micros(LatencyBuckets.bucket(micros))).isCloseTo(micros, within(micros * 0.02 + 1));
        }
    }

    @Test
    void quantilesComeFromTheCumulativeCounts() {
        TreeMap<Integer, Integer> h = new TreeMap<>();
        for (int i = 1; i <= 100; i++) h.merge(LatencyBuckets.bucket(i * 1000L), 1, Integer::sum);

        assertThat(LatencyBuckets.quantileMicros(h, 0.5)).isCloseTo(50_000, within(1_500.0));
        assertThat(LatencyBuckets.quantileMicros(h, 0.99)).isCloseTo(99_000, within(2_500.0));
        assertThat(LatencyBuckets.quantileMicros(new TreeMap<>(), 0.5)).isNaN();
    }
}
