package dev.categorizer.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.model.tensor.MemoryTensorStore;
import dev.categorizer.model.tensor.TensorStore;
import dev.categorizer.model.testutil.ToyData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Data-parallel training without Flink: replicas driven in lockstep in one thread, exchanging their round deltas
 * through a store, as the Flink training source does through its file system.
 */
class TrainingReplicasTest {
    private final ToyData toy = new ToyData(11, 300, 50);
    private final HyperParameters hp =
            HyperParameters.builder().hidden(16).epochs(6).batchSize(16).learningRate(0.01f).seed(5).build();

    @Test
    void replicasEndEveryRoundWithTheSameWeightsAndLearnTheToyCategories() throws IOException {
        Result two = train(2, 4);
        assertThat(two.weights.get(1)).as("replica 1's w1 equals replica 0's").isEqualTo(two.weights.get(0));
        assertThat(two.model.validationMetrics().get("validation_micro_f1")).isGreaterThan(0.9);
        double single = TrainingRun.trainToEnd(toy.trainingData(), hp, p -> {}).validationMetrics()
                .get("validation_micro_f1");
        assertThat(two.model.validationMetrics().get("validation_micro_f1")).isCloseTo(single,
                org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void theSameSeedAndParallelismGiveTheSameModel() throws IOException {
        assertThat(train(2, 3).weights.get(0)).isEqualTo(train(2, 3).weights.get(0));
    }

    @Test
    void oneReplicaTrainsExactlyLikeASingleRun() throws IOException {
        Result one = train(1, Replicas.DEFAULT_SYNC_STEPS);
        TrainedModel single = TrainingRun.trainToEnd(toy.trainingData(), hp, p -> {});
        assertThat(one.model.weights().w1()).containsExactly(single.weights().w1());
    }

    private record Result(TrainedModel model, List<byte[]> weights) {}

    /** Trains {@code count} replicas in lockstep; returns replica 0's model and every replica's final w1 file. */
    private Result train(int count, int syncSteps) throws IOException {
        TensorStore store = new MemoryTensorStore();
        List<TrainingRun> runs = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            runs.add(TrainingRun.start(toy.trainingData(), hp, store,
                    Replicas.of(r, count).withSyncSteps(syncSteps).withThreads(1)));
        }
        try {
            for (int round = 0; !runs.get(0).isDone(); round++) {
                for (TrainingRun run : runs) {
                    while (!run.roundComplete()) run.step();
                }
                if (count > 1) {
                    for (int r = 0; r < count; r++) {
                        try (OutputStream out = store.create("sync/" + round + "/" + r)) {
                            runs.get(r).writeRoundDelta(out);
                        }
                    }
                    for (TrainingRun run : runs) {
                        List<InputStream> in = new ArrayList<>();
                        List<String> names = new ArrayList<>();
                        for (int r = 0; r < count; r++) {
                            in.add(store.open("sync/" + round + "/" + r));
                            names.add("sync/" + round + "/" + r);
                        }
                        run.applyRoundDeltas(in, names);
                    }
                }
                for (TrainingRun run : runs) run.endRound();
                for (TrainingRun run : runs) assertThat(run.isDone()).isEqualTo(runs.get(0).isDone());
            }
            List<byte[]> weights = new ArrayList<>();
            for (int r = 0; r < count; r++) {
                runs.get(r).checkpoint("final-" + r);
                try (InputStream in = store.open("final-" + r + "/w1")) {
                    weights.add(in.readAllBytes());
                }
            }
            return new Result(runs.get(0).finish(), weights);
        } finally {
            runs.forEach(TrainingRun::close);
        }
    }
}
