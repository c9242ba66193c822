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

    /** Bits of the column sorted per pass of {@link #columnMajor}'s radix sort. */
    private static final int RADIX_BITS = 12;
    private static final int RADIX = 1 << RADIX_BITS;

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
                checkWidth(idx[j], inputSize);
                indices[2 * k] = r;
                indices[2 * k + 1] = idx[j];
                values[k++] = val[j];
            }
        }
        return new SparseBatch(vectors.size(), indices, values, inputSize, null);
    }

    /**
     * The rows as they are, over the whole input width, with the non-zeros ordered by column and, within a column,
     * by row: for serving. The sparse product adds one row of the weight matrix per non-zero; in this order the
     * documents of a batch that share a feature use its row one after another while it is in the cache, instead
     * of reading it again from memory for each. A vector's indices are ascending (as the vectorizer makes them),
     * so every output row still receives its features in ascending order, and the product is the same to the
     * bit as with {@link #of}. Ordered by a stable sort on the column: a counting sort when the batch has at
     * least half as many non-zeros as the input has columns ({@link #byCounting}), else a radix sort, 12 bits a
     * pass, linear in the non-zeros with no array the size of the vocabulary ({@link #byRadix}).
     *
     * <pre>{@code
     * float[][] probabilities = graph.run(SparseBatch.columnMajor(vectors, inputSize));
     * }</pre>
     */
    public static SparseBatch columnMajor(List<SparseVector> vectors, int inputSize) {
        int nnz = 0;
        for (SparseVector v : vectors) nnz += v.nonZeros();
        if (nnz < 2) {
            return of(vectors, inputSize);
        }
        return inputSize <= COUNTING_MAX_WIDTH && inputSize <= 2L * nnz
                ? byCounting(vectors, inputSize, nnz) : byRadix(vectors, inputSize, nnz);
    }

    /** Widest input {@link #byCounting} serves: its count per column is this thread's, kept (16 MB at most). */
    static final int COUNTING_MAX_WIDTH = 1 << 22;

    /** {@link #byCounting}'s count per column, this thread's: all zero between calls, grown to the widest input. */
    private static final class ColumnCounts {
        int[] starts = new int[0];

        int[] atLeast(int length) {
            if (starts.length < length) starts = new int[length];
            return starts;
        }
    }

    private static final ThreadLocal<ColumnCounts> COLUMN_COUNTS = ThreadLocal.withInitial(ColumnCounts::new);

    /**
     * {@link #columnMajor} by a counting sort on the column, for a batch with at least half as many non-zeros as
     * the input has columns (large batches of a vocabulary of ordinary size): one pass counts each column, one
     * places each non-zero straight into the result, with no key array and no radix passes. Stable, as the radix
     * sort is, so the order is the same to the last entry. {@code nnz} is the vectors' non-zeros together.
     */
    public static SparseBatch byCounting(List<SparseVector> vectors, int inputSize, int nnz) {
        int[] start = COLUMN_COUNTS.get().atLeast(inputSize + 1); // zeroed again however the call ends
        try {
            for (SparseVector v : vectors) {
                for (int column : v.indices()) {
                    checkWidth(column, inputSize);
                    start[column + 1]++;
                }
            }
            for (int c = 0; c < inputSize; c++) start[c + 1] += start[c];
            long[] indices = new long[2 * nnz];
            float[] values = new float[nnz];
            for (int r = 0; r < vectors.size(); r++) {
                SparseVector v = vectors.get(r);
                int[] idx = v.indices();
                float[] val = v.values();
                for (int j = 0; j < idx.length; j++) {
                    int at = start[idx[j]]++;
                    indices[2 * at] = r;
                    indices[2 * at + 1] = idx[j];
                    values[at] = val[j];
                }
            }
            return new SparseBatch(vectors.size(), indices, values, inputSize, null);
        } finally {
            Arrays.fill(start, 0, inputSize + 1, 0);
        }
    }

    /**
     * {@link #columnMajor} by a radix sort on the column, 12 bits a pass: for any width. {@code nnz} is the
     * vectors' non-zeros together.
     */
    public static SparseBatch byRadix(List<SparseVector> vectors, int inputSize, int nnz) {
        // The sort's working arrays are this thread's, reused: allocated per batch they cost 56 bytes per
        // non-zero, most of the 1.25 GB less that a million TMDB documents now allocate (BENCHMARKS.md).
        RadixScratch scratch = nnz <= RadixScratch.MAX_KEPT ? RADIX_SCRATCH.get().fit(nnz) : new RadixScratch(nnz);
        long[] from = scratch.from; // column << 32 | position in row-major order
        long[] to = scratch.to;
        int[] rowOf = scratch.rows;
        float[] valueOf = scratch.values;
        int k = 0;
        for (int r = 0; r < vectors.size(); r++) {
            SparseVector v = vectors.get(r);
            int[] idx = v.indices();
            float[] val = v.values();
            for (int j = 0; j < idx.length; j++) {
                checkWidth(idx[j], inputSize);
                from[k] = (long) idx[j] << 32 | k;
                rowOf[k] = r;
                valueOf[k++] = val[j];
            }
        }
        int[] counts = scratch.counts;
        int columnBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, inputSize - 1));
        for (int shift = 32; shift < 32 + columnBits; shift += RADIX_BITS) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < nnz; i++) counts[(int) (from[i] >>> shift) & (RADIX - 1)]++;
            for (int b = 0, sum = 0; b < RADIX; b++) {
                int c = counts[b];
                counts[b] = sum;
                sum += c;
            }
            for (int i = 0; i < nnz; i++) {
                long e = from[i];
                to[counts[(int) (e >>> shift) & (RADIX - 1)]++] = e;
            }
            long[] swap = from;
            from = to;
            to = swap;
        }
        long[] indices = new long[2 * nnz];
        float[] values = new float[nnz];
        for (int i = 0; i < nnz; i++) {
            long e = from[i];
            int position = (int) e;
            indices[2 * i] = rowOf[position];
            indices[2 * i + 1] = e >>> 32;
            values[i] = valueOf[position];
        }
        return new SparseBatch(vectors.size(), indices, values, inputSize, null);
    }

    /** {@link #columnMajor}'s working arrays, grown to the largest batch of one thread (up to {@link #MAX_KEPT}). */
    private static final class RadixScratch {
        /** Non-zeros beyond which a batch sorts in arrays of its own, so a rare huge batch is not kept. */
        static final int MAX_KEPT = 1 << 20;

        long[] from;
        long[] to;
        int[] rows;
        float[] values;
        final int[] counts = new int[RADIX];

        RadixScratch(int nnz) {
            allocate(nnz);
        }

        RadixScratch fit(int nnz) {
            if (from.length < nnz) allocate(Math.min(MAX_KEPT, Math.max(nnz, 2 * from.length)));
            return this;
        }

        private void allocate(int size) {
            from = new long[size];
            to = new long[size];
            rows = new int[size];
            values = new float[size];
        }
    }

    private static final ThreadLocal<RadixScratch> RADIX_SCRATCH = ThreadLocal.withInitial(() -> new RadixScratch(1024));

    private static void checkWidth(int index, int inputSize) {
        if (index >= inputSize) {
            throw new IllegalArgumentException("feature index " + index + " >= input size " + inputSize);
        }
        if (index < 0) throw new IllegalArgumentException("negative feature index " + index);
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
