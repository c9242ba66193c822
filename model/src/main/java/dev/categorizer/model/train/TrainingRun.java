package dev.categorizer.model.train;

import dev.categorizer.common.metrics.ThresholdTuning;
import dev.categorizer.common.record.SparseVector;
import dev.categorizer.model.examples.ExampleOrder;
import dev.categorizer.model.examples.Example;
import dev.categorizer.model.examples.ExampleSet;
import dev.categorizer.model.graph.SparseBatch;
import dev.categorizer.model.graph.TrainingGraph;
import dev.categorizer.model.tensor.MemoryTensorStore;
import dev.categorizer.model.tensor.TensorStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A training run that advances one mini-batch at a time, so that a caller (such as a Flink source) can take a
 * {@link #checkpoint()} between any two steps and a later run can {@link #resume} from it with the same result.
 *
 * <p>Each epoch visits the training examples in an order drawn from the seed and the epoch number
 * ({@link ExampleOrder}: shuffled in windows, read block by block); dropout masks are drawn from the seed and the
 * step number. At the end of each epoch the run scores the validation set; it writes the weights with the best
 * validation micro-F1 to its {@link TensorStore} and stops after {@link HyperParameters#patience()} epochs without
 * improvement. {@link #finish()} tunes one decision threshold per label on validation.
 *
 * <p>Memory: the weights and optimizer slots live in TensorFlow; checkpoints and the best weights go to the store
 * as tensor files, block by block, so no Java array ever holds a whole variable, and the examples are read a
 * window at a time.
 *
 * <pre>{@code
 * try (TrainingRun run = TrainingRun.start(data, HyperParameters.defaults(), new LocalTensorStore(dir))) {
 *     while (!run.isDone()) {
 *         TrainingProgress p = run.step();
 *         if (p.epochEnded()) System.out.println(p.describe());
 *     }
 *     TrainedModel model = run.finish();
 * }
 * }</pre>
 */
public final class TrainingRun implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
    static final float[] THRESHOLD_CANDIDATES = candidates();
    /** Labels with fewer validation positives than this use the global threshold: their own would be noise. */
    static final int MIN_POSITIVES_FOR_OWN_THRESHOLD = 3;
    private static final int WEIGHTS = 4; // w1, b1, w2, b2: the first variables of the graph

    private final TrainingData data;
    private final HyperParameters hp;
    private final TensorStore store;
    private final TrainingGraph graph;
    private final ValidationSet validation;
    private final DropoutMasks dropout;
    private ExampleSet fitting; // what the current phase trains on
    private int epochs; // epochs of the current phase, at most

    private int epoch;
    private int step;
    private long globalStep;
    private double lossSum;
    private int epochsWithoutImprovement;
    private double bestMicroF1 = -1;
    private int bestEpoch;
    private long elapsedBefore;
    private final long startedAt = System.currentTimeMillis();
    private boolean done;
    private String best; // store level of the best weights so far, or null
    private long[] bestChecksums;
    private ExampleOrder order;
    /** Set once the first phase is over and a refit phase trains on training and validation examples. */
    private TunedThresholds tuned;

    private TrainingRun(TrainingData data, HyperParameters hp, TensorStore store) {
        this.data = data;
        this.hp = hp;
        this.store = store;
        this.graph = new TrainingGraph(data.inputSize(), hp.hidden(), data.labels().size());
        this.validation = new ValidationSet(data.validation(), data.labels().size());
        this.dropout = new DropoutMasks(hp.dropout(), hp.seed());
        this.fitting = data.train();
        this.epochs = hp.epochs();
    }

    private boolean refitting() {
        return tuned != null;
    }

    private int stepsPerEpoch() {
        return Math.toIntExact((fitting.size() + hp.batchSize() - 1) / hp.batchSize());
    }

    /** Starts a run from freshly initialised weights, keeping its files in memory: small models only (tests). */
    public static TrainingRun start(TrainingData data, HyperParameters hp) {
        return start(data, hp, new MemoryTensorStore());
    }

    /** Starts a run from freshly initialised weights; checkpoints and best weights go to {@code store}. */
    public static TrainingRun start(TrainingData data, HyperParameters hp, TensorStore store) {
        TrainingRun run = new TrainingRun(data, hp, store);
        WeightInitializer.initialise(run.graph, hp.seed());
        run.order = run.epochOrder(0);
        return run;
    }

    /**
     * Resumes a run from a checkpoint taken by a run on the same data and settings, reading its tensors from
     * {@code store} and checking them against the checksums the checkpoint holds.
     */
    public static TrainingRun resume(TrainingData data, HyperParameters hp, TrainingCheckpoint checkpoint,
            TensorStore store) {
        TrainingRun run = new TrainingRun(data, hp, store);
        try {
            run.load(checkpoint.variables, TrainingGraph.VARIABLE_NAMES.size(), checkpoint.variableChecksums);
        } catch (IOException | RuntimeException e) {
            run.close();
            throw new UncheckedIOException("cannot resume training from " + store.describe(checkpoint.variables)
                    + ": " + e.getMessage(), e instanceof IOException io ? io : new IOException(e));
        }
        run.epoch = checkpoint.epoch;
        run.step = checkpoint.step;
        run.globalStep = checkpoint.globalStep;
        run.lossSum = checkpoint.lossSum;
        run.epochsWithoutImprovement = checkpoint.epochsWithoutImprovement;
        run.bestMicroF1 = checkpoint.bestMicroF1;
        run.bestEpoch = checkpoint.bestEpoch;
        run.elapsedBefore = checkpoint.elapsedMillis;
        run.done = checkpoint.done;
        run.best = checkpoint.best;
        run.bestChecksums = checkpoint.bestChecksums;
        if (checkpoint.tuned != null) run.enterRefit(checkpoint.tuned);
        run.order = run.epochOrder(run.epoch);
        run.order.skip((long) run.step * hp.batchSize());
        LOG.info("resumed training at epoch {} step {} (global step {})", run.epoch + 1, run.step, run.globalStep);
        return run;
    }

    /** Trains to the end, reporting each step; files are kept in memory (small models, tests). */
    public static TrainedModel trainToEnd(TrainingData data, HyperParameters hp, Consumer<TrainingProgress> progress) {
        try (TrainingRun run = start(data, hp)) {
            while (!run.isDone()) {
                progress.accept(run.step());
            }
            return run.finish();
        }
    }

    /** Whether the last epoch has run or early stopping has ended training. */
    public boolean isDone() {
        return done;
    }

    /** Steps since the start of training, across epochs and restarts. */
    public long globalStep() {
        return globalStep;
    }

    /** Runs one mini-batch; at the end of an epoch also evaluates on validation. */
    public TrainingProgress step() {
        if (done) throw new IllegalStateException("training is done");
        List<Example> examples = order.next(hp.batchSize());
        List<SparseVector> rows = new ArrayList<>(examples.size());
        int labels = data.labels().size();
        float[] y = new float[examples.size() * labels];
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            rows.add(e.features());
            for (int l : e.labels()) y[i * labels + l] = 1f;
        }
        globalStep++;
        float[] mask = dropout.mask(globalStep, rows.size(), hp.hidden());
        float loss = graph.trainStep(SparseBatch.compact(rows), mask, y, hp.learningRate(), globalStep);
        lossSum += loss;
        step++;
        int stepsPerEpoch = stepsPerEpoch();
        boolean epochEnded = step == stepsPerEpoch;
        double validationF1 = Double.NaN;
        double meanLoss = lossSum / step;
        int epochNumber = epoch + 1;
        int stepNumber = step;
        boolean refit = refitting();
        long stepsLeft = (long) (epochs - epoch) * stepsPerEpoch - step;
        if (epochEnded) {
            validationF1 = refit ? Double.NaN : endEpoch();
            if (refit) endRefitEpoch();
        }
        long elapsed = elapsedMillis();
        long remaining = done ? 0 : elapsed * Math.max(0, stepsLeft) / Math.max(1, globalStep);
        return new TrainingProgress(epochNumber, stepNumber, stepsPerEpoch, meanLoss, validationF1, epochEnded,
                elapsed, remaining, refit);
    }

    private double endEpoch() {
        float[][] scores = validation.score(graph);
        float threshold = ThresholdTuning.globalThreshold(scores, validation.truth(), THRESHOLD_CANDIDATES);
        float[] thresholds = new float[data.labels().size()];
        java.util.Arrays.fill(thresholds, threshold);
        double f1 = ValidationSet.microF1(scores, validation.truth(), thresholds);
        if (f1 > bestMicroF1) {
            bestMicroF1 = f1;
            bestEpoch = epoch + 1;
            // Immutable files under a new name: a checkpoint may still refer to the previous best.
            String name = "best-" + globalStep;
            bestChecksums = save(name, WEIGHTS);
            best = name;
            epochsWithoutImprovement = 0;
        } else {
            epochsWithoutImprovement++;
        }
        epoch++;
        step = 0;
        lossSum = 0;
        if (epoch >= hp.epochs() || epochsWithoutImprovement >= hp.patience()) {
            if (hp.refit() && data.validationHeldOut()) {
                enterRefit(tuneOnBest());
                WeightInitializer.initialise(graph, hp.seed());
                epoch = 0;
                order = epochOrder(0);
                LOG.info("refitting on {} training and validation examples for {} epochs", fitting.size(), epochs);
            } else {
                done = true;
            }
        } else {
            order = epochOrder(epoch);
        }
        return f1;
    }

    /** Switches to the refit phase: all labelled examples, as many epochs as the best first-phase model had. */
    private void enterRefit(TunedThresholds thresholds) {
        tuned = thresholds;
        fitting = ExampleSet.concat(data.train(), data.validation());
        epochs = Math.max(1, bestEpoch);
    }

    private void endRefitEpoch() {
        epoch++;
        step = 0;
        lossSum = 0;
        if (epoch >= epochs) {
            done = true;
        } else {
            order = epochOrder(epoch);
        }
    }

    private long elapsedMillis() {
        return elapsedBefore + System.currentTimeMillis() - startedAt;
    }

    private ExampleOrder epochOrder(int epochIndex) {
        return ExampleOrder.shuffled(fitting, hp.seed() * 1_000_003L + epochIndex + (refitting() ? 7919 : 0));
    }

    /** Writes the first {@code count} variables under {@code level}; returns their checksums. */
    private long[] save(String level, int count) {
        long[] sums = new long[count];
        try {
            for (int i = 0; i < count; i++) {
                try (OutputStream out = store.create(level + "/" + TrainingGraph.VARIABLE_NAMES.get(i))) {
                    sums[i] = graph.saveVariable(i, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write training state to " + store.describe(level) + ": "
                    + e.getMessage(), e);
        }
        return sums;
    }

    /** Reads the first {@code count} variables from {@code level}, checking them against {@code expected}. */
    private void load(String level, int count, long[] expected) throws IOException {
        if (expected.length != count) {
            throw new IOException(store.describe(level) + ": " + expected.length + " tensors, expected " + count);
        }
        for (int i = 0; i < count; i++) {
            String name = level + "/" + TrainingGraph.VARIABLE_NAMES.get(i);
            InputStream in = store.open(name);
            long sum = graph.loadVariable(i, in, store.describe(name));
            if (sum != expected[i]) {
                throw new IOException(store.describe(name) + ": not the file this checkpoint wrote (checksum "
                        + Long.toHexString(sum) + ", expected " + Long.toHexString(expected[i]) + ")");
            }
        }
    }

    /**
     * The full state of the run, to resume from: writes every variable under {@code level} in the store, block by
     * block, and returns the (small) checkpoint that refers to those files and to the best weights.
     */
    public TrainingCheckpoint checkpoint(String level) {
        long[] sums = save(level, TrainingGraph.VARIABLE_NAMES.size());
        boolean keepBest = !refitting() && best != null;
        return new TrainingCheckpoint(epoch, step, globalStep, lossSum, epochsWithoutImprovement, bestMicroF1,
                bestEpoch, elapsedMillis(), done, level, sums, keepBest ? best : null, keepBest ? bestChecksums : null,
                tuned);
    }

    /** The store level of the best weights so far (immutable files), or null before the first epoch ends. */
    public String bestLocation() {
        return best;
    }

    /** The store that holds this run's checkpoints and weights. */
    public TensorStore store() {
        return store;
    }

    /** {@link #finish(String)} with the final weights under {@code model} in the store. */
    public TrainedModel finish() {
        return finish("model");
    }

    /**
     * The trained model: the refit weights with the thresholds tuned in the first phase, or, without a refit, the
     * best weights seen on validation with thresholds tuned on validation. The weights stay in the store: after a
     * refit they are written under {@code level}; otherwise the model refers to the best weights' files.
     */
    public TrainedModel finish(String level) {
        TunedThresholds result;
        String weights;
        if (refitting()) {
            result = tuned;
            save(level, WEIGHTS);
            weights = level;
        } else {
            result = tuneOnBest();
            if (best == null) save(level, WEIGHTS);
            weights = best != null ? best : level;
        }
        Map<String, Double> metrics = new LinkedHashMap<>(result.metrics());
        metrics.put("training_seconds", elapsedMillis() / 1000.0);
        if (refitting()) metrics.put("refit_docs", (double) fitting.size());
        NetworkWeights net = NetworkWeights.stored(store, weights, data.inputSize(), hp.hidden(), data.labels().size());
        return new TrainedModel(data.labels(), result.thresholds(), net, hp, metrics, epoch);
    }

    /** Loads the best weights so far into the graph and tunes the thresholds on validation for them. */
    private TunedThresholds tuneOnBest() {
        if (best != null) {
            try {
                load(best, WEIGHTS, bestChecksums);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the best weights: " + e.getMessage(), e);
            }
        }
        float[][] scores = validation.score(graph);
        boolean[][] truth = validation.truth();
        float global = ThresholdTuning.globalThreshold(scores, truth, THRESHOLD_CANDIDATES);
        float[] thresholds = hp.thresholdStrategy()
                .thresholds(scores, truth, THRESHOLD_CANDIDATES, MIN_POSITIVES_FOR_OWN_THRESHOLD);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("validation_micro_f1", ValidationSet.microF1(scores, truth, thresholds));
        metrics.put("validation_macro_f1", ValidationSet.macroF1(scores, truth, thresholds));
        metrics.put("validation_docs", (double) truth.length);
        metrics.put("global_threshold", (double) global);
        metrics.put("best_epoch", (double) bestEpoch);
        return new TunedThresholds(thresholds, metrics);
    }

    @Override
    public void close() {
        graph.close();
    }

    private static float[] candidates() {
        float[] c = new float[49];
        for (int i = 0; i < c.length; i++) c[i] = (i + 1) * 0.02f;
        return c;
    }
}
