package dev.categorizer.model.predict;

import dev.categorizer.model.graph.SparseBatch;
import dev.categorizer.model.graph.Tensors;
import dev.categorizer.model.graph.VariableBlocks;
import dev.categorizer.model.train.NetworkWeights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.Restore;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * The forward pass of the network, built here in code and never read from a bundle: a bundle supplies weights
 * only, as tensors of the shapes this graph declares, so no operation a bundle author chose ever runs. The
 * sparse input is fed as indices (int64 [n, 2]: row, feature), values (float [n]) and a dense shape; the first
 * layer multiplies it sparse, never densified.
 *
 * <pre>{@code
 * try (ServingGraph graph = ServingGraph.create(inputSize, hidden, labels)) {
 *     graph.load(weights);                       // tensor files, shapes checked
 *     float[][] probabilities = graph.run(SparseBatch.of(vectors, inputSize));
 * }
 * }</pre>
 */
public final class ServingGraph implements AutoCloseable {
    public static final String SIGNATURE = "serving_default";
    public static final String INDICES = "indices";
    public static final String VALUES = "values";
    public static final String DENSE_SHAPE = "dense_shape";
    public static final String PROBABILITIES = "probabilities";

    /**
     * Each call runs on its caller's thread: a batch is a few small matrix products, which TensorFlow's own
     * thread pools only slow down with hand-offs, and the callers (one per scoring task or thread) already
     * keep the cores busy.
     */
    private static final ConfigProto SESSION_CONFIG = ConfigProto.newBuilder()
            .setIntraOpParallelismThreads(1)
            .setInterOpParallelismThreads(-1)
            .build();

    private final long[][] shapes;
    private final Graph graph;
    private final List<Variable<TFloat32>> variables = new ArrayList<>();
    private final VariableBlocks blocks;
    private final Placeholder<TInt64> indices;
    private final Placeholder<TFloat32> values;
    private final Placeholder<TInt64> denseShape;
    private final Operand<TFloat32> probabilities;
    private final Operand<TFloat32> logits;
    private final Operand<TFloat32> biasPaths;
    private final Operand<TFloat32> featureContributions;
    private final Placeholder<TString> checkpointPrefix;
    private final List<Op> restores = new ArrayList<>();
    private final Session session;

