package dev.categorizer.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class F1ScoreTest {

    @Test
    void isTheHarmonicMeanOfPrecisionAndRecall() {
        double precision = 3.0 / 4; // tp 3, fp 1
        double recall = 3.0 / 5;    // tp 3, fn 2
        assertThat(F1Score.of(3, 1, 2)).isCloseTo(2 * precision * recall / (precision + recall), within(1e-12));
    }

    @Test
    void isZeroWithoutATruePositive() {
        assertThat(F1Score.of(0, 0, 0)).isZero();
        assertThat(F1Score.of(0, 5, 7)).isZero();
    }

    @Test
    void isOneWhenEverythingIsRight() {
        assertThat(F1Score.of(9, 0, 0)).isEqualTo(1.0);
    }
}
