package dev.categorizer.jobs.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.common.record.SparseVector;
import dev.categorizer.model.examples.Example;
import dev.categorizer.model.train.HyperParameters;
import dev.categorizer.model.train.TrainingData;
import dev.categorizer.model.train.TrainingRun;
import java.io.IOException;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSplitSerializerTest {

    private final TrainingSplitSerializer serializer = TrainingSplitSerializer.INSTANCE;

    @TempDir
    Path tmp;

    @Test
    void roundTripsAFreshSplit() throws IOException {
        TrainingSplit back = serializer.deserialize(serializer.getVersion(), serializer.serialize(TrainingSplit.fresh()));
        assertThat(back.splitId()).isEqualTo(TrainingSplit.ID);
        assertThat(back.checkpoint()).isNull();
        assertThat(back.globalStep()).isZero();
    }

    @Test
    void roundTripsASplitHoldingARealTrainingCheckpoint() throws IOException {
        TrainingData data = new TrainingData(
                List.of(example(new int[] {0, 1}, 0), example(new int[] {2, 3}, 1), example(new int[] {1, 4}, 0),
                        example(new int[] {3}, 1)),
                List.of(example(new int[] {0}, 0), example(new int[] {3}, 1)),
                List.of("a", "b"),
                5);
        HyperParameters hp = HyperParameters.builder().hidden(4).epochs(2).batchSize(2).build();
        FlinkTensorStore store = new FlinkTensorStore(tmp.toString());
        try (TrainingRun run = TrainingRun.start(data, hp, store)) {
            run.step();
            run.step();
            run.step();
            TrainingSplit split = TrainingSplit.fresh().withCheckpoint(run.checkpoint("chk-7"));
            byte[] bytes = serializer.serialize(split);

            TrainingSplit back = serializer.deserialize(serializer.getVersion(), bytes);

            assertThat(back.globalStep()).isEqualTo(3);
            assertThat(serializer.serialize(back)).isEqualTo(bytes);
            assertThat(bytes.length).as("names and checksums, not tensors").isLessThan(1024);
            assertThat(back.checkpoint().variablesLocation()).isEqualTo("chk-7");
            try (TrainingRun resumed = TrainingRun.resume(data, hp, back.checkpoint(), store)) {
                assertThat(resumed.globalStep()).isEqualTo(3);
            }
        }
    }

    @Test
    void rejectsUnknownVersions() {
        assertThatThrownBy(() -> serializer.deserialize(99, new byte[0])).isInstanceOf(IOException.class);
    }

    @Test
    void pendingSplitsRoundTrip() throws IOException {
        PendingSplitsSerializer pending = new PendingSplitsSerializer();
        assertThat(pending.deserialize(1, pending.serialize(List.of()))).isEmpty();
        assertThat(pending.deserialize(1, pending.serialize(List.of(TrainingSplit.fresh()))))
                .containsExactly(TrainingSplit.fresh());
    }

    private static Example example(int[] indices, int label) {
        float[] values = new float[indices.length];
        java.util.Arrays.fill(values, 1f / (float) Math.sqrt(indices.length));
        return new Example(new SparseVector(indices, values), new int[] {label});
    }
}
