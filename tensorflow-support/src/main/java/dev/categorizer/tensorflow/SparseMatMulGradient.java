package dev.categorizer.tensorflow;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.sparse.SparseTensorDenseMatMul;
import org.tensorflow.types.TFloat32;

/**
 * The gradient of {@code SparseTensorDenseMatMul}, which TensorFlow's C++ gradient registry lacks.
 *
 * <p>For {@code Y = A·B} with sparse {@code A}, {@code dB = Aᵀ·dY}: computed with the same sparse op, so the
 * gradient never densifies {@code A}. The indices, values and shape get zeros: TensorFlow Java requires a tensor
 * (not null) for every input, and the layer never needs the gradient of its input.
 *
 * <p>Its own jar, beside TensorFlow's: TensorFlow keeps the registered gradient (a callback into this class) for
 * the life of the process. On a Flink cluster TensorFlow is loaded once per task manager from {@code lib/}, and so
 * must this class be; registered from a job's class loader, every later job would call into a class loader Flink
 * has closed.
 *
 * <pre>{@code
 * SparseMatMulGradient.register(); // before building a graph that differentiates SparseTensorDenseMatMul
 * }</pre>
 */
public final class SparseMatMulGradient {
    private static boolean registered;

    private SparseMatMulGradient() {}

    /** Registers the gradient once per JVM; later calls do nothing. */
    public static synchronized void register() {
        if (registered || hasGradient()) {
            registered = true;
            return;
        }
        TensorFlow.registerCustomGradient(SparseTensorDenseMatMul.Inputs.class, SparseMatMulGradient::gradient);
        registered = true;
    }

    private static boolean hasGradient() {
        try {
            var m = TensorFlow.class.getDeclaredMethod("hasGradient", String.class);
            m.setAccessible(true);
            return (Boolean) m.invoke(null, SparseTensorDenseMatMul.OP_NAME);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Operand<?>> gradient(
            Ops tf, SparseTensorDenseMatMul.Inputs<?> op, List<Output<?>> gradOutputs) {
        if (op.adjointA || op.adjointB) {
            throw new UnsupportedOperationException("gradient only for SparseTensorDenseMatMul without adjoints");
        }
        Operand<TFloat32> dy = (Operand<TFloat32>) gradOutputs.get(0);
        Operand<TFloat32> values = (Operand<TFloat32>) op.aValues;
        Operand<TFloat32> db = tf.sparse.sparseTensorDenseMatMul(
                op.aIndices, values, op.aShape, dy, SparseTensorDenseMatMul.adjointA(true));
        return List.of(tf.zerosLike(op.aIndices), tf.zerosLike(values), tf.zerosLike(op.aShape), db);
    }
}
