package dev.categorizer.model.graph;

import dev.categorizer.common.record.SparseVector;
import java.util.Arrays;
import java.util.List;

/**
 * A mini-batch of sparse rows in the form the sparse layer takes: COO {@code indices} (row, column pairs),
 * {@code values} and a dense shape. In {@link #compact} form the columns are renumbered to the batch's distinct
 * features ({@link #columns}), so the layer gathers and updates only those rows of its weight matrix and the cost
 * of a training step follows the batch's non-zeros, not the vocabulary size.
 */
public final class SparseBatch {
    final int rows;
    final long[] indices; // nnz x 2, row-major
    final float[] values;
    final int width; // dense shape [rows, width]
    final int[] columns; // global column of each local column (compact form), or null

    private SparseBatch(int rows, long[] indices, float[] values, int width, int[] columns) {
        this.rows = rows;
        this.indices = indices;
        this.values = values;
        this.width = width;
        this.columns = columns;
    }

    public int rows() {
        return rows;
    }

    public int nonZeros() {
        return values.length;
    }

    /** COO coordinates, row-major pairs (row, column). */
    public long[] indices() {
        return indices;
    }

    public float[] values() {
        return values;
    }

    /** Distinct global columns of a compact batch, ascending. */
    public int[] columns() {
        return columns;
    }

    /** The rows as they are, over the whole input width. */
    public static SparseBatch of(List<SparseVector> vectors, int inputSize) {
        int nnz = 0;
        for (SparseVector v : vectors) nnz += v.nonZeros();
        long[] indices = new long[nnz * 2];
        float[] values = new float[nnz];
        int k = 0;
        for (int r = 0; r < vectors.size(); r++) {
            SparseVector v = vectors.get(r);
            int[] idx = v.indices();
            float[] val = v.values();
            for (int j = 0; j < idx.length; j++) {
                if (idx[j] >= inputSize) {
                    throw new IllegalArgumentException("feature index " + idx[j] + " >= input size " + inputSize);
                }
                indices[2 * k] = r;
                indices[2 * k + 1] = idx[j];
                values[k++] = val[j];
            }
        }
        return new SparseBatch(vectors.size(), indices, values, inputSize, null);
    }

    /** The rows with columns renumbered to the batch's distinct features. */
    public static SparseBatch compact(List<SparseVector> vectors) {
        int nnz = 0;
        for (SparseVector v : vectors) nnz += v.nonZeros();
        int[] all = new int[nnz];
        int k = 0;
        for (SparseVector v : vectors) {
            System.arraycopy(v.indices(), 0, all, k, v.nonZeros());
            k += v.nonZeros();
        }
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) all[distinct++] = all[i];
        }
        int[] columns = Arrays.copyOf(all, distinct);
        long[] indices = new long[nnz * 2];
        float[] values = new float[nnz];
        k = 0;
        for (int r = 0; r < vectors.size(); r++) {
            SparseVector v = vectors.get(r);
            int[] idx = v.indices();
            float[] val = v.values();
            for (int j = 0; j < idx.length; j++) {
                indices[2 * k] = r;
                indices[2 * k + 1] = Arrays.binarySearch(columns, idx[j]);
                values[k++] = val[j];
            }
        }
        return new SparseBatch(vectors.size(), indices, values, distinct, columns);
    }
}
