package dev.categorizer.jobs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.record.LabelScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionExamplesTest {

    @Test
    void describesCategoriesBestFirstWithTwoDecimals() {
        assertThat(PredictionExamples.describe(List.of(new LabelScore("Western", 0.973), new LabelScore("War", 0.4))))
                .isEqualTo("Western 0.97, War 0.40");
        assertThat(PredictionExamples.describe(List.of())).isEqualTo("(no category over its threshold)");
    }

    @Test
    void recognisesASampleDirectory(@TempDir Path dir) throws Exception {
        assertThat(SampleData.isSample(dir)).isFalse();
        Files.writeString(dir.resolve("train.jsonl"), "");
        Files.writeString(dir.resolve("test.jsonl"), "");
        assertThat(SampleData.isSample(dir)).isTrue();
    }

    @Test
    void findsTheRepositorySampleFromTheModuleDirectory() {
        assertThat(SampleData.locate()).endsWith(Path.of("data", "sample"));
    }
}
