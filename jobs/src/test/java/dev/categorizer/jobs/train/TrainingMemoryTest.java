package dev.categorizer.jobs.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrainingMemoryTest {

    @Test
    void countsTheFirstLayerAndItsMomentsPerReplicaAndOneCopyForTheBundle() {
        // 1M x 256 weights: 1.02 GB each for w1, its two moments, and the exported copy.
        assertThat(TrainingMemory.nativeBytes(1_000_000, 256, 300, 1)).isBetween(4_096_000_000L, 4_100_000_000L);
        assertThat(TrainingMemory.nativeBytes(1_000_000, 256, 300, 2)).isBetween(7_168_000_000L, 7_175_000_000L);
    }

    @Test
    void aModelTooLargeForTheMachineIsRefusedWithWhatToChange() {
        assertThatThrownBy(() -> TrainingMemory.check(5_000_000, 512, 300, 1, 8_000_000_000L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5,000,000 features x 512 hidden")
                .hasMessageContaining("--max-vocabulary")
                .hasMessageContaining("--hidden");
        TrainingMemory.check(200_000, 256, 300, 1, 8_000_000_000L); // fits: no exception
    }
}
