package dev.categorizer.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.metrics.EpochMetrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingCheckpointTest {

    private static TrainingCheckpoint checkpoint(List<EpochMetrics> history) {
        return new TrainingCheckpoint(2, 5, 35, 35, 1.5, 0, 0.7, 2, 1000, false, "save-3", new long[] {1, 2, 3, 4},
                "save-3", new long[] {5, 6}, "best-30", new long[] {7, 8, 9, 10}, false, null, history);
    }

    private static byte[] bytes(TrainingCheckpoint c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.writeTo(new DataOutputStream(out));
        return out.toByteArray();
    }

    private static TrainingCheckpoint read(byte[] bytes) throws IOException {
        return TrainingCheckpoint.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    void theEpochHistorySurvivesARoundTrip() throws IOException {
        List<EpochMetrics> history = List.of(new EpochMetrics(EpochMetrics.TRAIN, 1, 0.9, 0.4),
                new EpochMetrics(EpochMetrics.TRAIN, 2, 0.5, 0.7), new EpochMetrics(EpochMetrics.REFIT, 1, 0.8, null));

        assertThat(read(bytes(checkpoint(history))).history).isEqualTo(history);
    }

    @Test
    void aCheckpointOfTheFormatBeforeTheHistoryStillResumesWithAnEmptyOne() throws IOException {
        byte[] current = bytes(checkpoint(List.of()));
        // Format 4 is format 5 without the trailing epoch count.
        byte[] format4 = Arrays.copyOf(current, current.length - Integer.BYTES);
        ByteBuffer.wrap(format4).putInt(0, 4);

        TrainingCheckpoint old = read(format4);

        assertThat(old.history).isEmpty();
        assertThat(old.globalStep()).isEqualTo(35);
        assertThat(old.bestLocation()).isEqualTo("best-30");
    }
}