    private ServingGraph(int inputSize, int hidden, int labels, ConfigProto config) {
        shapes = NetworkWeights.TENSORS.stream()
                .map(name -> NetworkWeights.shapeOf(name, inputSize, hidden, labels)).toArray(long[][]::new);
        graph = new Graph();
        try {
            Ops tf = Ops.create(graph);
            for (int i = 0; i < shapes.length; i++) {
                variables.add(tf.withName(NetworkWeights.TENSORS.get(i)).variable(Shape.of(shapes[i]), TFloat32.class));
            }
            blocks = new VariableBlocks(tf, variables);
            indices = tf.withName(INDICES).placeholder(TInt64.class, Placeholder.shape(Shape.of(-1, 2)));
            values = tf.withName(VALUES).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
            denseShape = tf.withName(DENSE_SHAPE).placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
            Operand<TFloat32> preActivation = tf.nn.biasAdd(
                    tf.sparse.sparseTensorDenseMatMul(indices, values, denseShape, variables.get(0)), variables.get(1));
            Operand<TFloat32> hiddenLayer = tf.nn.relu(preActivation);
            logits = tf.nn.biasAdd(tf.linalg.matMul(hiddenLayer, variables.get(2)), variables.get(3));
            probabilities = tf.withName(PROBABILITIES).math.sigmoid(logits);
            // Gradient x input, exact for this network: with the set of active ReLU units fixed by the input,
            // logit = b2 + (active * b1)·W2 + sum_i x_i (W1[i] * active)·W2. Only the rows of W1 that the batch's
            // features name are gathered; a scoring call never runs these operations.
            Operand<TFloat32> active = tf.dtypes.cast(tf.math.greater(preActivation, tf.constant(0f)), TFloat32.class);
            biasPaths = tf.nn.biasAdd(tf.linalg.matMul(tf.math.mul(active, variables.get(1)), variables.get(2)),
                    variables.get(3));
            Operand<TInt64> rowOf = tf.gather(indices, tf.constant(0L), tf.constant(1));
            Operand<TInt64> featureOf = tf.gather(indices, tf.constant(1L), tf.constant(1));
            Operand<TFloat32> featureRows = tf.math.mul(tf.gather(variables.get(0), featureOf, tf.constant(0)),
                    tf.math.mul(tf.gather(active, rowOf, tf.constant(0)), tf.expandDims(values, tf.constant(1))));
            featureContributions = tf.linalg.matMul(featureRows, variables.get(2));
            // Weights of format-1 bundles, a TensorFlow checkpoint: read by name and type into these variables,
            // whose fixed shapes the assignment checks; the bundle's own graph is never loaded.
            checkpointPrefix = tf.placeholder(TString.class, Placeholder.shape(Shape.scalar()));
            String[] names = NetworkWeights.TENSORS.toArray(String[]::new);
            Restore restored = tf.train.restore(checkpointPrefix, tf.constant(NdArrays.vectorOfObjects(names)),
                    tf.constant(NdArrays.vectorOfObjects("", "", "", "")), List.of(TFloat32.class, TFloat32.class,
                            TFloat32.class, TFloat32.class));
            for (int i = 0; i < names.length; i++) {
                @SuppressWarnings("unchecked")
                Operand<TFloat32> value = (Operand<TFloat32>) restored.tensors().get(i);
                restores.add(tf.assign(variables.get(i), value, Assign.validateShape(true)));
            }
            session = new Session(graph, config);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** An empty graph for a network of these sizes, its weights still to load. */
    public static ServingGraph create(int inputSize, int hidden, int labels) {
        return new ServingGraph(inputSize, hidden, labels, SESSION_CONFIG);
    }

    /** Loads every weight tensor from its file, checking its shape and checksum before it is assigned. */
    public void load(NetworkWeights weights) throws IOException {
        for (int i = 0; i < variables.size(); i++) {
            String name = NetworkWeights.TENSORS.get(i);
            blocks.loadWhole(session, i, weights.open(name), weights.describe(name));
        }
    }

    /**
     * Loads the weights from a TensorFlow checkpoint ({@code prefix} as in {@code variables/variables}), reading
     * only the float tensors {@code w1, b1, w2, b2}; a tensor of another shape is refused by the assignment.
     */
    public void restoreCheckpoint(Path prefix) {
        try (TString p = TString.scalarOf(prefix.toString())) {
            Session.Runner runner = session.runner().feed(checkpointPrefix, p);
            restores.forEach(runner::addTarget);
            runner.run().close();
        }
    }

    /** The probabilities of each row of the batch, one per label. */
    public float[][] run(SparseBatch batch) {
        try (TInt64 i = Tensors.longs(batch.indices(), batch.nonZeros(), 2);
                TFloat32 v = Tensors.floats(batch.values(), batch.nonZeros());
                TInt64 s = Tensors.longs(new long[] {batch.rows(), shapes[0][0]}, 2);
                Result result = session.runner().feed(indices, i).feed(values, v).feed(denseShape, s)
                        .fetch(probabilities).run()) {
            return Tensors.toMatrix((TFloat32) result.get(0));
        }
    }

    /**
     * The logits of each row of the batch and their exact decomposition ({@link BatchAttribution}): the bias paths
     * of each row and the contribution of each non-zero of the batch, in the batch's order, to every logit.
     */
    public BatchAttribution attribute(SparseBatch batch) {
        try (TInt64 i = Tensors.longs(batch.indices(), batch.nonZeros(), 2);
                TFloat32 v = Tensors.floats(batch.values(), batch.nonZeros());
                TInt64 s = Tensors.longs(new long[] {batch.rows(), shapes[0][0]}, 2);
                Result result = session.runner().feed(indices, i).feed(values, v).feed(denseShape, s)
                        .fetch(logits).fetch(probabilities).fetch(biasPaths).fetch(featureContributions).run()) {
            return new BatchAttribution(Tensors.toMatrix((TFloat32) result.get(0)),
                    Tensors.toMatrix((TFloat32) result.get(1)), Tensors.toMatrix((TFloat32) result.get(2)),
                    Tensors.toMatrix((TFloat32) result.get(3)));
        }
    }

    /**
     * Writes these weights as a TensorFlow SavedModel with one signature, {@value #SIGNATURE}, for other
     * consumers such as TensorFlow Serving; this project never loads it.
     */
    public void exportSavedModel(Path directory) throws IOException {
        Signature signature = Signature.builder(SIGNATURE)
                .input(INDICES, indices).input(VALUES, values).input(DENSE_SHAPE, denseShape)
                .output(PROBABILITIES, probabilities)
                .build();
        SavedModelBundle.exporter(directory.toString())
                .withFunction(SessionFunction.create(signature, session))
                .export();
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
