package dev.categorizer.common.record;

import java.util.Arrays;

/**
 * A sparse feature vector: strictly increasing {@code indices} into the vocabulary and their {@code values}.
 * The arrays are owned by the vector; callers must not change them.
 */
public record SparseVector(int[] indices, float[] values) {

    public SparseVector {
        if (indices.length != values.length) {
            throw new IllegalArgumentException(
                    "indices and values differ in length: " + indices.length + " != " + values.length);
        }
    }

    public static SparseVector empty() {
        return new SparseVector(new int[0], new float[0]);
    }

    public int nonZeros() {
        return indices.length;
    }

    public boolean isEmpty() {
        return indices.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector v && Arrays.equals(indices, v.indices) && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SparseVector" + Arrays.toString(indices) + "=" + Arrays.toString(values);
    }
}
