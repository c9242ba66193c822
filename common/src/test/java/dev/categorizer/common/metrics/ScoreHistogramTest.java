package dev.categorizer.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreHistogramTest {

    @Test
    void binsScoresFromZeroToOneWithNanAndOutliersAtTheEnds() {
        ScoreHistogram h = new ScoreHistogram(1, 10);

        assertThat(h.bin(0f)).isZero();
        assertThat(h.bin(0.05f)).isZero();
        assertThat(h.bin(0.1f)).isEqualTo(1);
        assertThat(h.bin(0.99f)).isEqualTo(9);
        assertThat(h.bin(1f)).isEqualTo(9);
        assertThat(h.bin(7f)).isEqualTo(9);
        assertThat(h.bin(-1f)).isZero();
        assertThat(h.bin(Float.NaN)).isZero();
    }

    /** Positives at 0.9 and 0.4, negatives at 0.6 and 0.1: at threshold 0.5 precision 1/2, recall 1/2. */
    @Test
    void theCurveCountsWhatClearsEachBinEdgeFromTheTopDown() {
        ScoreHistogram h = new ScoreHistogram(1, 10);
        h.add(0, 0.9f, true);
        h.add(0, 0.4f, true);
        h.add(0, 0.6f, false);
        h.add(0, 0.1f, false);

        List<ScoreHistogram.CurvePoint> curve = h.curve(0);

        assertThat(curve).hasSize(10);
        assertThat(curve.get(0).threshold()).isCloseTo(0.9, within(1e-12));
        assertThat(curve.get(0).precision()).isEqualTo(1.0);
        assertThat(curve.get(0).recall()).isEqualTo(0.5);
        ScoreHistogram.CurvePoint half = curve.get(4);
        assertThat(half.threshold()).isCloseTo(0.5, within(1e-12));
        assertThat(half.precision()).isEqualTo(0.5);
        assertThat(half.recall()).isEqualTo(0.5);
        ScoreHistogram.CurvePoint all = curve.get(9);
        assertThat(all.threshold()).isZero();
        assertThat(all.precision()).isEqualTo(0.5);
        assertThat(all.recall()).isEqualTo(1.0);
    }

    @Test
    void aLabelWithoutPositivesHasNoCurve() {
        ScoreHistogram h = new ScoreHistogram(2, 10);
        h.add(1, 0.3f, false);

        assertThat(h.curve(1)).isEmpty();
        assertThat(h.positives(1)).isZero();
    }

    @Test
    void histogramsMergeByAddingAndOnlyWithTheSameShape() {
        ScoreHistogram a = new ScoreHistogram(1, 4);
        ScoreHistogram b = new ScoreHistogram(1, 4);
        a.add(0, 0.9f, true);
        b.add(0, 0.1f, true);

        a.merge(b);

        assertThat(a.positives(0)).isEqualTo(2);
        assertThat(a.curve(0).get(3).recall()).isEqualTo(1.0);
        assertThatThrownBy(() -> a.merge(new ScoreHistogram(1, 5))).isInstanceOf(IllegalArgumentException.class);
    }
}
