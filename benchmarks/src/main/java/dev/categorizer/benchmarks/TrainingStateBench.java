package dev.categorizer.benchmarks;

import dev.categorizer.common.io.FileTrees;
import dev.categorizer.common.record.SparseVector;
import dev.categorizer.model.examples.Example;
import dev.categorizer.model.tensor.LocalTensorStore;
import dev.categorizer.model.train.HyperParameters;
import dev.categorizer.model.train.TrainingCheckpoint;
import dev.categorizer.model.train.TrainingData;
import dev.categorizer.model.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * How long saving and restoring a training run's state takes, and how large it is, for first layers of the given
 * numbers of features: the time a save blocks training (every variable written as tensor files, block by block),
 * the bytes written, the time to resume from them, and the JVM heap in use. Run it with a small heap to see that
 * the state never passes through one Java array:
 *
 * <pre>
 * java -Xmx256m -cp ... dev.categorizer.benchmarks.TrainingStateBench /tmp/state 256 200000 1000000
 * </pre>
 */
public final class TrainingStateBench {
    private TrainingStateBench() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int hidden = Integer.parseInt(args[1]);
        System.out.println("| features x hidden | save (blocks training) s | state written | restore s | heap used after, MB |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int i = 2; i < args.length; i++) {
            int features = Integer.parseInt(args[i]);
            Path store = dir.resolve("state-" + features);
            FileTrees.delete(store);
            TrainingData data = data(features);
            HyperParameters hp = HyperParameters.builder().hidden(hidden).epochs(1).batchSize(32).seed(1).build();
            LocalTensorStore tensors = new LocalTensorStore(store);
            TrainingCheckpoint checkpoint;
            double save;
            try (TrainingRun run = TrainingRun.start(data, hp, tensors)) {
                run.step();
                long started = System.nanoTime();
                checkpoint = run.checkpoint("chk-1");
                save = (System.nanoTime() - started) / 1e9;
            }
            long bytes = size(store);
            long started = System.nanoTime();
            try (TrainingRun resumed = TrainingRun.resume(data, hp, checkpoint, tensors)) {
                double restore = (System.nanoTime() - started) / 1e9;
                Runtime rt = Runtime.getRuntime();
                System.gc();
                System.out.printf("| %,d x %d | %.2f | %.2f GB | %.2f | %d (max %d) |%n", features, hidden, save,
                        bytes / 1e9, restore, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
            }
            FileTrees.delete(store);
        }
    }

    private static TrainingData data(int features) {
        SplittableRandom random = new SplittableRandom(1);
        List<Example> train = new ArrayList<>();
        List<Example> validation = new ArrayList<>();
        for (int d = 0; d < 400; d++) {
            int[] indices = random.ints(60, 0, features).distinct().sorted().toArray();
            float[] values = new float[indices.length];
            java.util.Arrays.fill(values, 0.1f);
            (d % 10 == 0 ? validation : train).add(new Example(new SparseVector(indices, values), new int[] {d % 7}));
        }
        return new TrainingData(train, validation, List.of("a", "b", "c", "d", "e", "f", "g"), features);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
