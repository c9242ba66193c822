package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InferenceThreadsTest {

    private static final int AUTO = ScoringOptions.AUTO_INFERENCE_THREADS;

    @Test
    void autoGivesAThreadOnlyWhenEverySlotHasASpareCore() {
        assertThat(InferenceThreads.resolve(AUTO, 2, 1)).isEqualTo(1);
        assertThat(InferenceThreads.resolve(AUTO, 8, 4)).isEqualTo(1);
        assertThat(InferenceThreads.resolve(AUTO, 2, 2)).isZero();
        assertThat(InferenceThreads.resolve(AUTO, 8, 5)).isZero();
        assertThat(InferenceThreads.resolve(AUTO, 1, 1)).isZero();
    }

    @Test
    void aGivenCountIsKept() {
        assertThat(InferenceThreads.resolve(0, 16, 1)).isZero();
        assertThat(InferenceThreads.resolve(3, 2, 2)).isEqualTo(3);
    }
}
