package dev.categorizer.model.graph;

import dev.categorizer.model.train.NetworkWeights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Writes the network for serving as a TensorFlow SavedModel: the forward pass only, its weights as variables, no
 * optimizer state. Its one signature, {@value #SIGNATURE}, takes the sparse input as {@value #INDICES} (int64
 * [n, 2]: row, feature), {@value #VALUES} (float [n]) and {@value #DENSE_SHAPE} (int64 [2]: rows, input size) and
 * returns {@value #PROBABILITIES} (float [rows, labels]).
 */
public final class ServingGraph {
    public static final String SIGNATURE = "serving_default";
    public static final String INDICES = "indices";
    public static final String VALUES = "values";
    public static final String DENSE_SHAPE = "dense_shape";
    public static final String PROBABILITIES = "probabilities";

    private ServingGraph() {}

    public static void export(NetworkWeights weights, Path directory) throws IOException {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            List<Variable<TFloat32>> vars = new ArrayList<>();
            List<Placeholder<TFloat32>> setters = new ArrayList<>();
            List<org.tensorflow.op.Op> assigns = new ArrayList<>();
            long[][] shapes = {
                {weights.inputSize(), weights.hidden()}, {weights.hidden()},
                {weights.hidden(), weights.outputs()}, {weights.outputs()}
            };
            String[] names = {"w1", "b1", "w2", "b2"};
            for (int i = 0; i < 4; i++) {
                Variable<TFloat32> v = tf.withName(names[i]).variable(Shape.of(shapes[i]), TFloat32.class);
                Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shapes[i])));
                vars.add(v);
                setters.add(p);
                assigns.add(tf.assign(v, p));
            }
            Placeholder<TInt64> indices = tf.withName(INDICES)
                    .placeholder(TInt64.class, Placeholder.shape(Shape.of(-1, 2)));
            Placeholder<TFloat32> values = tf.withName(VALUES)
                    .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
            Placeholder<TInt64> denseShape = tf.withName(DENSE_SHAPE)
                    .placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
            Operand<TFloat32> hidden = tf.nn.relu(tf.nn.biasAdd(
                    tf.sparse.sparseTensorDenseMatMul(indices, values, denseShape, vars.get(0)), vars.get(1)));
            Operand<TFloat32> probabilities = tf.withName(PROBABILITIES).math.sigmoid(
                    tf.nn.biasAdd(tf.linalg.matMul(hidden, vars.get(2)), vars.get(3)));

            try (Session session = new Session(graph)) {
                float[][] arrays = {weights.w1(), weights.b1(), weights.w2(), weights.b2()};
                Session.Runner runner = session.runner();
                List<Tensor> feeds = new ArrayList<>();
                try {
                    for (int i = 0; i < 4; i++) {
                        TFloat32 t = Tensors.floats(arrays[i], shapes[i]);
                        feeds.add(t);
                        runner.feed(setters.get(i), t).addTarget(assigns.get(i));
                    }
                    runner.run().close();
                } finally {
                    feeds.forEach(Tensor::close);
                }
                Signature signature = Signature.builder(SIGNATURE)
                        .input(INDICES, indices).input(VALUES, values).input(DENSE_SHAPE, denseShape)
                        .output(PROBABILITIES, probabilities)
                        .build();
                SavedModelBundle.exporter(directory.toString())
                        .withFunction(SessionFunction.create(signature, session))
                        .export();
            }
        }
    }
}
