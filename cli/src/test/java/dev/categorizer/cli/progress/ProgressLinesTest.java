package dev.categorizer.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.model.train.TrainingProgress;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What the progress lines of training and of reading files say, from the counters the tasks publish. */
class ProgressLinesTest {

    @Test
    void formatsBarsCountsSizesAndDurations() {
        assertThat(ProgressText.bar(0.25, 8)).isEqualTo("[██░░░░░░]");
        assertThat(ProgressText.bar(2, 4)).isEqualTo("[████]");
        assertThat(ProgressText.bar(Double.NaN, 2)).isEqualTo("[░░]");
        assertThat(ProgressText.count(1234567)).isEqualTo("1,234,567");
        assertThat(ProgressText.bytes(512)).isEqualTo("512 B");
        assertThat(ProgressText.bytes(3L << 30)).isEqualTo("3.0 GB");
        assertThat(ProgressText.duration(83_000)).isEqualTo("1:23");
        assertThat(ProgressText.duration(3_723_000)).isEqualTo("1:02:03");
    }

    @Test
    void trainingShowsTheEpochItsDocumentsTheirRateAndTheTimeLeft() {
        AtomicReference<TrainingProgress> latest = new AtomicReference<>();
        TrainingProgressLine line = new TrainingProgressLine(latest::get, 100, 2);
        assertThat(line.apply(0)).as("before the first step").isNull();

        latest.set(new TrainingProgress(3, 10, 40, 0.5, Double.NaN, false, 5_000, 65_000, false));
        line.apply(1_000); // the epoch starts being watched here
        latest.set(new TrainingProgress(3, 20, 40, 0.5, Double.NaN, false, 6_000, 64_000, false));

        assertThat(line.apply(2_000)).startsWith("epoch 3 [").contains("] 4,000/8,000 docs")
                .contains("2,000 docs/s").endsWith("~1:04 left");
        latest.set(new TrainingProgress(1, 1, 40, 0.5, Double.NaN, false, 7_000, 10_000, true));
        assertThat(line.apply(2_100)).startsWith("refit epoch 1 [").contains(" - docs/s");
    }

    @Test
    void readingShowsTheShareOfTheInputAndTheTimeLeft() {
        AtomicLong records = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        ReadProgressLine line = new ReadProgressLine("scoring", records::get, bytes::get, 4_000_000, 0);
        assertThat(line.apply(500)).as("nothing read yet").isNull();

        records.set(10_000);
        bytes.set(1_000_000);
        assertThat(line.apply(2_000)).startsWith("scoring [██████░░░░░░░░░░░░░░░░░░] 10,000 docs")
                .contains("976.6 KB of 3.8 MB", "5,000 docs/s").endsWith("~0:06 left");
        assertThat(new ReadProgressLine("scoring", records::get, bytes::get, 0, 0).apply(2_000))
                .isEqualTo("scoring 10,000 docs  976.6 KB read  5,000 docs/s");
    }
}
