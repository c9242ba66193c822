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

    private static TrainingCheckpoint refitting(TunedThresholds tuned) {
        return new TrainingCheckpoint(1, 0, 40, 40, 0.5, 0, 0.7, 3, 1000, false, "save-4", new long[] {1, 2, 3, 4},
                "save-4", new long[] {5, 6}, null, null, true, tuned, List.of());
    }

    @Test
    void theTunedThresholdsAndTheTopLabelFallbackSurviveARoundTrip() throws IOException {
        TunedThresholds tuned = new TunedThresholds(new float[] {0.3f, 0.42f}, true, java.util.Map.of("validation_micro_f1", 0.8));

        TrainingCheckpoint back = read(bytes(refitting(tuned)));

        assertThat(back.tuned.thresholds()).containsExactly(0.3f, 0.42f);
        assertThat(back.tuned.topLabelFallback()).isTrue();
        assertThat(back.tuned.metrics()).containsEntry("validation_micro_f1", 0.8);
        assertThat(read(bytes(refitting(new TunedThresholds(new float[] {0.5f}, false, java.util.Map.of()))))
                .tuned.topLabelFallback()).isFalse();
    }

    @Test
    void aCheckpointOfTheFormatBeforeTheFallbackResumesWithoutIt() throws IOException {
        byte[] current = bytes(refitting(new TunedThresholds(new float[] {0.3f}, true, java.util.Map.of())));
        // Format 5 is format 6 without the fallback's byte, which comes just before the (empty) history's count.
        int at = current.length - Integer.BYTES - 1;
        byte[] format5 = new byte[current.length - 1];
        System.arraycopy(current, 0, format5, 0, at);
        System.arraycopy(current, at + 1, format5, at, current.length - at - 1);
        ByteBuffer.wrap(format5).putInt(0, 5);

        TrainingCheckpoint old = read(format5);

        assertThat(old.tuned.topLabelFallback()).isFalse();
        assertThat(old.tuned.thresholds()).containsExactly(0.3f);
        assertThat(old.history).isEmpty();
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
