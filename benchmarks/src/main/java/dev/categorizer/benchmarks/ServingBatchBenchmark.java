package dev.categorizer.benchmarks;

import dev.categorizer.common.record.SparseVector;
import dev.categorizer.model.graph.SparseBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ordering a serving batch by feature ({@link SparseBatch#columnMajor}), the step before the sparse product, in
 * milliseconds per batch, one thread: the counting sort and the radix sort on the same batch of {@code batch}
 * documents of about 150 features over a vocabulary of {@code inputSize} (a few shared features, most rare, as
 * in a film's metadata).
 *
 * <pre>{@code
 * java -cp "$(cat cli/target/launcher/classpath)" org.openjdk.jmh.Main ServingBatchBenchmark
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class ServingBatchBenchmark {
    @Param({"4096"})
    int batch;

    @Param({"18000", "30000"})
    int inputSize;

    private List<SparseVector> vectors;
    private int nnz;

    @Setup
    public void prepare() {
        SplittableRandom random = new SplittableRandom(42);
        vectors = new ArrayList<>();
        for (int d = 0; d < batch; d++) {
            TreeSet<Integer> ids = new TreeSet<>();
            for (int i = 0; i < 150; i++) ids.add(random.nextBoolean() ? random.nextInt(300) : random.nextInt(inputSize));
            int[] indices = ids.stream().mapToInt(Integer::intValue).toArray();
            float[] values = new float[indices.length];
            for (int i = 0; i < values.length; i++) values[i] = (float) random.nextDouble();
            vectors.add(new SparseVector(indices, values));
            nnz += indices.length;
        }
    }

    @Benchmark
    public SparseBatch countingSort() {
        return SparseBatch.byCounting(vectors, inputSize, nnz);
    }

    @Benchmark
    public SparseBatch radixSort() {
        return SparseBatch.byRadix(vectors, inputSize, nnz);
    }
}
