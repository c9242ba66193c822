package dev.categorizer.model.train;

import java.io.Serializable;

/**
 * The learned parameters of the two-layer network, row-major: {@code w1} is inputSize x hidden, {@code w2} is
 * hidden x outputs.
 */
public record NetworkWeights(int inputSize, int hidden, int outputs, float[] w1, float[] b1, float[] w2, float[] b2)
        implements Serializable {

    public NetworkWeights {
        check("w1", w1, (long) inputSize * hidden);
        check("b1", b1, hidden);
        check("w2", w2, (long) hidden * outputs);
        check("b2", b2, outputs);
    }

    private static void check(String name, float[] a, long expected) {
        if (a.length != expected) {
            throw new IllegalArgumentException(name + " has " + a.length + " values, expected " + expected);
        }
    }
}
