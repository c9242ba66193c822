package dev.categorizer.benchmarks;

import dev.categorizer.common.record.SparseVector;
import dev.categorizer.model.graph.SparseBatch;
import dev.categorizer.model.graph.TrainingGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sparse first layer at vocabulary sizes 10k, 100k and 1M with the SAME batch (64 documents of 100 non-zeros
 * drawn from the first 10k features): the forward pass and one training step (forward, gradients, lazy Adam).
 * With updates that touch only the batch's rows, the step time should not grow with the vocabulary.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@State(Scope.Benchmark)
public class SparseLayerBenchmark {
    static final int HIDDEN = 256;
    static final int LABELS = 90;
    static final int BATCH = 64;
    static final int NON_ZEROS = 100;

    @Param({"10000", "100000", "1000000"})
    public int vocabulary;

    private TrainingGraph graph;
    private SparseBatch compact;
    private SparseBatch wide;
    private float[] mask;
    private float[] labels;
    private long step;

    @Setup(Level.Trial)
    public void build() {
        SplittableRandom random = new SplittableRandom(1);
        List<SparseVector> rows = new ArrayList<>();
        for (int r = 0; r < BATCH; r++) {
            int[] idx = random.ints(0, 10_000).distinct().limit(NON_ZEROS).sorted().toArray();
            float[] val = new float[NON_ZEROS];
            Arrays.fill(val, 0.1f);
            rows.add(new SparseVector(idx, val));
        }
        compact = SparseBatch.compact(rows);
        wide = SparseBatch.of(rows, vocabulary);
        mask = new float[BATCH * HIDDEN];
        Arrays.fill(mask, 1f);
        labels = new float[BATCH * LABELS];
        for (int r = 0; r < BATCH; r++) labels[r * LABELS + random.nextInt(LABELS)] = 1f;

        graph = new TrainingGraph(vocabulary, HIDDEN, LABELS);
        long[][] shapes = graph.variableShapes();
        float[][] variables = new float[shapes.length][];
        for (int i = 0; i < shapes.length; i++) {
            long size = Arrays.stream(shapes[i]).reduce(1, (a, b) -> a * b);
            variables[i] = new float[Math.toIntExact(size)];
            if (i == 0 || i == 2) for (int k = 0; k < variables[i].length; k++) variables[i][k] = 0.01f * ((k % 7) - 3);
        }
        graph.importVariables(variables);
    }

    @TearDown(Level.Trial)
    public void close() {
        graph.close();
    }

    @Benchmark
    public float trainStep() {
        return graph.trainStep(compact, mask, labels, 0.001f, ++step);
    }

    @Benchmark
    public float[][] forward() {
        return graph.predict(wide);
    }
}
