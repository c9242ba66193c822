package dev.categorizer.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.record.SparseVector;
import dev.categorizer.model.graph.SparseBatch;
import dev.categorizer.model.graph.TrainingGraph;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Merging round deltas: every weight ends as its round-start value plus every replica's change, in every replica. */
class RoundDeltaTest {
    static final int FEATURES = 50;
    static final int HIDDEN = 8;
    static final int OUTPUTS = 3;

    @Test
    void everyReplicaEndsWithTheStartPlusTheSumOfAllReplicasChanges() throws Exception {
        TrainingGraph a = new TrainingGraph(FEATURES, HIDDEN, OUTPUTS, 1);
        TrainingGraph b = new TrainingGraph(FEATURES, HIDDEN, OUTPUTS, 1);
        try (a; b) {
            WeightInitializer.initialise(a, 3);
            WeightInitializer.initialise(b, 3);
            float[][] start = a.exportVariables();
            RoundDelta da = new RoundDelta(a);
            RoundDelta db = new RoundDelta(b);
            da.begin();
            db.begin();
            SplittableRandom random = new SplittableRandom(9);
            for (int step = 1; step <= 3; step++) {
                train(a, da, random, 0, 30, step); // overlapping, but not equal, column ranges
                train(b, db, random, 20, 50, step);
            }
            float[][] afterA = a.exportVariables();
            float[][] afterB = b.exportVariables();
            List<byte[]> deltas = List.of(bytes(da), bytes(db));
            da.apply(streams(deltas), List.of("a", "b"));
            db.apply(streams(deltas), List.of("a", "b"));

            float[][] mergedA = a.exportVariables();
            float[][] mergedB = b.exportVariables();
            for (int v = 0; v < 4; v++) {
                for (int i = 0; i < start[v].length; i++) {
                    float expected = start[v][i] + (afterA[v][i] - start[v][i]) + (afterB[v][i] - start[v][i]);
                    assertThat(mergedA[v][i]).as("variable %d value %d", v, i).isCloseTo(expected, Offset.offset(1e-6f));
                }
                assertThat(mergedB[v]).as("replica b, variable %d", v).containsExactly(mergedA[v]);
            }
            // Optimizer state is each replica's own.
            assertThat(mergedA[4]).containsExactly(afterA[4]);
            assertThat(mergedB[4]).containsExactly(afterB[4]);
        }
    }

    private static void train(TrainingGraph graph, RoundDelta delta, SplittableRandom random, int from, int to,
            int step) {
        List<SparseVector> rows = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            int[] idx = random.ints(6, from, to).distinct().sorted().toArray();
            float[] val = new float[idx.length];
            Arrays.fill(val, 0.4f);
            rows.add(new SparseVector(idx, val));
        }
        SparseBatch batch = SparseBatch.compact(rows);
        delta.beforeStep(batch.columns());
        float[] mask = new float[rows.size() * HIDDEN];
        Arrays.fill(mask, 1f);
        float[] y = new float[rows.size() * OUTPUTS];
        for (int r = 0; r < rows.size(); r++) y[r * OUTPUTS + r % OUTPUTS] = 1f;
        graph.trainStep(batch, mask, y, 0.05f, step);
    }

    private static byte[] bytes(RoundDelta delta) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        delta.write(out);
        return out.toByteArray();
    }

    private static List<InputStream> streams(List<byte[]> deltas) {
        List<InputStream> out = new ArrayList<>();
        for (byte[] d : deltas) out.add(new ByteArrayInputStream(d));
        return out;
    }
}
