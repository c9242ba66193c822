package dev.categorizer.model.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;

/**
 * Everything needed to resume a training run exactly where it was: weights, optimizer slots, the position in the
 * epoch, the best weights so far and the early-stopping counters. Written with {@link #writeTo} so that Flink can
 * keep it in operator state.
 */
public final class TrainingCheckpoint implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int FORMAT = 2;

    final int epoch; // 0-based epoch in progress
    final int step; // steps already run in that epoch
    final long globalStep;
    final double lossSum;
    final int epochsWithoutImprovement;
    final double bestMicroF1;
    final int bestEpoch;
    final long elapsedMillis;
    final boolean done;
    final float[][] variables; // network weights then optimizer slots, in TrainingGraph order
    final float[][] best; // best weights so far (network weights only), or null
    final TunedThresholds tuned; // first-phase thresholds once refitting, or null

    TrainingCheckpoint(int epoch, int step, long globalStep, double lossSum, int epochsWithoutImprovement,
            double bestMicroF1, int bestEpoch, long elapsedMillis, boolean done, float[][] variables, float[][] best,
            TunedThresholds tuned) {
        this.epoch = epoch;
        this.step = step;
        this.globalStep = globalStep;
        this.lossSum = lossSum;
        this.epochsWithoutImprovement = epochsWithoutImprovement;
        this.bestMicroF1 = bestMicroF1;
        this.bestEpoch = bestEpoch;
        this.elapsedMillis = elapsedMillis;
        this.done = done;
        this.variables = variables;
        this.best = best;
        this.tuned = tuned;
    }

    /** Steps run since the start of training, across epochs. */
    public long globalStep() {
        return globalStep;
    }

    public void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        out.writeInt(epoch);
        out.writeInt(step);
        out.writeLong(globalStep);
        out.writeDouble(lossSum);
        out.writeInt(epochsWithoutImprovement);
        out.writeDouble(bestMicroF1);
        out.writeInt(bestEpoch);
        out.writeLong(elapsedMillis);
        out.writeBoolean(done);
        writeArrays(out, variables);
        out.writeBoolean(best != null);
        if (best != null) writeArrays(out, best);
        out.writeBoolean(tuned != null);
        if (tuned != null) {
            writeArrays(out, new float[][] {tuned.thresholds()});
            out.writeInt(tuned.metrics().size());
            for (var e : new java.util.TreeMap<>(tuned.metrics()).entrySet()) {
                out.writeUTF(e.getKey());
                out.writeDouble(e.getValue());
            }
        }
    }

    public static TrainingCheckpoint readFrom(DataInputStream in) throws IOException {
        int format = in.readInt();
        if (format != FORMAT) throw new IOException("unsupported training checkpoint format " + format);
        int epoch = in.readInt();
        int step = in.readInt();
        long globalStep = in.readLong();
        double lossSum = in.readDouble();
        int without = in.readInt();
        double bestF1 = in.readDouble();
        int bestEpoch = in.readInt();
        long elapsed = in.readLong();
        boolean done = in.readBoolean();
        float[][] variables = readArrays(in);
        float[][] best = in.readBoolean() ? readArrays(in) : null;
        TunedThresholds tuned = null;
        if (in.readBoolean()) {
            float[] thresholds = readArrays(in)[0];
            java.util.Map<String, Double> metrics = new java.util.LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) metrics.put(in.readUTF(), in.readDouble());
            tuned = new TunedThresholds(thresholds, metrics);
        }
        return new TrainingCheckpoint(epoch, step, globalStep, lossSum, without, bestF1, bestEpoch, elapsed, done,
                variables, best, tuned);
    }

    private static void writeArrays(DataOutputStream out, float[][] arrays) throws IOException {
        out.writeInt(arrays.length);
        byte[] buffer = new byte[1 << 16];
        for (float[] a : arrays) {
            out.writeInt(a.length);
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(buffer);
            for (float v : a) {
                if (!bb.hasRemaining()) {
                    out.write(buffer, 0, bb.position());
                    bb.clear();
                }
                bb.putFloat(v);
            }
            out.write(buffer, 0, bb.position());
        }
    }

    private static float[][] readArrays(DataInputStream in) throws IOException {
        float[][] arrays = new float[in.readInt()][];
        byte[] buffer = new byte[1 << 16];
        for (int i = 0; i < arrays.length; i++) {
            float[] a = new float[in.readInt()];
            int done = 0;
            while (done < a.length) {
                int n = Math.min(buffer.length / 4, a.length - done);
                in.readFully(buffer, 0, n * 4);
                java.nio.ByteBuffer.wrap(buffer, 0, n * 4).asFloatBuffer().get(a, done, n);
                done += n;
            }
            arrays[i] = a;
        }
        return arrays;
    }
}
