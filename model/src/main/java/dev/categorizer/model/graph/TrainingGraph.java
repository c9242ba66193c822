package dev.categorizer.model.graph;

import dev.categorizer.tensorflow.SparseMatMulGradient;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The TensorFlow graph that trains the network {@code sigmoid(relu(X·W1 + b1)·W2 + b2)} on sparse rows X.
 *
 * <p>The first layer is sparse-aware: a step gathers the rows of {@code W1} that the batch touches, multiplies them
 * with {@code SparseTensorDenseMatMul}, and updates only those rows and their Adam moments ("lazy" Adam, with
 * scatter updates), so the cost of a step follows the batch's non-zeros and not the vocabulary size. The other
 * parameters use TensorFlow's dense {@code ApplyAdam}. Gradients come from TensorFlow's own {@code Gradients},
 * seeded with the gradient of the mean binary cross-entropy with respect to the logits, {@code (sigmoid(z) - y) / n}.
 *
 * <p>With weight averaging on, the graph also keeps an exponential moving average of the four weights along the
 * steps ({@link #AVERAGE_NAMES}), which {@link #predict} then scores with: step t moves the average by
 * {@code avg = d_t * avg + (1 - d_t) * w} with {@code d_t = min(1 - 1/N, 1 - 1/t)} for a horizon of N steps, so
 * the first N steps average with equal weights and later ones forget with time constant N. The average of the
 * first layer is lazy, as its Adam update is: a row catches up only when a batch touches it (its weights stayed
 * the same since the step it was last brought up to date, so the skipped steps have a closed form) and, for every
 * row, in {@link #catchUpAverage}, which must run before the average is read.
 *
 * <p>All weights are set from Java ({@link #importVariables}), which keeps initialisation and dropout under a Java
 * seed: a run resumed from a checkpoint continues exactly as the original would have. Not thread-safe.
 */
public final class TrainingGraph implements AutoCloseable {
    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-7f;

    private final int inputSize;
    private final int hidden;
    private final int outputs;
    private final int subnetworks;
    private final Graph graph = new Graph();
    private final Session session;

    private final List<Variable<TFloat32>> variables = new ArrayList<>();
    private final List<Placeholder<TFloat32>> setters = new ArrayList<>();
    private final List<Op> assigns = new ArrayList<>();
    private final VariableBlocks blocks;

    // training feeds
    private final Placeholder<TInt32> columns;
    private final Placeholder<TInt64> indices;
    private final Placeholder<TFloat32> values;
    private final Placeholder<TInt64> shape;
    private final Placeholder<TFloat32> labels;
    private final Placeholder<TFloat32> mask;
    private final Placeholder<TFloat32> lrT;
    private final Placeholder<TFloat32> learningRate;
    private final Placeholder<TFloat32> beta1Power;
    private final Placeholder<TFloat32> beta2Power;
    private final Operand<TFloat32> loss;
    private final List<Op> updates = new ArrayList<>();

    // evaluation feeds (whole width, no dropout)
    private final Placeholder<TInt64> evalIndices;
    private final Placeholder<TFloat32> evalValues;
    private final Placeholder<TInt64> evalShape;
    private final Operand<TFloat32> evalProbabilities;

    // weight averaging (null when off)
    private final boolean averaging;
    private final Placeholder<TFloat32> averageHorizon; // N, in steps
    private final Placeholder<TInt64> catchUpFirst;
    private final Placeholder<TInt64> catchUpCount;
    private final List<Op> catchUp = new ArrayList<>();

    public TrainingGraph(int inputSize, int hidden, int outputs) {
        this(inputSize, hidden, outputs, 0);
    }

    /**
     * @param threads TensorFlow's threads for one operation; 0 for its default (every core). Replicas that train
     *     side by side in one machine take a share each, so that they do not fight over the cores.
     */
    public TrainingGraph(int inputSize, int hidden, int outputs, int threads) {
        this(inputSize, hidden, outputs, threads, null);
    }

    /**
     * @param positiveWeights per label, the weight of a positive example in the loss (a negative one weighs 1);
     *     null: every entry weighs 1 (the plain mean binary cross-entropy)
     */
    public TrainingGraph(int inputSize, int hidden, int outputs, int threads, float[] positiveWeights) {
        this(inputSize, hidden, outputs, threads, positiveWeights, false);
    }

    /**
     * @param averaging whether the graph keeps a moving average of the weights along the steps and predicts
     *     with it ({@link #AVERAGE_NAMES} come after the Adam moments among the variables)
     */
    public TrainingGraph(int inputSize, int hidden, int outputs, int threads, float[] positiveWeights,
            boolean averaging) {
        this(inputSize, hidden, outputs, threads, positiveWeights, averaging, 0f);
    }

    /**
     * @param weightDecay decoupled weight decay of the first layer (AdamW's, lazy like its Adam update): a row a
     *     step touches also shrinks by {@code learningRate x weightDecay} of itself; 0 turns it off
     */
    public TrainingGraph(int inputSize, int hidden, int outputs, int threads, float[] positiveWeights,
            boolean averaging, float weightDecay) {
        this(inputSize, hidden, outputs, threads, positiveWeights, averaging, weightDecay, 1);
    }

    /**
     * @param subnetworks independent sub-networks of {@code hidden / subnetworks} units each: sub-network k's
     *     logits are {@code subnetworks x h_k·W2_k + b2}, from its own units {@code h_k} and their rows
     *     {@code W2_k} of the second layer, and the loss is the mean of the sub-networks' losses, so each learns to
     *     predict alone; their mean, the logits the model scores with, is {@code h·W2 + b2}: the ensemble is a
     *     network of {@code hidden} units as it stands. 1 is one network.
     */
    public TrainingGraph(int inputSize, int hidden, int outputs, int threads, float[] positiveWeights,
            boolean averaging, float weightDecay, int subnetworks) {
        SparseMatMulGradient.register();
        if (subnetworks < 1 || hidden % subnetworks != 0) {
            throw new IllegalArgumentException(subnetworks + " sub-networks do not divide " + hidden + " hidden units");
        }
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            throw new IllegalArgumentException("weight decay must be in [0, 1), got " + weightDecay);
        }
        if (positiveWeights != null && positiveWeights.length != outputs) {
            throw new IllegalArgumentException(positiveWeights.length + " positive weights for " + outputs + " labels");
        }
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.outputs = outputs;
        this.subnetworks = subnetworks;
        Ops tf = Ops.create(graph);

        Variable<TFloat32> w1 = variable(tf, "w1", inputSize, hidden);
        Variable<TFloat32> b1 = variable(tf, "b1", hidden);
        Variable<TFloat32> w2 = variable(tf, "w2", hidden, outputs);
        Variable<TFloat32> b2 = variable(tf, "b2", outputs);
        Variable<TFloat32> mW1 = variable(tf, "w1_m", inputSize, hidden);
        Variable<TFloat32> vW1 = variable(tf, "w1_v", inputSize, hidden);
        Variable<TFloat32> mB1 = variable(tf, "b1_m", hidden);
        Variable<TFloat32> vB1 = variable(tf, "b1_v", hidden);
        Variable<TFloat32> mW2 = variable(tf, "w2_m", hidden, outputs);
        Variable<TFloat32> vW2 = variable(tf, "w2_v", hidden, outputs);
        Variable<TFloat32> mB2 = variable(tf, "b2_m", outputs);
        Variable<TFloat32> vB2 = variable(tf, "b2_v", outputs);
        this.averaging = averaging;
        Variable<TFloat32> aW1 = averaging ? variable(tf, "w1_avg", inputSize, hidden) : null;
        Variable<TFloat32> aB1 = averaging ? variable(tf, "b1_avg", hidden) : null;
        Variable<TFloat32> aW2 = averaging ? variable(tf, "w2_avg", hidden, outputs) : null;
        Variable<TFloat32> aB2 = averaging ? variable(tf, "b2_avg", outputs) : null;
        // the step each row of w1_avg was last brought up to date at, and the step count of the average
        Variable<TFloat32> aRowStep = averaging ? variable(tf, "w1_avg_step", inputSize) : null;
        Variable<TFloat32> aStep = averaging ? variable(tf, "avg_step", 1) : null;

        columns = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        indices = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(-1, 2)));
        values = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
        shape = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
        labels = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, outputs)));
        mask = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, hidden)));
        lrT = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        learningRate = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta1Power = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta2Power = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));

        // Forward pass on the touched rows of W1 only.
        Operand<TFloat32> w1Rows = tf.gather(w1, columns, tf.constant(0));
        Operand<TFloat32> z1 = tf.nn.biasAdd(tf.sparse.sparseTensorDenseMatMul(indices, values, shape, w1Rows), b1);
        Operand<TFloat32> h = tf.math.mul(tf.nn.relu(z1), mask);
        Operand<TFloat32> trainedLabels = labels;
        Operand<TFloat32> logits;
        if (subnetworks == 1) {
            logits = tf.nn.biasAdd(tf.linalg.matMul(h, w2), b2);
        } else {
            // Row k * n + i: example i as sub-network k sees it, its other units zeroed and its own scaled by the
            // number of sub-networks (so their mean is h·W2); one product gives every sub-network's logits, and
            // the labels repeat per sub-network.
            float[][][] blockMask = new float[subnetworks][1][hidden];
            int width = hidden / subnetworks;
            for (int k = 0; k < subnetworks; k++) {
                java.util.Arrays.fill(blockMask[k][0], k * width, (k + 1) * width, subnetworks);
            }
            Operand<TFloat32> perSubnetwork = tf.reshape(tf.math.mul(tf.expandDims(h, tf.constant(0)),
                    tf.constant(blockMask)), tf.constant(new long[] {-1, hidden}));
            logits = tf.nn.biasAdd(tf.linalg.matMul(perSubnetwork, w2), b2);
            trainedLabels = tf.tile(labels, tf.constant(new int[] {subnetworks, 1}));
        }

        // Mean binary cross-entropy per example, summed over labels; numerically stable form. With positive
        // weights w, an entry weighs 1 + (w - 1) * y: w where the label applies, 1 elsewhere.
        Operand<TFloat32> perEntry = tf.math.add(
                tf.math.sub(tf.nn.relu(logits), tf.math.mul(logits, trainedLabels)),
                tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(logits)))));
        Operand<TFloat32> entryWeights = null;
        if (positiveWeights != null) {
            float[] extra = new float[outputs];
            for (int j = 0; j < outputs; j++) extra[j] = positiveWeights[j] - 1f;
            entryWeights = tf.math.add(tf.constant(1f), tf.math.mul(trainedLabels, tf.constant(extra)));
            perEntry = tf.math.mul(perEntry, entryWeights);
        }
        Operand<TFloat32> batchSize = tf.dtypes.cast(
                tf.gather(tf.shape(trainedLabels), tf.constant(0), tf.constant(0)), TFloat32.class);
        Operand<TFloat32> lossSum = tf.sum(perEntry, tf.constant(new int[] {0, 1}));
        loss = tf.math.div(lossSum, batchSize);
        Operand<TFloat32> residual = tf.math.sub(tf.math.sigmoid(logits), trainedLabels);
        if (entryWeights != null) residual = tf.math.mul(residual, entryWeights);
        Operand<TFloat32> dLogits = tf.math.div(residual, batchSize);

        var grads = tf.gradients(List.of(logits), List.of(w1Rows, b1, w2, b2),
                org.tensorflow.op.core.Gradients.dx(List.of(dLogits)));
        @SuppressWarnings("unchecked") Operand<TFloat32> gW1 = (Operand<TFloat32>) (Operand<?>) grads.dy(0);
        @SuppressWarnings("unchecked") Operand<TFloat32> gB1 = (Operand<TFloat32>) (Operand<?>) grads.dy(1);
        @SuppressWarnings("unchecked") Operand<TFloat32> gW2 = (Operand<TFloat32>) (Operand<?>) grads.dy(2);
        @SuppressWarnings("unchecked") Operand<TFloat32> gB2 = (Operand<TFloat32>) (Operand<?>) grads.dy(3);

        // Updates wait for every gradient: the backward pass reads w2, which ApplyAdam changes in place.
        List<Op> gradientOps = List.of(gW1, gB1, gW2, gB2).stream().map(g -> (Op) tf.identity(g)).toList();
        Ops after = tf.withControlDependencies(gradientOps);

        // Lazy Adam on the touched rows of W1.
        Operand<TFloat32> m = tf.math.add(
                tf.math.mul(tf.constant(BETA1), tf.gather(mW1, columns, tf.constant(0))),
                tf.math.mul(tf.constant(1 - BETA1), gW1));
        Operand<TFloat32> v = tf.math.add(
                tf.math.mul(tf.constant(BETA2), tf.gather(vW1, columns, tf.constant(0))),
                tf.math.mul(tf.constant(1 - BETA2), tf.math.square(gW1)));
        Operand<TFloat32> newRows = tf.math.sub(w1Rows,
                tf.math.div(tf.math.mul(lrT, m), tf.math.add(tf.math.sqrt(v), tf.constant(EPSILON))));
        if (weightDecay != 0f) {
            newRows = tf.math.sub(newRows, tf.math.mul(tf.math.mul(learningRate, tf.constant(weightDecay)), w1Rows));
        }
        updates.add(after.scatterUpdate(mW1, columns, m));
        updates.add(after.scatterUpdate(vW1, columns, v));
        updates.add(after.scatterUpdate(w1, columns, newRows));
        // Dense Adam on the small parameters.
        Operand<TFloat32> newB1 = adam(after, b1, mB1, vB1, gB1);
        // A sub-network's second layer is subnetworks x its rows of w2: steps of learningRate / subnetworks in w2
        // are Adam's steps of learningRate in it, as a network of its own would take.
        Operand<TFloat32> newW2 = adam(after, w2, mW2, vW2, gW2, subnetworks == 1 ? learningRate
                : after.math.div(learningRate, after.constant((float) subnetworks)));
        Operand<TFloat32> newB2 = adam(after, b2, mB2, vB2, gB2);
        updates.add((Op) newB1);
        updates.add((Op) newW2);
        updates.add((Op) newB2);

        if (averaging) {
            averageHorizon = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            Operand<TFloat32> t = tf.assignAdd(aStep, tf.constant(new float[] {1f})); // this step, shape [1]
            Operand<TFloat32> one = tf.constant(1f);
            Operand<TFloat32> decay = tf.math.minimum(
                    tf.math.sub(one, tf.math.div(one, averageHorizon)), tf.math.sub(one, tf.math.div(one, t)));
            // Touched rows: bring the average up to the previous step (the row's weights were w1Rows since its
            // last update), then take this step's new weights in.
            Operand<TFloat32> rowSteps = tf.gather(aRowStep, columns, tf.constant(0));
            Operand<TFloat32> skipped = tf.expandDims(
                    decayProduct(tf, rowSteps, tf.math.sub(t, one), averageHorizon), tf.constant(1));
            Operand<TFloat32> caught = tf.math.add(w1Rows,
                    tf.math.mul(skipped, tf.math.sub(tf.gather(aW1, columns, tf.constant(0)), w1Rows)));
            updates.add(tf.scatterUpdate(aW1, columns, blend(tf, decay, caught, newRows)));
            updates.add(tf.scatterUpdate(aRowStep, columns, tf.fill(tf.shape(rowSteps), tf.squeeze(t))));
            updates.add(tf.assign(aB1, blend(tf, decay, aB1, newB1)));
            updates.add(tf.assign(aW2, blend(tf, decay, aW2, newW2)));
            updates.add(tf.assign(aB2, blend(tf, decay, aB2, newB2)));

            // Catching up rows [first, first + count) of w1_avg to the current step.
            catchUpFirst = tf.placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
            catchUpCount = tf.placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
            Operand<TInt64> range = tf.range(catchUpFirst, tf.math.add(catchUpFirst, catchUpCount), tf.constant(1L));
            Operand<TFloat32> now = tf.identity(aStep);
            Operand<TFloat32> since = tf.gather(aRowStep, range, tf.constant(0));
            Operand<TFloat32> weights = tf.gather(w1, range, tf.constant(0));
            Operand<TFloat32> factor = tf.expandDims(decayProduct(tf, since, now, averageHorizon), tf.constant(1));
            Operand<TFloat32> caughtUp = tf.math.add(weights,
                    tf.math.mul(factor, tf.math.sub(tf.gather(aW1, range, tf.constant(0)), weights)));
            Op rows = tf.scatterUpdate(aW1, range, caughtUp);
            catchUp.add(rows);
            catchUp.add(tf.withControlDependencies(List.of(rows))
                    .scatterUpdate(aRowStep, range, tf.fill(tf.shape(since), tf.squeeze(now))));
        } else {
            averageHorizon = null;
            catchUpFirst = null;
            catchUpCount = null;
        }

        evalIndices = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(-1, 2)));
        evalValues = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
        evalShape = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
        Operand<TFloat32> evalHidden = tf.nn.relu(tf.nn.biasAdd(tf.sparse.sparseTensorDenseMatMul(
                evalIndices, evalValues, evalShape, averaging ? aW1 : w1), averaging ? aB1 : b1));
        evalProbabilities = tf.math.sigmoid(tf.nn.biasAdd(
                tf.linalg.matMul(evalHidden, averaging ? aW2 : w2), averaging ? aB2 : b2));

        blocks = new VariableBlocks(tf, variables);
        session = threads <= 0 ? new Session(graph) : new Session(graph,
                org.tensorflow.proto.ConfigProto.newBuilder()
                        .setIntraOpParallelismThreads(threads)
                        .setInterOpParallelismThreads(threads)
                        .build());
    }

    /** {@code decay * average + (1 - decay) * weights}. */
    private static Operand<TFloat32> blend(Ops tf, Operand<TFloat32> decay, Operand<TFloat32> average,
            Operand<TFloat32> weights) {
        return tf.math.add(tf.math.mul(decay, average), tf.math.mul(tf.math.sub(tf.constant(1f), decay), weights));
    }

    /**
     * The product of the averaging decays {@code d_s} of the steps {@code s} in {@code (from, to]}, elementwise
     * ({@code from <= to}): with {@code n = floor(N)}, {@code d_s = 1 - 1/s} for {@code s <= n}, whose product
     * telescopes to {@code min(from, n) / min(to, n)}, and {@code 1 - 1/N} for later steps. An empty product is 1.
     */
    static Operand<TFloat32> decayProduct(Ops tf, Operand<TFloat32> from, Operand<TFloat32> to,
            Operand<TFloat32> horizon) {
        Operand<TFloat32> n = tf.math.floor(horizon);
        Operand<TFloat32> a = tf.math.minimum(from, n);
        Operand<TFloat32> b = tf.math.minimum(to, n);
        Operand<TFloat32> equalWeights = tf.math.sub(tf.constant(1f), tf.math.divNoNan(tf.math.sub(b, a), b));
        Operand<TFloat32> later = tf.math.pow(tf.math.sub(tf.constant(1f), tf.math.div(tf.constant(1f), horizon)),
                tf.math.sub(tf.math.maximum(to, n), tf.math.maximum(from, n)));
        return tf.math.mul(equalWeights, later);
    }

    private Operand<TFloat32> adam(Ops tf, Variable<TFloat32> var, Variable<TFloat32> m, Variable<TFloat32> v,
            Operand<TFloat32> grad) {
        return adam(tf, var, m, v, grad, learningRate);
    }

    private Operand<TFloat32> adam(Ops tf, Variable<TFloat32> var, Variable<TFloat32> m, Variable<TFloat32> v,
            Operand<TFloat32> grad, Operand<TFloat32> rate) {
        return tf.train.applyAdam(var, m, v, beta1Power, beta2Power, rate,
                tf.constant(BETA1), tf.constant(BETA2), tf.constant(EPSILON), grad);
    }

    private Variable<TFloat32> variable(Ops tf, String name, long... dims) {
        Variable<TFloat32> var = tf.withName(name).variable(Shape.of(dims), TFloat32.class);
        Placeholder<TFloat32> value = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(dims)));
        variables.add(var);
        setters.add(value);
        assigns.add(tf.assign(var, value));
        return var;
    }

    /** Names of the variables in {@link #exportVariables()} order: the network weights, then the Adam moments. */
    public static final List<String> VARIABLE_NAMES = List.of(
            "w1", "b1", "w2", "b2", "w1_m", "w1_v", "b1_m", "b1_v", "w2_m", "w2_v", "b2_m", "b2_v");

    /**
     * Names of the variables weight averaging adds after {@link #VARIABLE_NAMES}: the averages of w1, b1, w2 and
     * b2, the step each row of the first layer's average was last brought up to date at, and the step count.
     */
    public static final List<String> AVERAGE_NAMES = List.of(
            "w1_avg", "b1_avg", "w2_avg", "b2_avg", "w1_avg_step", "avg_step");

    /** Index among the variables of the first of the weights {@link #predict} uses: w1, b1, w2, b2 from there. */
    public int modelVariables() {
        return averaging ? VARIABLE_NAMES.size() : 0;
    }

    /** Whether the graph keeps a moving average of the weights (and predicts with it). */
    public boolean averaging() {
        return averaging;
    }

    /** Names of this graph's variables in order: {@link #VARIABLE_NAMES}, then {@link #AVERAGE_NAMES} if averaging. */
    public List<String> variableNames() {
        if (!averaging) return VARIABLE_NAMES;
        List<String> names = new ArrayList<>(VARIABLE_NAMES);
        names.addAll(AVERAGE_NAMES);
        return List.copyOf(names);
    }

    /**
     * Brings every row of the first layer's average up to the last step, in blocks of rows (the memory of a block,
     * not of the layer); the averages then hold what a dense update at every step would have given.
     *
     * @param horizonSteps N, as given to the steps since the averaging started
     */
    public void catchUpAverage(float horizonSteps) {
        if (!averaging) throw new IllegalStateException("the graph does not average its weights");
        int block = Math.max(1, dev.categorizer.model.tensor.TensorFile.BLOCK_BYTES / (4 * hidden));
        for (long first = 0; first < inputSize; first += block) {
            long n = Math.min(block, inputSize - first);
            try (TInt64 f = TInt64.scalarOf(first); TInt64 c = TInt64.scalarOf(n);
                    TFloat32 horizon = TFloat32.scalarOf(horizonSteps)) {
                Session.Runner runner = session.runner().feed(catchUpFirst, f).feed(catchUpCount, c)
                        .feed(averageHorizon, horizon);
                catchUp.forEach(runner::addTarget);
                runner.run().close();
            }
        }
    }

    /** Sets every variable to zero, inside TensorFlow (no Java array of the variables' size). */
    public void zeroVariables() {
        for (int i = 0; i < variables.size(); i++) blocks.zero(session, i);
    }

    /** Sets rows {@code [firstRow, firstRow + rows)} of a variable from row-major values. */
    public void writeRows(int variable, long firstRow, float[] values, int rows) {
        blocks.writeRows(session, variable, firstRow, values, rows);
    }

    /** The rows at {@code rows} of a variable, row-major. */
    public float[] gatherRows(int variable, int[] rows) {
        return blocks.gather(session, variable, rows);
    }

    /** Sets the rows at {@code rows} (distinct) of a variable from row-major values. */
    public void scatterRows(int variable, int[] rows, float[] values) {
        blocks.scatter(session, variable, rows, values);
    }

    /** A whole small variable (a bias, the second layer) as one array. */
    public float[] readSmall(int variable) {
        long rows = blocks.shape(variable)[0];
        return blocks.readRows(session, variable, 0, Math.toIntExact(rows));
    }

    /** Writes a variable as a tensor file, block by block, and closes {@code out}; returns its CRC-32C. */
    public long saveVariable(int variable, java.io.OutputStream out) throws java.io.IOException {
        return blocks.save(session, variable, out);
    }

    /** Reads a variable from a tensor file, checking shape and checksum; closes {@code in}; returns its CRC-32C. */
    public long loadVariable(int variable, java.io.InputStream in, String source) throws java.io.IOException {
        return blocks.load(session, variable, in, source);
    }

    /** Number of variables: the four network weights, two Adam moments for each, then the averages if any. */
    public int variableCount() {
        return variables.size();
    }

    /** Shapes of the variables in {@link #exportVariables()} order. */
    public long[][] variableShapes() {
        long[][] shapes = new long[variables.size()][];
        for (int i = 0; i < shapes.length; i++) shapes[i] = variables.get(i).shape().asArray();
        return shapes;
    }

    /** Sets every variable from arrays in {@link #exportVariables()} order, row-major: small graphs only (tests). */
    public void importVariables(float[][] arrays) {
        if (arrays.length != variables.size()) {
            throw new IllegalArgumentException("expected " + variables.size() + " arrays, got " + arrays.length);
        }
        long[][] shapes = variableShapes();
        Session.Runner runner = session.runner();
        List<Tensor> feeds = new ArrayList<>();
        try {
            for (int i = 0; i < arrays.length; i++) {
                TFloat32 t = Tensors.floats(arrays[i], shapes[i]);
                feeds.add(t);
                runner.feed(setters.get(i), t).addTarget(assigns.get(i));
            }
            runner.run().close();
        } finally {
            feeds.forEach(Tensor::close);
        }
    }

    /** Every variable's values: w1, b1, w2, b2, then the Adam moments m and v of each. Small graphs only (tests). */
    public float[][] exportVariables() {
        return fetch(variables.size());
    }

    private float[][] fetch(int count) {
        Session.Runner runner = session.runner();
        for (int i = 0; i < count; i++) runner.fetch(variables.get(i));
        try (Result result = runner.run()) {
            float[][] out = new float[count][];
            for (int i = 0; i < count; i++) out[i] = Tensors.toArray((TFloat32) result.get(i));
            return out;
        }
    }

    /**
     * One Adam step on a compact batch.
     *
     * @param dropoutMask rows x hidden, 0 for dropped units and 1/(1-rate) for kept ones
     * @param labelMatrix rows x outputs, 1 where the label applies
     * @param step 1-based Adam step, for bias correction
     * @return the batch's mean loss before the update
     */
    public float trainStep(SparseBatch batch, float[] dropoutMask, float[] labelMatrix, float rate, long step) {
        if (averaging) throw new IllegalStateException("an averaging graph needs the horizon of its average");
        return trainStep(batch, dropoutMask, labelMatrix, rate, step, Float.NaN);
    }

    /**
     * One Adam step, as {@link #trainStep(SparseBatch, float[], float[], float, long)}, that also moves the weights'
     * average with a horizon of {@code averageHorizonSteps} (N; at least 1) when the graph averages.
     */
    public float trainStep(SparseBatch batch, float[] dropoutMask, float[] labelMatrix, float rate, long step,
            float averageHorizonSteps) {
        if (averaging && !(averageHorizonSteps >= 1)) {
            throw new IllegalArgumentException("the average's horizon must be at least 1 step, got " + averageHorizonSteps);
        }
        if (batch.columns == null) throw new IllegalArgumentException("training needs a compact batch");
        float b1p = (float) Math.pow(BETA1, step);
        float b2p = (float) Math.pow(BETA2, step);
        float corrected = (float) (rate * Math.sqrt(1 - b2p) / (1 - b1p));
        try (TInt32 cols = Tensors.ints(batch.columns, batch.columns.length);
                TInt64 idx = Tensors.longs(batch.indices, batch.nonZeros(), 2);
                TFloat32 val = Tensors.floats(batch.values, batch.nonZeros());
                TInt64 shp = Tensors.longs(new long[] {batch.rows, batch.width}, 2);
                TFloat32 y = Tensors.floats(labelMatrix, batch.rows, outputs);
                TFloat32 msk = Tensors.floats(dropoutMask, batch.rows, hidden);
                TFloat32 lrt = TFloat32.scalarOf(corrected);
                TFloat32 lr = TFloat32.scalarOf(rate);
                TFloat32 p1 = TFloat32.scalarOf(b1p);
                TFloat32 p2 = TFloat32.scalarOf(b2p);
                TFloat32 horizon = TFloat32.scalarOf(averaging ? averageHorizonSteps : 1f)) {
            Session.Runner runner = session.runner()
                    .feed(columns, cols).feed(indices, idx).feed(values, val).feed(shape, shp)
                    .feed(labels, y).feed(mask, msk).feed(lrT, lrt).feed(learningRate, lr)
                    .feed(beta1Power, p1).feed(beta2Power, p2)
                    .fetch(loss);
            if (averaging) runner.feed(averageHorizon, horizon);
            updates.forEach(runner::addTarget);
            try (Result result = runner.run()) {
                return ((TFloat32) result.get(0)).getFloat();
            }
        }
    }

    /**
     * Probabilities for a batch over the whole input width, without dropout; with averaging, those of the averaged
     * weights (after {@link #catchUpAverage}).
     */
    public float[][] predict(SparseBatch batch) {
        try (TInt64 idx = Tensors.longs(batch.indices, batch.nonZeros(), 2);
                TFloat32 val = Tensors.floats(batch.values, batch.nonZeros());
                TInt64 shp = Tensors.longs(new long[] {batch.rows, inputSize}, 2);
                Result result = session.runner()
                        .feed(evalIndices, idx).feed(evalValues, val).feed(evalShape, shp)
                        .fetch(evalProbabilities).run()) {
            return Tensors.toMatrix((TFloat32) result.get(0));
        }
    }

    public int inputSize() { return inputSize; }
    public int hidden() { return hidden; }
    public int outputs() { return outputs; }
    /** Sub-networks the hidden units are split into (1: one network). */
    public int subnetworks() { return subnetworks; }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
