package dev.categorizer.model.train;

import dev.categorizer.model.graph.TrainingGraph;
import java.util.SplittableRandom;

/**
 * Fresh weights for the network, set inside the training graph: Glorot-uniform matrices, zero biases, zero Adam
 * moments. Seeded. The first layer is drawn in blocks of {@value #BLOCK_ROWS} rows, each from its own generator,
 * so it never needs one array of its full size and the values do not depend on the block size used to move them.
 */
final class WeightInitializer {
    static final int BLOCK_ROWS = 4096;

    private WeightInitializer() {}

    /**
     * Sets every variable of {@code graph}: w1 and w2 Glorot-uniform, everything else zero, except that the
     * averages of w1 and w2, if the graph keeps them, start at the same values.
     */
    static void initialise(TrainingGraph graph, long seed) {
        int inputSize = graph.inputSize();
        int hidden = graph.hidden();
        int outputs = graph.outputs();
        graph.zeroVariables();
        double limit1 = Math.sqrt(6.0 / (inputSize + hidden));
        float[] block = new float[BLOCK_ROWS * hidden];
        for (long first = 0, b = 0; first < inputSize; first += BLOCK_ROWS, b++) {
            int rows = (int) Math.min(BLOCK_ROWS, inputSize - first);
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + b);
            for (int i = 0; i < rows * hidden; i++) block[i] = uniform(random, limit1);
            float[] values = rows == BLOCK_ROWS ? block : java.util.Arrays.copyOf(block, rows * hidden);
            graph.writeRows(0, first, values, rows);
            if (graph.averaging()) graph.writeRows(graph.modelVariables(), first, values, rows);
        }
        SplittableRandom random = new SplittableRandom(seed);
        // A sub-network's second layer is subnetworks x its rows of w2 (TrainingGraph): its rows start at the scale
        // of the whole network's.
        double limit2 = Math.sqrt(6.0 / (hidden + outputs)) / graph.subnetworks();
        float[] w2 = new float[hidden * outputs];
        for (int i = 0; i < w2.length; i++) w2[i] = uniform(random, limit2);
        graph.writeRows(2, 0, w2, hidden);
        if (graph.averaging()) graph.writeRows(graph.modelVariables() + 2, 0, w2, hidden); // the average starts there
    }

    private static float uniform(SplittableRandom random, double limit) {
        return (float) ((random.nextDouble() * 2 - 1) * limit);
    }
}
