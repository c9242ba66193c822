package dev.categorizer.model.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.common.record.SparseVector;
import dev.categorizer.model.predict.ServingGraph;
import dev.categorizer.model.train.NetworkWeights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SparseBatchTest {

    /** Documents of a wide vocabulary where a few frequent features are shared by most of them. */
    private static List<SparseVector> documents(Random random, int count, int inputSize) {
        List<SparseVector> out = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            TreeSet<Integer> ids = new TreeSet<>();
            int n = random.nextInt(60);
            for (int i = 0; i < n; i++) {
                ids.add(random.nextBoolean() ? random.nextInt(Math.min(50, inputSize)) : random.nextInt(inputSize));
            }
            int[] indices = ids.stream().mapToInt(Integer::intValue).toArray();
            float[] values = new float[indices.length];
            for (int i = 0; i < values.length; i++) values[i] = random.nextFloat();
            out.add(new SparseVector(indices, values));
        }
        return out;
    }

    /** (row, column, value bits) of every non-zero, in the batch's order. */
    private static List<String> entries(SparseBatch batch) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < batch.nonZeros(); k++) {
            out.add(batch.indices()[2 * k] + "," + batch.indices()[2 * k + 1] + ","
                    + Float.floatToRawIntBits(batch.values()[k]));
        }
        return out;
    }

    @Test
    void columnMajorHoldsTheSameNonZerosOrderedByColumnThenRow() {
        // Large and small batches alternate: the sort's working arrays are reused from one batch to the next.
        for (int inputSize : new int[] {1, 7, 4096, 4097, 300_000, 20_000_000, 50, 9_000}) {
            for (int batch : new int[] {300, 3}) {
                assertColumnMajor(documents(new Random(inputSize + batch), batch, inputSize), inputSize);
            }
        }
    }

    @Test
    void bothOrdersRefuseAFeatureBeyondTheInputWidth() {
        List<SparseVector> docs = List.of(new SparseVector(new int[] {1, 3}, new float[] {0.5f, 0.5f}),
                new SparseVector(new int[] {2, 9}, new float[] {0.6f, 0.8f}));
        assertThatThrownBy(() -> SparseBatch.of(docs, 9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature index 9 >= input size 9");
        assertThatThrownBy(() -> SparseBatch.columnMajor(docs, 9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature index 9 >= input size 9");
        assertThat(SparseBatch.columnMajor(docs, 10).nonZeros()).isEqualTo(4);
    }

    @Test
    void theCountingSortAndTheRadixSortGiveTheSameBatchEntryForEntry() {
        for (int inputSize : new int[] {2, 50, 4096, 4097, 70_000}) {
            for (int batch : new int[] {4096, 300, 3}) {
                List<SparseVector> docs = documents(new Random(31L * inputSize + batch), batch, inputSize);
                int nnz = docs.stream().mapToInt(SparseVector::nonZeros).sum();
                if (nnz < 2) continue;
                SparseBatch counted = SparseBatch.byCounting(docs, inputSize, nnz);
                assertThat(entries(counted)).containsExactlyElementsOf(entries(SparseBatch.byRadix(docs, inputSize, nnz)));
                assertThat(counted.rows()).isEqualTo(docs.size());
                if (batch <= 300) assertColumnMajor(docs, inputSize); // its any-order comparison is quadratic
            }
        }
    }

    @Test
    void aCountingSortThatRefusedABatchLeavesNothingBehindForTheNext() {
        List<SparseVector> bad = List.of(new SparseVector(new int[] {1, 3}, new float[] {0.5f, 0.5f}),
                new SparseVector(new int[] {2, 9}, new float[] {0.6f, 0.8f}));
        assertThatThrownBy(() -> SparseBatch.byCounting(bad, 9, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SparseBatch.byCounting(
                List.of(new SparseVector(new int[] {4, -1}, new float[] {1, 1})), 9, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");

        List<SparseVector> good = documents(new Random(5), 200, 9);
        int nnz = good.stream().mapToInt(SparseVector::nonZeros).sum();
        assertThat(entries(SparseBatch.byCounting(good, 9, nnz)))
                .containsExactlyElementsOf(entries(SparseBatch.byRadix(good, 9, nnz)));
    }

    private static void assertColumnMajor(List<SparseVector> docs, int inputSize) {
        SparseBatch rowMajor = SparseBatch.of(docs, inputSize);
        SparseBatch byColumn = SparseBatch.columnMajor(docs, inputSize);

        assertThat(byColumn.rows()).isEqualTo(rowMajor.rows());
        assertThat(entries(byColumn)).containsExactlyInAnyOrderElementsOf(entries(rowMajor));
        long[] indices = byColumn.indices();
        for (int k = 1; k < byColumn.nonZeros(); k++) {
            long column = indices[2 * k + 1];
            long previousColumn = indices[2 * k - 1];
            assertThat(column > previousColumn || column == previousColumn && indices[2 * k] > indices[2 * k - 2])
                    .as("non-zero %d of input size %d after (%d, %d)", k, inputSize, indices[2 * k - 2],
                            previousColumn)
                    .isTrue();
        }
    }

    @Test
    void theServingGraphGivesTheSameProbabilitiesToTheBitInEitherOrder() throws Exception {
        int inputSize = 9_000;
        int hidden = 64;
        int labels = 12;
        Random random = new Random(5);
        float[] w1 = new float[inputSize * hidden];
        float[] b1 = new float[hidden];
        float[] w2 = new float[hidden * labels];
        float[] b2 = new float[labels];
        for (float[] w : new float[][] {w1, b1, w2, b2}) {
            for (int i = 0; i < w.length; i++) w[i] = (float) random.nextGaussian() * 0.3f;
        }
        List<SparseVector> docs = documents(random, 256, inputSize);
        try (ServingGraph graph = ServingGraph.create(inputSize, hidden, labels)) {
            graph.load(NetworkWeights.inMemory(inputSize, hidden, labels, w1, b1, w2, b2));
            float[][] rowMajor = graph.run(SparseBatch.of(docs, inputSize));
            float[][] byColumn = graph.run(SparseBatch.columnMajor(docs, inputSize));
            assertThat(Arrays.deepEquals(box(byColumn), box(rowMajor))).isTrue();
            assertThat(rowMajor).hasNumberOfRows(256);
        }
    }

    private static Integer[][] box(float[][] scores) {
        Integer[][] out = new Integer[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            out[i] = new Integer[scores[i].length];
            for (int j = 0; j < scores[i].length; j++) out[i][j] = Float.floatToRawIntBits(scores[i][j]);
        }
        return out;
    }
}
