package dev.categorizer.model.train;

import java.util.SplittableRandom;

/** Fresh weights for the network: Glorot-uniform matrices, zero biases, zero Adam moments. Seeded. */
final class WeightInitializer {
    private WeightInitializer() {}

    /** All training variables in {@code TrainingGraph} order: w1, b1, w2, b2, then m and v of each. */
    static float[][] initialVariables(int inputSize, int hidden, int outputs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] w1 = glorot(random, inputSize, hidden);
        float[] w2 = glorot(random, hidden, outputs);
        long w1Size = (long) inputSize * hidden;
        return new float[][] {
            w1, new float[hidden], w2, new float[outputs],
            new float[(int) w1Size], new float[(int) w1Size],
            new float[hidden], new float[hidden],
            new float[hidden * outputs], new float[hidden * outputs],
            new float[outputs], new float[outputs]
        };
    }

    private static float[] glorot(SplittableRandom random, int fanIn, int fanOut) {
        long size = (long) fanIn * fanOut;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(fanIn + " x " + fanOut + " weights do not fit in one array");
        }
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        float[] w = new float[(int) size];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
        return w;
    }
}
