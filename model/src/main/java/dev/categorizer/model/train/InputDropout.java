package dev.categorizer.model.train;

import dev.categorizer.common.record.SparseVector;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Dropout on the input features: in each training step every non-zero of a row is dropped with probability
 * {@code rate} and the kept ones are scaled by {@code 1 / (1 - rate)}, so a word cannot carry a label alone and the
 * network learns from the rest of the video too. Drawn from the seed and the step number, like
 * {@link DropoutMasks}, so a resumed run drops what an uninterrupted one would. Scoring never drops anything.
 *
 * <pre>{@code
 * InputDropout dropout = new InputDropout(0.2f, seed);
 * List<SparseVector> rows = dropout.apply(globalStep, batchRows);
 * }</pre>
 */
final class InputDropout {
    // Keeps this stream apart from DropoutMasks', which draws from the same seed and step.
    private static final long STREAM = 0x632BE59BD9B4E019L;

    private final float rate;
    private final long seed;

    InputDropout(float rate, long seed) {
        if (!(rate >= 0 && rate < 1)) throw new IllegalArgumentException("rate must be in [0, 1), got " + rate);
        this.rate = rate;
        this.seed = seed;
    }

    /** The rows of one step with their features dropped; the same list when the rate is 0. */
    List<SparseVector> apply(long globalStep, List<SparseVector> rows) {
        if (rate == 0f) return rows;
        SplittableRandom random = new SplittableRandom((seed * 0x9E3779B97F4A7C15L + globalStep) ^ STREAM);
        float keep = 1f / (1f - rate);
        SparseVector[] out = new SparseVector[rows.size()];
        for (int r = 0; r < out.length; r++) out[r] = drop(rows.get(r), random, keep);
        return Arrays.asList(out);
    }

    private SparseVector drop(SparseVector row, SplittableRandom random, float keep) {
        int[] indices = row.indices();
        float[] values = row.values();
        int[] keptIndices = new int[indices.length];
        float[] keptValues = new float[indices.length];
        int n = 0;
        for (int j = 0; j < indices.length; j++) {
            if (random.nextDouble() < rate) continue;
            keptIndices[n] = indices[j];
            keptValues[n++] = values[j] * keep;
        }
        return new SparseVector(Arrays.copyOf(keptIndices, n), Arrays.copyOf(keptValues, n));
    }
}
