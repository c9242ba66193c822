package dev.categorizer.model.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.record.SparseVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainingGraphTest {
    private static final int INPUT = 50;
    private static final int HIDDEN = 8;
    private static final int OUTPUTS = 2;

    private static float[][] initial(long seed) {
        Random r = new Random(seed);
        float[][] vars = new float[12][];
        long[][] shapes = {{INPUT, HIDDEN}, {HIDDEN}, {HIDDEN, OUTPUTS}, {OUTPUTS}};
        for (int i = 0; i < 4; i++) {
            int size = (int) Arrays.stream(shapes[i]).reduce(1, (a, b) -> a * b);
            vars[i] = new float[size];
            if (shapes[i].length == 2) for (int j = 0; j < size; j++) vars[i][j] = (float) (r.nextGaussian() * 0.3);
            vars[4 + 2 * i] = new float[size];
            vars[5 + 2 * i] = new float[size];
        }
        return vars;
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        Arrays.fill(a, 1f);
        return a;
    }

    @Test
    void stepUpdatesOnlyTheRowsOfTheFirstLayerThatTheBatchTouches() {
        try (TrainingGraph graph = new TrainingGraph(INPUT, HIDDEN, OUTPUTS)) {
            graph.importVariables(initial(1));
            float[][] before = graph.exportVariables();
            List<SparseVector> rows = List.of(
                    new SparseVector(new int[] {3, 7}, new float[] {0.6f, 0.8f}),
                    new SparseVector(new int[] {7, 20}, new float[] {1f, 0.5f}));
            graph.trainStep(SparseBatch.compact(rows), ones(2 * HIDDEN), new float[] {1, 0, 0, 1}, 0.01f, 1);
            float[][] after = graph.exportVariables();
            for (int row = 0; row < INPUT; row++) {
                float[] b = Arrays.copyOfRange(before[0], row * HIDDEN, (row + 1) * HIDDEN);
                float[] a = Arrays.copyOfRange(after[0], row * HIDDEN, (row + 1) * HIDDEN);
                boolean touched = row == 3 || row == 7 || row == 20;
                assertThat(Arrays.equals(a, b)).as("row %d changed", row).isEqualTo(!touched);
            }
            assertThat(after[2]).isNotEqualTo(before[2]);
        }
    }

    @Test
    void weightDecayShrinksTheTouchedRowsByTheLearningRateTimesTheDecayAndLeavesTheOthers() {
        float decay = 0.1f, rate = 0.01f;
        try (TrainingGraph plain = new TrainingGraph(INPUT, HIDDEN, OUTPUTS);
                TrainingGraph decaying = new TrainingGraph(INPUT, HIDDEN, OUTPUTS, 0, null, false, decay)) {
            plain.importVariables(initial(2));
            decaying.importVariables(initial(2));
            float[][] before = plain.exportVariables();
            List<SparseVector> rows = List.of(new SparseVector(new int[] {4, 9}, new float[] {0.6f, 0.8f}));
            plain.trainStep(SparseBatch.compact(rows), ones(HIDDEN), new float[] {1, 0}, rate, 1);
            decaying.trainStep(SparseBatch.compact(rows), ones(HIDDEN), new float[] {1, 0}, rate, 1);
            float[] p = plain.exportVariables()[0];
            float[] d = decaying.exportVariables()[0];
            for (int i = 0; i < p.length; i++) {
                int row = i / HIDDEN;
                // Decoupled: the Adam step is the same, then the row loses rate x decay of its old value.
                float expected = row == 4 || row == 9 ? p[i] - rate * decay * before[0][i] : before[0][i];
                assertThat(d[i]).as("w1[%d]", i).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6f));
            }
        }
    }

    @Test
    void lossFallsOnALearnableProblemAndPredictionsFollowTheLabels() {
        Random r = new Random(7);
        List<SparseVector> xs = new ArrayList<>();
        List<float[]> ys = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            boolean positive = i % 2 == 0;
            int base = positive ? 0 : 25;
            int a = base + r.nextInt(25);
            int b = base + r.nextInt(25);
            if (a == b) b = base + (b - base + 1) % 25;
            int lo = Math.min(a, b), hi = Math.max(a, b);
            xs.add(new SparseVector(new int[] {lo, hi}, new float[] {0.7071f, 0.7071f}));
            ys.add(positive ? new float[] {1, 0} : new float[] {0, 1});
        }
        try (TrainingGraph graph = new TrainingGraph(INPUT, HIDDEN, OUTPUTS)) {
            graph.importVariables(initial(2));
            float first = 0, last = 0;
            for (int step = 1; step <= 60; step++) {
                float[] y = new float[xs.size() * OUTPUTS];
                for (int i = 0; i < xs.size(); i++) System.arraycopy(ys.get(i), 0, y, i * OUTPUTS, OUTPUTS);
                float loss = graph.trainStep(SparseBatch.compact(xs), ones(xs.size() * HIDDEN), y, 0.05f, step);
                if (step == 1) first = loss;
                last = loss;
            }
            assertThat(last).isLessThan(first / 4);
            float[][] p = graph.predict(SparseBatch.of(xs, INPUT));
            for (int i = 0; i < xs.size(); i++) {
                int expected = i % 2 == 0 ? 0 : 1;
                assertThat(p[i][expected]).as("doc %d", i).isGreaterThan(0.5f);
            }
        }
    }

    @Test
    void theLossOfSubnetworksIsTheMeanOfEachPredictingFromItsOwnUnitsAlone() {
        int k = 2, width = HIDDEN / k;
        List<SparseVector> rows = List.of(
                new SparseVector(new int[] {3, 7}, new float[] {0.6f, 0.8f}),
                new SparseVector(new int[] {7, 20}, new float[] {1f, 0.5f}));
        float[] y = {1, 0, 1, 1};
        float[][] w = initial(5);
        Random r = new Random(5);
        for (int j = 0; j < HIDDEN; j++) w[1][j] = (float) (r.nextGaussian() * 0.3);
        for (int l = 0; l < OUTPUTS; l++) w[3][l] = (float) (r.nextGaussian() * 0.3);
        double expected = 0;
        for (int i = 0; i < rows.size(); i++) {
            float[] h = new float[HIDDEN];
            for (int j = 0; j < HIDDEN; j++) {
                double z = w[1][j];
                for (int n = 0; n < rows.get(i).indices().length; n++) {
                    z += rows.get(i).values()[n] * w[0][rows.get(i).indices()[n] * HIDDEN + j];
                }
                h[j] = (float) Math.max(0, z);
            }
            for (int sub = 0; sub < k; sub++) {
                for (int l = 0; l < OUTPUTS; l++) {
                    double logit = w[3][l];
                    for (int j = sub * width; j < (sub + 1) * width; j++) logit += k * h[j] * w[2][j * OUTPUTS + l];
                    double label = y[i * OUTPUTS + l];
                    expected += Math.max(logit, 0) - logit * label + Math.log1p(Math.exp(-Math.abs(logit)));
                }
            }
        }
        expected /= rows.size() * k;
        try (TrainingGraph graph = new TrainingGraph(INPUT, HIDDEN, OUTPUTS, 0, null, false, 0f, k);
                TrainingGraph single = new TrainingGraph(INPUT, HIDDEN, OUTPUTS)) {
            graph.importVariables(w);
            single.importVariables(w);
            // The ensemble scores with the mean of the sub-networks' logits: the one network of all the units.
            assertThat(graph.predict(SparseBatch.of(rows, INPUT))).isDeepEqualTo(single.predict(SparseBatch.of(rows,
                    INPUT)));
            float loss = graph.trainStep(SparseBatch.compact(rows), ones(2 * HIDDEN), y, 0.01f, 1);
            assertThat((double) loss).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5));
            float plain = single.trainStep(SparseBatch.compact(rows), ones(2 * HIDDEN), y, 0.01f, 1);
            assertThat(plain).isNotCloseTo(loss, org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    @Test
    void subnetworksThatDoNotDivideTheHiddenUnitsAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new TrainingGraph(INPUT, HIDDEN, OUTPUTS, 0, null, false, 0f, 3).close())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not divide");
    }

    @Test
    void positiveWeightsOfOneGiveThePlainLossAndTheSameStep() {
        List<SparseVector> rows = List.of(
                new SparseVector(new int[] {3, 7}, new float[] {0.6f, 0.8f}),
                new SparseVector(new int[] {7, 20}, new float[] {1f, 0.5f}));
        float[] y = {1, 0, 1, 1};
        try (TrainingGraph plain = new TrainingGraph(INPUT, HIDDEN, OUTPUTS);
                TrainingGraph weighted = new TrainingGraph(INPUT, HIDDEN, OUTPUTS, 0, ones(OUTPUTS))) {
            plain.importVariables(initial(4));
            weighted.importVariables(initial(4));
            float a = plain.trainStep(SparseBatch.compact(rows), ones(2 * HIDDEN), y, 0.01f, 1);
            float b = weighted.trainStep(SparseBatch.compact(rows), ones(2 * HIDDEN), y, 0.01f, 1);
            assertThat(b).isEqualTo(a);
            assertThat(weighted.exportVariables()).isDeepEqualTo(plain.exportVariables());
        }
    }

    @Test
    void aPositiveWeightMultipliesTheLossOfThePositiveEntriesOfItsLabel() {
        List<SparseVector> rows = List.of(
                new SparseVector(new int[] {3, 7}, new float[] {0.6f, 0.8f}),
                new SparseVector(new int[] {7, 20}, new float[] {1f, 0.5f}));
        float[] y = {1, 0, 0, 1};
        float[][] vars = initial(5);
        // The network by hand: per entry binary cross-entropy, mean over the two examples.
        double plain = 0, weighted = 0;
        for (int i = 0; i < rows.size(); i++) {
            double[] h = new double[HIDDEN];
            SparseVector x = rows.get(i);
            for (int u = 0; u < HIDDEN; u++) {
                double z = vars[1][u];
                for (int k = 0; k < x.indices().length; k++) z += x.values()[k] * vars[0][x.indices()[k] * HIDDEN + u];
                h[u] = Math.max(0, z);
            }
            for (int j = 0; j < OUTPUTS; j++) {
                double z = vars[3][j];
                for (int u = 0; u < HIDDEN; u++) z += h[u] * vars[2][u * OUTPUTS + j];
                double p = 1 / (1 + Math.exp(-z));
                double bce = y[i * OUTPUTS + j] == 1 ? -Math.log(p) : -Math.log(1 - p);
                plain += bce / rows.size();
                weighted += (j == 0 && y[i * OUTPUTS + j] == 1 ? 3 : 1) * bce / rows.size();
            }
        }
        try (TrainingGraph p = new TrainingGraph(INPUT, HIDDEN, OUTPUTS);
                TrainingGraph w = new TrainingGraph(INPUT, HIDDEN, OUTPUTS, 0, new float[] {3f, 1f})) {
            p.importVariables(vars);
            w.importVariables(vars);
            assertThat((double) p.trainStep(SparseBatch.compact(rows), ones(2 * HIDDEN), y, 0.01f, 1))
                    .isCloseTo(plain, org.assertj.core.data.Offset.offset(1e-5));
            assertThat((double) w.trainStep(SparseBatch.compact(rows), ones(2 * HIDDEN), y, 0.01f, 1))
                    .isCloseTo(weighted, org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void trainingFollowsTheWeightedLossToItsOptimum() {
        // One uninformative input, label 0 on 1 example in 10: the plain loss is least at p = 0.1, the loss with
        // positives weighing 9 at p = 9 * 0.1 / (9 * 0.1 + 0.9) = 0.5. The gradients must be the weighted loss's.
        List<SparseVector> xs = new ArrayList<>();
        float[] y = new float[40 * OUTPUTS];
        for (int i = 0; i < 40; i++) {
            xs.add(new SparseVector(new int[] {0}, new float[] {1f}));
            y[i * OUTPUTS] = i % 10 == 0 ? 1 : 0;
            y[i * OUTPUTS + 1] = 1;
        }
        float[] plain = meanScoreAfterTraining(null, xs, y);
        float[] weighted = meanScoreAfterTraining(new float[] {9f, 1f}, xs, y);
        assertThat(plain[0]).isCloseTo(0.1f, org.assertj.core.data.Offset.offset(0.03f));
        assertThat(weighted[0]).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(0.05f));
        assertThat(weighted[1]).as("a label whose weight is 1 learns as before").isCloseTo(plain[1],
                org.assertj.core.data.Offset.offset(0.01f));
    }

    private static float[] meanScoreAfterTraining(float[] positiveWeights, List<SparseVector> xs, float[] y) {
        try (TrainingGraph graph = new TrainingGraph(INPUT, HIDDEN, OUTPUTS, 0, positiveWeights)) {
            graph.importVariables(initial(6));
            for (int step = 1; step <= 400; step++) {
                graph.trainStep(SparseBatch.compact(xs), ones(xs.size() * HIDDEN), y, 0.01f, step);
            }
            float[][] p = graph.predict(SparseBatch.of(xs.subList(0, 1), INPUT));
            return p[0];
        }
    }

    @Test
    void exportedVariablesCanBeImportedBack() {
        try (TrainingGraph a = new TrainingGraph(INPUT, HIDDEN, OUTPUTS);
                TrainingGraph b = new TrainingGraph(INPUT, HIDDEN, OUTPUTS)) {
            a.importVariables(initial(3));
            b.importVariables(a.exportVariables());
            assertThat(b.exportVariables()).isDeepEqualTo(a.exportVariables());
        }
    }

    @Test
    void theAverageOfTheWeightsIsTheMovingAverageOfEveryStepWithLazyRowsCaughtUp() {
        // Horizon 3.5 steps: steps 1-3 average with equal weights, later ones decay by 1 - 1/3.5. Batches touch
        // different rows, so some rows of w1 skip steps and are caught up in closed form.
        float horizon = 3.5f;
        List<List<SparseVector>> batches = List.of(
                List.of(new SparseVector(new int[] {3, 7}, new float[] {0.6f, 0.8f}),
                        new SparseVector(new int[] {7, 20}, new float[] {1f, 0.5f})),
                List.of(new SparseVector(new int[] {1, 3}, new float[] {0.5f, 0.5f}),
                        new SparseVector(new int[] {40}, new float[] {1f})),
                List.of(new SparseVector(new int[] {20, 41}, new float[] {0.3f, 0.9f}),
                        new SparseVector(new int[] {2}, new float[] {1f})));
        float[][] start = initial(3);
        float[][] vars = Arrays.copyOf(start, 18);
        for (int i = 0; i < 4; i++) vars[12 + i] = start[i].clone(); // the average starts at the initial weights
        vars[16] = new float[INPUT];
        vars[17] = new float[1];
        try (TrainingGraph graph = new TrainingGraph(INPUT, HIDDEN, OUTPUTS, 0, null, true)) {
            assertThat(graph.variableNames()).hasSize(18).endsWith("w1_avg_step", "avg_step");
            assertThat(graph.modelVariables()).isEqualTo(12);
            graph.importVariables(vars);
            double[][] expected = new double[4][];
            for (int i = 0; i < 4; i++) expected[i] = toDoubles(start[i]);
            for (int step = 1; step <= 9; step++) {
                List<SparseVector> rows = batches.get(step % 3);
                float[] y = new float[rows.size() * OUTPUTS];
                y[step % y.length] = 1f;
                graph.trainStep(SparseBatch.compact(rows), ones(rows.size() * HIDDEN), y, 0.05f, step, horizon);
                double d = Math.min(1 - 1 / (double) horizon, 1 - 1 / (double) step);
                float[][] now = graph.exportVariables();
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < expected[i].length; j++) expected[i][j] = d * expected[i][j] + (1 - d) * now[i][j];
                }
            }
            graph.catchUpAverage(horizon);
            float[][] after = graph.exportVariables();
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < expected[i].length; j++) {
                    assertThat((double) after[12 + i][j]).as("%s[%d]", TrainingGraph.VARIABLE_NAMES.get(i), j)
                            .isCloseTo(expected[i][j], org.assertj.core.data.Offset.offset(1e-5));
                }
            }
            assertThat(after[0]).as("the average is not the last weights").isNotEqualTo(after[12]);
            // predict scores with the averaged weights
            SparseVector x = new SparseVector(new int[] {3, 20, 41}, new float[] {0.5f, 0.5f, 0.7071f});
            float[] p = graph.predict(SparseBatch.of(List.of(x), INPUT))[0];
            for (int o = 0; o < OUTPUTS; o++) {
                double z = expected[3][o];
                for (int h = 0; h < HIDDEN; h++) {
                    double a = expected[1][h];
                    for (int k = 0; k < x.nonZeros(); k++) a += x.values()[k] * expected[0][x.indices()[k] * HIDDEN + h];
                    z += Math.max(0, a) * expected[2][h * OUTPUTS + o];
                }
                assertThat((double) p[o]).isCloseTo(1 / (1 + Math.exp(-z)), org.assertj.core.data.Offset.offset(1e-5));
            }
        }
    }

    @Test
    void averagingLeavesTheTrainingStepsAsTheyWere() {
        List<SparseVector> rows = List.of(new SparseVector(new int[] {3, 7}, new float[] {0.6f, 0.8f}));
        float[][] start = initial(4);
        float[][] vars = Arrays.copyOf(start, 18);
        for (int i = 0; i < 4; i++) vars[12 + i] = start[i].clone();
        vars[16] = new float[INPUT];
        vars[17] = new float[1];
        try (TrainingGraph plain = new TrainingGraph(INPUT, HIDDEN, OUTPUTS);
                TrainingGraph averaging = new TrainingGraph(INPUT, HIDDEN, OUTPUTS, 0, null, true)) {
            plain.importVariables(start);
            averaging.importVariables(vars);
            for (int step = 1; step <= 3; step++) {
                float a = plain.trainStep(SparseBatch.compact(rows), ones(HIDDEN), new float[] {1, 0}, 0.05f, step);
                float b = averaging.trainStep(SparseBatch.compact(rows), ones(HIDDEN), new float[] {1, 0}, 0.05f, step, 2f);
                assertThat(b).isEqualTo(a);
            }
            float[][] p = plain.exportVariables();
            float[][] q = averaging.exportVariables();
            for (int i = 0; i < 12; i++) assertThat(q[i]).as(TrainingGraph.VARIABLE_NAMES.get(i)).containsExactly(p[i]);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> averaging.trainStep(SparseBatch.compact(rows),
                    ones(HIDDEN), new float[] {1, 0}, 0.05f, 4)).isInstanceOf(IllegalStateException.class);
        }
    }

    private static double[] toDoubles(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }
}
