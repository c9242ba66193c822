package dev.categorizer.model.train;

import dev.categorizer.common.metrics.EpochMetrics;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a training run was, and where its tensors are: the position in the epoch, the early-stopping counters,
 * and the names (in the run's {@link dev.categorizer.model.tensor.TensorStore}) and checksums of the files that
 * hold its variables and its best weights so far, and the metrics of the epochs run so far. It is small whatever the model's size (the tensors stay in
 * files), which is what lets Flink keep it in operator state at every checkpoint.
 */
public final class TrainingCheckpoint implements Serializable {
    private static final long serialVersionUID = 2L;
    private static final int FORMAT = 6;
    // Still read, so that a run saved before an upgrade resumes: 5 has no top-label fallback, 4 no history either.
    private static final int FORMAT_WITHOUT_FALLBACK = 5;
    private static final int FORMAT_WITHOUT_HISTORY = 4;
    private static final int MAX_EPOCHS = 1_000_000;

    final int epoch; // 0-based epoch in progress
    final int step; // batches of that epoch already run (by every replica)
    final long globalStep;
    final long localSteps; // steps this replica has run (Adam's step count)
    final double lossSum;
    final int epochsWithoutImprovement;
    final double bestMicroF1;
    final int bestEpoch;
    final long elapsedMillis;
    final boolean done;
    final String weights; // store level with w1, b1, w2, b2
    final long[] weightChecksums; // empty when another replica wrote them (each file's own checksum still holds)
    final String variables; // store level with the optimizer slots (TrainingGraph variables 4 on)
    final long[] variableChecksums;
    final String best; // store level with the best weights so far (w1, b1, w2, b2), or null
    final long[] bestChecksums;
    final boolean refit; // in the refit phase
    final TunedThresholds tuned; // first-phase thresholds in the refit phase (first replica), or null
    final List<EpochMetrics> history; // every epoch ended so far, both phases

    TrainingCheckpoint(int epoch, int step, long globalStep, long localSteps, double lossSum,
            int epochsWithoutImprovement, double bestMicroF1, int bestEpoch, long elapsedMillis, boolean done,
            String weights, long[] weightChecksums, String variables, long[] variableChecksums, String best,
            long[] bestChecksums, boolean refit, TunedThresholds tuned, List<EpochMetrics> history) {
        this.history = List.copyOf(history);
        this.epoch = epoch;
        this.step = step;
        this.globalStep = globalStep;
        this.localSteps = localSteps;
        this.weights = weights;
        this.weightChecksums = weightChecksums;
        this.refit = refit;
        this.lossSum = lossSum;
        this.epochsWithoutImprovement = epochsWithoutImprovement;
        this.bestMicroF1 = bestMicroF1;
        this.bestEpoch = bestEpoch;
        this.elapsedMillis = elapsedMillis;
        this.done = done;
        this.variables = variables;
        this.variableChecksums = variableChecksums;
        this.best = best;
        this.bestChecksums = bestChecksums;
        this.tuned = tuned;
    }

    /** Steps run since the start of training, across epochs. */
    public long globalStep() {
        return globalStep;
    }

    /** The store level that holds the best weights this checkpoint refers to, or null. */
    public String bestLocation() {
        return best;
    }

    public void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        out.writeInt(epoch);
        out.writeInt(step);
        out.writeLong(globalStep);
        out.writeLong(localSteps);
        out.writeDouble(lossSum);
        out.writeInt(epochsWithoutImprovement);
        out.writeDouble(bestMicroF1);
        out.writeInt(bestEpoch);
        out.writeLong(elapsedMillis);
        out.writeBoolean(done);
        out.writeUTF(weights);
        writeLongs(out, weightChecksums);
        out.writeUTF(variables);
        writeLongs(out, variableChecksums);
        out.writeBoolean(best != null);
        if (best != null) {
            out.writeUTF(best);
            out.writeBoolean(bestChecksums != null);
            if (bestChecksums != null) writeLongs(out, bestChecksums);
        }
        out.writeBoolean(refit);
        out.writeBoolean(tuned != null);
        if (tuned != null) {
            float[] t = tuned.thresholds();
            out.writeInt(t.length);
            for (float v : t) out.writeFloat(v);
            out.writeInt(tuned.metrics().size());
            for (var e : new TreeMap<>(tuned.metrics()).entrySet()) {
                out.writeUTF(e.getKey());
                out.writeDouble(e.getValue());
            }
            out.writeBoolean(tuned.topLabelFallback());
        }
        out.writeInt(history.size());
        for (EpochMetrics e : history) {
            out.writeUTF(e.phase());
            out.writeInt(e.epoch());
            out.writeDouble(e.loss());
            out.writeDouble(e.validationMicroF1() == null ? Double.NaN : e.validationMicroF1());
        }
    }

    public static TrainingCheckpoint readFrom(DataInputStream in) throws IOException {
        int format = in.readInt();
        if (format != FORMAT && format != FORMAT_WITHOUT_FALLBACK && format != FORMAT_WITHOUT_HISTORY) {
            throw new IOException("unsupported training checkpoint format " + format);
        }
        int epoch = in.readInt();
        int step = in.readInt();
        long globalStep = in.readLong();
        long localSteps = in.readLong();
        double lossSum = in.readDouble();
        int without = in.readInt();
        double bestF1 = in.readDouble();
        int bestEpoch = in.readInt();
        long elapsed = in.readLong();
        boolean done = in.readBoolean();
        String weights = in.readUTF();
        long[] weightChecksums = readLongs(in);
        String variables = in.readUTF();
        long[] variableChecksums = readLongs(in);
        String best = null;
        long[] bestChecksums = null;
        if (in.readBoolean()) {
            best = in.readUTF();
            bestChecksums = in.readBoolean() ? readLongs(in) : null;
        }
        boolean refit = in.readBoolean();
        TunedThresholds tuned = null;
        if (in.readBoolean()) {
            float[] thresholds = new float[in.readInt()];
            for (int i = 0; i < thresholds.length; i++) thresholds[i] = in.readFloat();
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) metrics.put(in.readUTF(), in.readDouble());
            boolean fallback = format == FORMAT && in.readBoolean();
            tuned = new TunedThresholds(thresholds, fallback, metrics);
        }
        List<EpochMetrics> history = new ArrayList<>();
        if (format != FORMAT_WITHOUT_HISTORY) {
            int n = in.readInt();
            if (n < 0 || n > MAX_EPOCHS) throw new IOException("damaged training checkpoint (" + n + " epochs)");
            for (int i = 0; i < n; i++) {
                String phase = in.readUTF();
                int number = in.readInt();
                double loss = in.readDouble();
                double f1 = in.readDouble();
                history.add(new EpochMetrics(phase, number, loss, Double.isNaN(f1) ? null : f1));
            }
        }
        return new TrainingCheckpoint(epoch, step, globalStep, localSteps, lossSum, without, bestF1, bestEpoch,
                elapsed, done, weights, weightChecksums, variables, variableChecksums, best, bestChecksums, refit,
                tuned, history);
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long v : values) out.writeLong(v);
    }

    private static long[] readLongs(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1024) throw new IOException("damaged training checkpoint (" + n + " checksums)");
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = in.readLong();
        return out;
    }

    @Override
    public String toString() {
        return "TrainingCheckpoint[step " + globalStep + ", variables " + variables + " " + Arrays.toString(variableChecksums)
                + ", best " + best + "]";
    }
}
