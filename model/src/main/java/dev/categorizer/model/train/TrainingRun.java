package dev.categorizer.model.train;

import dev.categorizer.common.metrics.ThresholdTuning;
import dev.categorizer.common.record.SparseVector;
import dev.categorizer.model.graph.SparseBatch;
import dev.categorizer.model.graph.TrainingGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A training run that advances one mini-batch at a time, so that a caller (such as a Flink source) can take a
 * {@link #checkpoint()} between any two steps and a later run can {@link #resume} from it with the same result.
 *
 * <p>Each epoch visits the training examples in an order drawn from the seed and the epoch number; dropout masks
 * are drawn from the seed and the step number. At the end of each epoch the run scores the validation set; it keeps
 * the weights with the best validation micro-F1 and stops after {@link HyperParameters#patience()} epochs without
 * improvement. {@link #finish()} tunes one decision threshold per label on validation.
 *
 * <pre>{@code
 * try (TrainingRun run = TrainingRun.start(data, HyperParameters.defaults())) {
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

    private final TrainingData data;
    private final HyperParameters hp;
    private final TrainingGraph graph;
    private final ValidationSet validation;
    private final DropoutMasks dropout;
    private List<Example> fitting; // what the current phase trains on
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
    private float[][] best;
    private int[] order;
    /** Set once the first phase is over and a refit phase trains on training and validation examples. */
    private TunedThresholds tuned;

    private TrainingRun(TrainingData data, HyperParameters hp) {
        this.data = data;
        this.hp = hp;
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
        return (fitting.size() + hp.batchSize() - 1) / hp.batchSize();
    }

    private void initialiseWeights() {
        graph.importVariables(WeightInitializer.initialVariables(
                data.inputSize(), hp.hidden(), data.labels().size(), hp.seed()));
    }

    /** Starts a run from freshly initialised weights. */
    public static TrainingRun start(TrainingData data, HyperParameters hp) {
        TrainingRun run = new TrainingRun(data, hp);
        run.initialiseWeights();
        run.order = run.epochOrder(0);
        return run;
    }

    /** Resumes a run from a checkpoint taken by a run on the same data and settings. */
    public static TrainingRun resume(TrainingData data, HyperParameters hp, TrainingCheckpoint checkpoint) {
        TrainingRun run = new TrainingRun(data, hp);
        run.graph.importVariables(checkpoint.variables);
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
        if (checkpoint.tuned != null) run.enterRefit(checkpoint.tuned);
        run.order = run.epochOrder(run.epoch);
        LOG.info("resumed training at epoch {} step {} (global step {})", run.epoch + 1, run.step, run.globalStep);
        return run;
    }

    /** Trains to the end, reporting each step. */
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
        int from = step * hp.batchSize();
        int to = Math.min(order.length, from + hp.batchSize());
        List<SparseVector> rows = new ArrayList<>(to - from);
        int labels = data.labels().size();
        float[] y = new float[(to - from) * labels];
        for (int i = from; i < to; i++) {
            Example e = fitting.get(order[i]);
            rows.add(e.features());
            for (int l : e.labels()) y[(i - from) * labels + l] = 1f;
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
            best = graph.exportWeights();
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
                initialiseWeights();
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
        List<Example> all = new ArrayList<>(data.train());
        all.addAll(data.validation());
        fitting = all;
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

    private int[] epochOrder(int epochIndex) {
        int[] o = new int[fitting.size()];
        for (int i = 0; i < o.length; i++) o[i] = i;
        SplittableRandom random = new SplittableRandom(hp.seed() * 1_000_003L + epochIndex + (refitting() ? 7919 : 0));
        for (int i = o.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        return o;
    }

    /** The full state of the run, to resume from. */
    public TrainingCheckpoint checkpoint() {
        return new TrainingCheckpoint(epoch, step, globalStep, lossSum, epochsWithoutImprovement, bestMicroF1,
                bestEpoch, elapsedMillis(), done, graph.exportVariables(), refitting() ? null : best, tuned);
    }

    /**
     * The trained model: the refit weights with the thresholds tuned in the first phase, or, without a refit, the
     * best weights seen on validation with thresholds tuned on validation.
     */
    public TrainedModel finish() {
        TunedThresholds result;
        float[][] weights;
        if (refitting()) {
            result = tuned;
            weights = graph.exportWeights();
        } else {
            result = tuneOnBest();
            weights = best != null ? best : graph.exportWeights();
        }
        Map<String, Double> metrics = new LinkedHashMap<>(result.metrics());
        metrics.put("training_seconds", elapsedMillis() / 1000.0);
        if (refitting()) metrics.put("refit_docs", (double) fitting.size());
        NetworkWeights net = new NetworkWeights(data.inputSize(), hp.hidden(), data.labels().size(),
                weights[0], weights[1], weights[2], weights[3]);
        return new TrainedModel(data.labels(), result.thresholds(), net, hp, metrics, epoch);
    }

    /** Loads the best weights so far into the graph and tunes the thresholds on validation for them. */
    private TunedThresholds tuneOnBest() {
        if (best != null) {
            float[][] variables = graph.exportVariables();
            System.arraycopy(best, 0, variables, 0, best.length);
            graph.importVariables(variables);
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
