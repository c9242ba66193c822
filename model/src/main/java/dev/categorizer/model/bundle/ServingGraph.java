package dev.categorizer.model.bundle;

import dev.categorizer.model.graph.VariableBlocks;
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
 * returns {@value #PROBABILITIES} (float [rows, labels]). The weights are streamed into the graph's variables
 * block by block from their files, so a first layer of any size is exported without a Java array of its size.
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
            for (String name : NetworkWeights.TENSORS) {
                vars.add(tf.withName(name).variable(Shape.of(weights.shape(name)), TFloat32.class));
            }
            VariableBlocks blocks = new VariableBlocks(tf, vars);
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
                for (int i = 0; i < vars.size(); i++) {
                    String name = NetworkWeights.TENSORS.get(i);
                    blocks.load(session, i, weights.open(name), weights.describe(name));
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
