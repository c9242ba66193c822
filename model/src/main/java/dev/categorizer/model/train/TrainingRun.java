package dev.categorizer.model.train;

import dev.categorizer.common.decision.DecisionRule;
import dev.categorizer.common.metrics.EpochMetrics;
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
 * <p>Steps come in rounds of {@link Replicas#syncSteps()} batches per replica. A run may be one replica of several
 * ({@link Replicas}): each epoch's batches are dealt out in turn (batch j to replica j mod n), and at the end of
 * each round the replicas exchange what they changed ({@link #writeRoundDelta}, {@link #applyRoundDeltas}) so
 * that all start the next round from the same weights; epochs end, and validation runs, only at round ends,
 * with the same weights everywhere, so every replica takes the same early-stopping decisions.
 *
 * <pre>{@code
 * try (TrainingRun run = TrainingRun.start(data, HyperParameters.defaults(), new LocalTensorStore(dir))) {
 *     while (!run.isDone()) {
 *         while (!run.roundComplete()) run.step();
 *         TrainingProgress epoch = run.endRound(); // null unless the round ended an epoch
 *         if (epoch != null) System.out.println(epoch.describe());
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
    private final Replicas replicas;
    private final TrainingGraph graph;
    private final List<String> names; // of the graph's variables
    private final ValidationSet validation;
    private final DropoutMasks dropout;
    private final InputDropout inputDropout;
    private final RoundDelta delta; // null for a single replica
    private ExampleSet fitting; // what the current phase trains on
    private int epochs; // epochs of the current phase, at most

    private int epoch;
    private int roundStart; // first batch of the epoch in the current round
    private int nextBatch; // this replica's next batch of the epoch
    private int cursorBatch; // the batch the example order is at
    private long globalStep; // batches of every replica up to this replica's last one, across epochs
    private long epochStart; // global step at the start of the current epoch
    private long localSteps; // steps this replica has run, across epochs (Adam's step count)
    private double lossSum;
    private int epochsWithoutImprovement;
    private double bestMicroF1 = -1;
    private int bestEpoch;
    private long elapsedBefore;
    private final long startedAt = System.currentTimeMillis();
    private boolean done;
    private String best; // store level of the best weights so far, or null
    private long[] bestChecksums; // null when not this replica's to check
    private ExampleOrder order;
    private boolean refitPhase;
    private TunedThresholds tuned; // first-phase thresholds in the refit phase (replica 0 only)
    private final List<EpochMetrics> history = new ArrayList<>(); // every epoch ended, across restarts

    private TrainingRun(TrainingData data, HyperParameters hp, TensorStore store, Replicas replicas) {
        this.data = data;
        this.hp = hp;
        this.store = store;
        this.replicas = replicas;
        if (hp.weightAverageEpochs() > 0 && replicas.count() > 1) {
            throw new IllegalArgumentException("weight averaging trains one replica only, not " + replicas.count());
        }
        this.graph = new TrainingGraph(data.inputSize(), hp.hidden(), data.labels().size(), replicas.threads(),
                positiveWeights(data, hp.positiveWeightPower()), hp.weightAverageEpochs() > 0, hp.weightDecay(),
                hp.subnetworks());
        this.names = graph.variableNames();
        this.validation = new ValidationSet(data.validation(), data.labels().size());
        this.dropout = new DropoutMasks(hp.dropout(), hp.seed());
        this.inputDropout = new InputDropout(hp.inputDropout(), hp.seed());
        this.delta = replicas.count() > 1 ? new RoundDelta(graph) : null;
        this.fitting = data.train();
        this.epochs = hp.epochs();
    }

    /**
     * Per label, the loss weight of its positive examples, {@code max(1, ((n - k) / k)^power)} for k of the n
     * training examples (one pass over them); null when {@code power} is 0. A label no training example has
     * counts as having one.
     */
    static float[] positiveWeights(TrainingData data, float power) {
        if (power == 0) return null;
        long[] counts = new long[data.labels().size()];
        long n = 0;
        ExampleOrder all = ExampleOrder.inOrder(data.train());
        while (all.hasNext()) {
            for (int l : all.next().labels()) counts[l]++;
            n++;
        }
        float[] weights = new float[counts.length];
        for (int j = 0; j < counts.length; j++) {
            long k = Math.max(1, counts[j]);
            weights[j] = (float) Math.max(1.0, Math.pow((double) (n - k) / k, power));
        }
        return weights;
    }

    private boolean refitting() {
        return refitPhase;
    }

    /** Batches of the current epoch, over all replicas. */
    private int batchesPerEpoch() {
        return Math.toIntExact((fitting.size() + hp.batchSize() - 1) / hp.batchSize());
    }

    private int roundEnd() {
        return (int) Math.min(batchesPerEpoch(), (long) roundStart + (long) replicas.syncSteps() * replicas.count());
    }

    /** Starts a run from freshly initialised weights, keeping its files in memory: small models only (tests). */
    public static TrainingRun start(TrainingData data, HyperParameters hp) {
        return start(data, hp, new MemoryTensorStore());
    }

    /** Starts a single-replica run from freshly initialised weights; checkpoints and best weights go to {@code store}. */
    public static TrainingRun start(TrainingData data, HyperParameters hp, TensorStore store) {
        return start(data, hp, store, Replicas.single());
    }

    /** Starts one replica of a run; every replica initialises the same weights from the seed. */
    public static TrainingRun start(TrainingData data, HyperParameters hp, TensorStore store, Replicas replicas) {
        TrainingRun run = new TrainingRun(data, hp, store, replicas);
        WeightInitializer.initialise(run.graph, hp.seed());
        run.beginEpoch(0);
        return run;
    }

    /** Resumes a single-replica run. */
    public static TrainingRun resume(TrainingData data, HyperParameters hp, TrainingCheckpoint checkpoint,
            TensorStore store) {
        return resume(data, hp, checkpoint, store, Replicas.single());
    }

    /**
     * Resumes a run (or one replica of it) from a checkpoint taken by a run on the same data and settings,
     * reading its tensors from {@code store} and checking them against the checksums the checkpoint holds.
     */
    public static TrainingRun resume(TrainingData data, HyperParameters hp, TrainingCheckpoint checkpoint,
            TensorStore store, Replicas replicas) {
        TrainingRun run = new TrainingRun(data, hp, store, replicas);
        try {
            run.load(checkpoint.weights, 0, WEIGHTS, checkpoint.weightChecksums);
            run.load(checkpoint.variables, WEIGHTS, run.names.size(), checkpoint.variableChecksums);
        } catch (IOException | RuntimeException e) {
            run.close();
            throw new UncheckedIOException("cannot resume training from " + store.describe(checkpoint.variables)
                    + ": " + e.getMessage(), e instanceof IOException io ? io : new IOException(e));
        }
        run.globalStep = checkpoint.globalStep;
        run.localSteps = checkpoint.localSteps;
        run.epochsWithoutImprovement = checkpoint.epochsWithoutImprovement;
        run.bestMicroF1 = checkpoint.bestMicroF1;
        run.bestEpoch = checkpoint.bestEpoch;
        run.elapsedBefore = checkpoint.elapsedMillis;
        run.done = checkpoint.done;
        run.best = checkpoint.best;
        run.bestChecksums = checkpoint.bestChecksums;
        run.history.addAll(checkpoint.history);
        if (checkpoint.refit) run.enterRefit(checkpoint.tuned);
        run.beginEpoch(checkpoint.epoch);
        run.epochStart = checkpoint.globalStep - checkpoint.step;
        run.lossSum = checkpoint.lossSum;
        int round = replicas.syncSteps() * replicas.count();
        run.roundStart = checkpoint.step / round * round;
        run.nextBatch = replicas.count() == 1 ? checkpoint.step : run.roundStart + replicas.index();
        LOG.info("resumed training at epoch {} batch {} (global step {})", run.epoch + 1, checkpoint.step,
                run.globalStep);
        return run;
    }

    /** Trains to the end, reporting each step and each epoch's end; files are kept in memory (small models, tests). */
    public static TrainedModel trainToEnd(TrainingData data, HyperParameters hp, Consumer<TrainingProgress> progress) {
        try (TrainingRun run = start(data, hp)) {
            while (!run.isDone()) {
                run.advance(progress);
            }
            return run.finish();
        }
    }

    /** Single replica: runs the next step, or ends the round if it is complete; reports what happened. */
    public void advance(Consumer<TrainingProgress> progress) {
        if (replicas.count() != 1) throw new IllegalStateException("a replica needs its round deltas merged");
        if (!roundComplete()) {
            progress.accept(step());
        } else {
            TrainingProgress epochEnd = endRound();
            if (epochEnd != null) progress.accept(epochEnd);
        }
    }

    /** Whether the last epoch has run or early stopping has ended training. */
    public boolean isDone() {
        return done;
    }

    /** Batches run since the start of training (by every replica), across epochs and restarts. */
    public long globalStep() {
        return globalStep;
    }

    /** Whether this replica has run its batches of the current round; then {@link #endRound} comes next. */
    public boolean roundComplete() {
        return nextBatch >= roundEnd();
    }

    /** Runs this replica's next mini-batch of the round. */
    public TrainingProgress step() {
        if (done) throw new IllegalStateException("training is done");
        if (roundComplete()) throw new IllegalStateException("the round is complete: end it first");
        order.skip((long) (nextBatch - cursorBatch) * hp.batchSize());
        List<Example> examples = order.next(hp.batchSize());
        cursorBatch = nextBatch + 1;
        List<SparseVector> rows = new ArrayList<>(examples.size());
        int labels = data.labels().size();
        float[] y = new float[examples.size() * labels];
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            rows.add(e.features());
            for (int l : e.labels()) y[i * labels + l] = 1f;
        }
        globalStep = epochStart + nextBatch + 1;
        localSteps++;
        SparseBatch batch = SparseBatch.compact(inputDropout.apply(globalStep, rows));
        if (delta != null) delta.beforeStep(batch.columns());
        float[] mask = dropout.mask(globalStep, rows.size(), hp.hidden());
        float loss = graph.trainStep(batch, mask, y, hp.learningRate(epoch), localSteps, averageHorizon());
        lossSum += loss;
        int stepNumber = nextBatch + 1;
        nextBatch += replicas.count();
        int perEpoch = batchesPerEpoch();
        long stepsLeft = (long) (epochs - epoch) * perEpoch - stepNumber;
        long elapsed = elapsedMillis();
        long remaining = elapsed * Math.max(0, stepsLeft) / Math.max(1, globalStep);
        return new TrainingProgress(epoch + 1, stepNumber, perEpoch, lossSum / Math.max(1, ownBatches(nextBatch)),
                Double.NaN, false, elapsed, remaining, refitting());
    }


    /** The horizon of the weights' moving average in steps of the current phase (1 when not averaging). */
    private float averageHorizon() {
        return Math.max(1f, hp.weightAverageEpochs() * batchesPerEpoch());
    }

    /** This replica's batches among the first {@code batches} of the epoch. */
    private long ownBatches(int batches) {
        int n = replicas.count();
        int r = replicas.index();
        return batches <= r ? 0 : (batches - r + n - 1) / n;
    }

    /** Writes what this replica changed in the round (several replicas only) and closes {@code out}. */
    public void writeRoundDelta(OutputStream out) throws IOException {
        if (delta == null) throw new IllegalStateException("a single replica has no round deltas");
        if (!roundComplete()) throw new IllegalStateException("the round is not complete");
        delta.write(out);
    }

    /** Merges every replica's round delta, in replica order, into the weights (several replicas only). */
    public void applyRoundDeltas(List<InputStream> deltas, List<String> sources) throws IOException {
        if (delta == null) throw new IllegalStateException("a single replica has no round deltas");
        if (deltas.size() != replicas.count()) {
            throw new IllegalArgumentException(deltas.size() + " round deltas for " + replicas.count() + " replicas");
        }
        delta.apply(deltas, sources);
    }

    /**
     * Ends the round (for several replicas, after {@link #applyRoundDeltas}); at the end of an epoch, scores the
     * validation set and decides whether training goes on. Returns the epoch's progress, or null.
     */
    public TrainingProgress endRound() {
        if (!roundComplete()) throw new IllegalStateException("the round is not complete");
        int end = roundEnd();
        int perEpoch = batchesPerEpoch();
        globalStep = epochStart + end;
        if (end < perEpoch) {
            roundStart = end;
            nextBatch = end + replicas.index();
            if (delta != null) delta.begin();
            return null;
        }
        double meanLoss = lossSum / Math.max(1, ownBatches(perEpoch));
        int epochNumber = epoch + 1;
        boolean refit = refitting();
        double validationF1 = refit ? Double.NaN : endEpoch();
        if (refit) endRefitEpoch();
        history.add(new EpochMetrics(refit ? EpochMetrics.REFIT : EpochMetrics.TRAIN, epochNumber, meanLoss,
                refit ? null : validationF1));
        long elapsed = elapsedMillis();
        long stepsLeft = (long) (epochs - epoch) * batchesPerEpoch();
        long remaining = done ? 0 : elapsed * Math.max(0, stepsLeft) / Math.max(1, globalStep);
        return new TrainingProgress(epochNumber, perEpoch, perEpoch, meanLoss, validationF1, true, elapsed, remaining,
                refit);
    }

    private void beginEpoch(int epochIndex) {
        epoch = epochIndex;
        epochStart = globalStep;
        roundStart = 0;
        nextBatch = replicas.index();
        cursorBatch = 0;
        lossSum = 0;
        order = ExampleOrder.shuffled(fitting, hp.seed() * 1_000_003L + epochIndex + (refitting() ? 7919 : 0));
        if (delta != null) delta.begin();
    }

    private double endEpoch() {
        if (graph.averaging()) graph.catchUpAverage(averageHorizon());
        float[][] scores = validation.score(graph);
        float threshold = ThresholdTuning.globalThreshold(scores, validation.truth(), THRESHOLD_CANDIDATES);
        float[] thresholds = new float[data.labels().size()];
        java.util.Arrays.fill(thresholds, threshold);
        double f1 = ValidationSet.microF1(scores, validation.truth(), thresholds);
        if (f1 > bestMicroF1) {
            bestMicroF1 = f1;
            bestEpoch = epoch + 1;
            // Immutable files under a new name: a checkpoint may still refer to the previous best. Replicas hold
            // the same weights; the first one writes them.
            String name = "best-" + globalStep;
            bestChecksums = replicas.index() == 0 ? saveModel(name) : null;
            best = name;
            epochsWithoutImprovement = 0;
        } else {
            epochsWithoutImprovement++;
        }
        int next = epoch + 1;
        if (next >= hp.epochs() || epochsWithoutImprovement >= hp.patience()) {
            if (hp.refit() && data.validationHeldOut()) {
                // Only the first replica finishes the model, so only it needs the thresholds (and the best weights).
                enterRefit(replicas.index() == 0 ? tuneOnBest() : null);
                WeightInitializer.initialise(graph, hp.seed());
                epoch = 0;
                beginEpoch(0);
                LOG.info("refitting on {} training and validation examples for {} epochs", fitting.size(), epochs);
            } else {
                epoch = next;
                done = true;
            }
        } else {
            beginEpoch(next);
        }
        return f1;
    }

    /** Switches to the refit phase: all labelled examples, as many epochs as the best first-phase model had. */
    private void enterRefit(TunedThresholds thresholds) {
        refitPhase = true;
        tuned = thresholds;
        fitting = ExampleSet.concat(data.train(), data.validation());
        epochs = Math.max(1, bestEpoch);
    }

    private void endRefitEpoch() {
        int next = epoch + 1;
        if (next >= epochs) {
            if (graph.averaging()) graph.catchUpAverage(averageHorizon());
            epoch = next;
            done = true;
        } else {
            beginEpoch(next);
        }
    }

    private long elapsedMillis() {
        return elapsedBefore + System.currentTimeMillis() - startedAt;
    }

    /** Writes variables {@code [from, to)} under {@code level}; returns their checksums. */
    private long[] save(String level, int from, int to) {
        return save(level, from, to, from);
    }

    /**
     * Writes the model's weights (w1, b1, w2, b2: the averaged ones when averaging) under {@code level} with the
     * names of the plain weights, as a model reads them; returns their checksums.
     */
    private long[] saveModel(String level) {
        return save(level, graph.modelVariables(), graph.modelVariables() + WEIGHTS, 0);
    }

    /** Writes variables {@code [from, to)} under {@code level}, named as variables from {@code firstName} on. */
    private long[] save(String level, int from, int to, int firstName) {
        long[] sums = new long[to - from];
        try {
            for (int i = from; i < to; i++) {
                try (OutputStream out = store.create(level + "/" + names.get(firstName + i - from))) {
                    sums[i - from] = graph.saveVariable(i, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write training state to " + store.describe(level) + ": "
                    + e.getMessage(), e);
        }
        return sums;
    }

    /**
     * Reads variables {@code [from, to)} from {@code level}, checking them against {@code expected} (empty: only
     * each file's own checksum is checked).
     */
    private void load(String level, int from, int to, long[] expected) throws IOException {
        load(level, from, to, from, expected);
    }

    /** Reads the model's weights (see {@link #saveModel}) from {@code level}. */
    private void loadModel(String level, long[] expected) throws IOException {
        load(level, graph.modelVariables(), graph.modelVariables() + WEIGHTS, 0, expected);
    }

    private void load(String level, int from, int to, int firstName, long[] expected) throws IOException {
        if (expected.length != 0 && expected.length != to - from) {
            throw new IOException(store.describe(level) + ": " + expected.length + " checksums, expected " + (to - from));
        }
        for (int i = from; i < to; i++) {
            String name = level + "/" + names.get(firstName + i - from);
            InputStream in = store.open(name);
            long sum = graph.loadVariable(i, in, store.describe(name));
            if (expected.length != 0 && sum != expected[i - from]) {
                throw new IOException(store.describe(name) + ": not the file this checkpoint wrote (checksum "
                        + Long.toHexString(sum) + ", expected " + Long.toHexString(expected[i - from]) + ")");
            }
        }
    }

    /**
     * The full state of the run, to resume from: writes every variable under {@code level} in the store, block by
     * block, and returns the (small) checkpoint that refers to those files and to the best weights. A replica of
     * several checkpoints at round ends only.
     */
    public TrainingCheckpoint checkpoint(String level) {
        return checkpoint(level, null);
    }

    /**
     * As {@link #checkpoint(String)}, but the weights (the same in every replica at a round's end) are the ones
     * another replica writes under {@code sharedWeights}; this replica writes only its optimizer state.
     */
    public TrainingCheckpoint checkpoint(String level, String sharedWeights) {
        if (replicas.count() > 1 && !done && nextBatch != roundStart + replicas.index()) {
            throw new IllegalStateException("a replica checkpoints only between rounds");
        }
        String weights = sharedWeights == null ? level : sharedWeights;
        long[] weightSums = sharedWeights == null ? save(level, 0, WEIGHTS) : new long[0];
        long[] momentSums = save(level, WEIGHTS, names.size());
        int step = replicas.count() == 1 ? nextBatch : roundStart;
        boolean keepBest = !refitting() && best != null;
        return new TrainingCheckpoint(epoch, step, globalStep, localSteps, lossSum, epochsWithoutImprovement,
                bestMicroF1, bestEpoch, elapsedMillis(), done, weights, weightSums, level, momentSums,
                keepBest ? best : null, keepBest ? bestChecksums : null, refitting(), tuned, history);
    }

    /** The store level of the best weights so far (immutable files), or null before the first epoch ends. */
    public String bestLocation() {
        return best;
    }

    /** {@link #finish(String)} with the final weights under {@code model} in the store. */
    public TrainedModel finish() {
        return finish("model");
    }

    /**
     * The trained model: the refit weights with the thresholds tuned in the first phase, or, without a refit, the
     * best weights seen on validation with thresholds tuned on validation. The weights stay in the store: after a
     * refit they are written under {@code level}; otherwise the model refers to the best weights' files. Only the
     * first replica of several finishes a run.
     */
    public TrainedModel finish(String level) {
        if (replicas.index() != 0) throw new IllegalStateException("only the first replica finishes a run");
        TunedThresholds result;
        String weights;
        if (refitting()) {
            result = tuned;
            saveModel(level);
            weights = level;
        } else {
            result = tuneOnBest();
            if (best == null) {
                if (graph.averaging()) graph.catchUpAverage(averageHorizon());
                saveModel(level);
            }
            weights = best != null ? best : level;
        }
        Map<String, Double> metrics = new LinkedHashMap<>(result.metrics());
        metrics.put("training_seconds", elapsedMillis() / 1000.0);
        if (refitting()) metrics.put("refit_docs", (double) fitting.size());
        NetworkWeights net = NetworkWeights.stored(store, weights, data.inputSize(), hp.hidden(), data.labels().size());
        return new TrainedModel(data.labels(), result.thresholds(), net, hp, metrics, epoch, history,
                result.topLabelFallback());
    }

    /** Loads the best weights so far into the graph and tunes the thresholds on validation for them. */
    private TunedThresholds tuneOnBest() {
        if (best != null) {
            try {
                loadModel(best, bestChecksums);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the best weights: " + e.getMessage(), e);
            }
        }
        float[][] scores = validation.score(graph);
        boolean[][] truth = validation.truth();
        float global = ThresholdTuning.globalThreshold(scores, truth, THRESHOLD_CANDIDATES);
        float[] thresholds = BaggedThresholds.tune(hp.thresholdStrategy(), scores, truth, THRESHOLD_CANDIDATES,
                MIN_POSITIVES_FOR_OWN_THRESHOLD, hp.balancedMacroWeight(), hp.thresholdBags(), hp.seed());
        DecisionRule rule = hp.thresholdStrategy()
                .rule(scores, truth, thresholds, hp.topLabelFallback(), hp.balancedMacroWeight());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("validation_micro_f1", ValidationSet.microF1(scores, truth, rule));
        metrics.put("validation_macro_f1", ValidationSet.macroF1(scores, truth, rule));
        metrics.put("validation_docs", (double) truth.length);
        metrics.put("global_threshold", (double) global);
        metrics.put("best_epoch", (double) bestEpoch);
        return new TunedThresholds(thresholds, rule.topLabelFallback(), metrics);
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
