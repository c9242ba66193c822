package dev.categorizer.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.common.record.SparseVector;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class InputDropoutTest {

    private static List<SparseVector> rows(int count, int width) {
        List<SparseVector> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            int[] idx = new int[width];
            float[] val = new float[width];
            for (int j = 0; j < width; j++) {
                idx[j] = j * 3 + r;
                val[j] = 0.5f + j;
            }
            rows.add(new SparseVector(idx, val));
        }
        return rows;
    }

    @Test
    void aRateOfZeroLeavesTheRowsAsTheyAre() {
        List<SparseVector> rows = rows(4, 10);
        assertThat(new InputDropout(0f, 1).apply(5, rows)).isSameAs(rows);
    }

    @Test
    void dropsTheRateOfFeaturesAndScalesTheKeptOnes() {
        List<SparseVector> rows = rows(200, 50);
        List<SparseVector> out = new InputDropout(0.25f, 7).apply(3, rows);
        long kept = 0;
        for (int r = 0; r < rows.size(); r++) {
            SparseVector in = rows.get(r);
            SparseVector o = out.get(r);
            kept += o.nonZeros();
            for (int j = 0; j < o.nonZeros(); j++) {
                int at = java.util.Arrays.binarySearch(in.indices(), o.indices()[j]);
                assertThat(at).as("a kept feature is one of the row's").isNotNegative();
                if (j > 0) assertThat(o.indices()[j]).isGreaterThan(o.indices()[j - 1]); // still increasing
                assertThat(o.values()[j]).isCloseTo(in.values()[at] / 0.75f, Offset.offset(1e-5f));
            }
        }
        assertThat(kept / (200.0 * 50)).isCloseTo(0.75, Offset.offset(0.02));
    }

    @Test
    void theSameSeedAndStepDropTheSameFeaturesAndAnotherStepOthers() {
        List<SparseVector> rows = rows(8, 30);
        InputDropout dropout = new InputDropout(0.5f, 11);
        assertThat(dropout.apply(4, rows)).isEqualTo(new InputDropout(0.5f, 11).apply(4, rows));
        assertThat(dropout.apply(5, rows)).isNotEqualTo(dropout.apply(4, rows));
        assertThat(new InputDropout(0.5f, 12).apply(4, rows)).isNotEqualTo(dropout.apply(4, rows));
    }

    @Test
    void rejectsARateOutsideZeroToOne() {
        assertThatThrownBy(() -> new InputDropout(1f, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InputDropout(-0.1f, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
