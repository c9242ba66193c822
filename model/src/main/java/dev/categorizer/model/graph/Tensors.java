package dev.categorizer.model.graph;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** Copies between Java arrays and TensorFlow tensors without going through boxed n-dimensional arrays. */
public final class Tensors {
    private Tensors() {}

    public static TFloat32 floats(float[] values, long... shape) {
        return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
    }

    public static TInt64 longs(long[] values, long... shape) {
        return TInt64.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
    }

    public static TInt32 ints(int[] values, long... shape) {
        return TInt32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
    }

    /** All values of a float tensor, row-major. */
    public static float[] toArray(TFloat32 tensor) {
        float[] out = new float[Math.toIntExact(tensor.shape().size())];
        tensor.copyTo(DataBuffers.of(out, false, false));
        return out;
    }

    /** A [rows, cols] float tensor as one array per row. */
    public static float[][] toMatrix(TFloat32 tensor) {
        int rows = Math.toIntExact(tensor.shape().get(0));
        int cols = Math.toIntExact(tensor.shape().get(1));
        float[] flat = toArray(tensor);
        float[][] out = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, out[r], 0, cols);
        }
        return out;
    }
}
