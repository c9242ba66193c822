package dev.categorizer.model.train;

import java.util.SplittableRandom;

/**
 * Dropout masks drawn in Java from the seed and the step number, so that a run resumed from a checkpoint drops
 * the same units as an uninterrupted run would.
 */
final class DropoutMasks {
    private final float rate;
    private final long seed;

    DropoutMasks(float rate, long seed) {
        this.rate = rate;
        this.seed = seed;
    }

    /** rows x hidden values: 0 for a dropped unit, 1/(1-rate) for a kept one. */
    float[] mask(long globalStep, int rows, int hidden) {
        float[] mask = new float[rows * hidden];
        if (rate == 0f) {
            java.util.Arrays.fill(mask, 1f);
            return mask;
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + globalStep);
        float keep = 1f / (1f - rate);
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextDouble() < rate ? 0f : keep;
        }
        return mask;
    }
}
