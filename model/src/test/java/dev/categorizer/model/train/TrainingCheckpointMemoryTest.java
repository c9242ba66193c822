package dev.categorizer.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.record.SparseVector;
import dev.categorizer.model.examples.Example;
import dev.categorizer.model.tensor.LocalTensorStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test that would have caught the out-of-memory checkpoints: starting, checkpointing and resuming a run whose
 * first layer and Adam moments take 3 x 64 MB allocate only a few blocks' worth of Java heap, because tensors move
 * between TensorFlow and files block by block.
 */
class TrainingCheckpointMemoryTest {
    static final int FEATURES = 250_000;
    static final int HIDDEN = 64; // w1 is 64 MB; with its two Adam moments 192 MB
    static final long MODEL_BYTES = 3L * FEATURES * HIDDEN * 4;

    @TempDir
    Path tmp;

    @Test
    void startCheckpointAndResumeAllocateFarLessHeapThanTheModel() {
        TrainingData data = randomData();
        HyperParameters hp = HyperParameters.builder().hidden(HIDDEN).epochs(1).batchSize(32).seed(3).build();
        LocalTensorStore store = new LocalTensorStore(tmp);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        // Loading TensorFlow's library and classes allocates on its own; do it before measuring.
        new dev.categorizer.model.graph.TrainingGraph(10, 2, 1).close();

        long before = threads.getThreadAllocatedBytes(id);
        TrainingCheckpoint checkpoint;
        try (TrainingRun run = TrainingRun.start(data, hp, store)) {
            run.step();
            long afterStart = threads.getThreadAllocatedBytes(id);
            System.out.printf("heap allocated: start %d MB%n", (afterStart - before) >> 20);
            assertThat(afterStart - before).as("heap allocated to start a run").isLessThan(MODEL_BYTES / 4);

            long beforeSnapshot = threads.getThreadAllocatedBytes(id);
            checkpoint = run.checkpoint("chk-1");
            long snapshot = threads.getThreadAllocatedBytes(id) - beforeSnapshot;
            System.out.printf("heap allocated: checkpoint %d MB of %d MB%n", snapshot >> 20, MODEL_BYTES >> 20);
            assertThat(snapshot).as("heap allocated by a checkpoint of %d model bytes", MODEL_BYTES)
                    .isLessThan(MODEL_BYTES / 8);
        }
        long beforeResume = threads.getThreadAllocatedBytes(id);
        try (TrainingRun resumed = TrainingRun.resume(data, hp, checkpoint, store)) {
            long resume = threads.getThreadAllocatedBytes(id) - beforeResume;
            System.out.printf("heap allocated: resume %d MB%n", resume >> 20);
            assertThat(resume).as("heap allocated to resume").isLessThan(MODEL_BYTES / 8);
            assertThat(resumed.globalStep()).isEqualTo(1);
        }
    }

    private static TrainingData randomData() {
        SplittableRandom random = new SplittableRandom(1);
        List<Example> train = new ArrayList<>();
        List<Example> validation = new ArrayList<>();
        for (int d = 0; d < 200; d++) {
            int[] indices = random.ints(20, 0, FEATURES).distinct().sorted().toArray();
            float[] values = new float[indices.length];
            java.util.Arrays.fill(values, 0.2f);
            Example e = new Example(new SparseVector(indices, values), new int[] {d % 3});
            (d % 10 == 0 ? validation : train).add(e);
        }
        return new TrainingData(train, validation, List.of("a", "b", "c"), FEATURES);
    }
}
