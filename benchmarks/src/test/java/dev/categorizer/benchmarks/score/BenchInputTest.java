package dev.categorizer.benchmarks.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.common.record.Video;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchInputTest {

    private final List<Video> videos = List.of(
            Video.unlabelled("a", "A", "", List.of()), Video.unlabelled("b", "B", "", List.of()));

    @Test
    void replicatesToAtLeastNWithDistinctIds(@TempDir Path dir) throws Exception {
        List<Video> five = BenchInput.replicate(videos, 5);
        assertThat(five).extracting(Video::id).containsExactly("a", "b", "a#1", "b#1", "a#2");
        assertThat(BenchInput.replicate(videos, 1)).hasSize(2);

        Path file;
        BenchInput.writeJsonLinesParts(five, dir, 1);
        file = dir.resolve("part-0.jsonl");
        assertThat(JsonLinesFiles.readVideos(file)).isEqualTo(five);
    }

    @Test
    void formatsMarkdownRows() {
        BenchResult r = new BenchResult("job", 1000, 2, 256, 0.5, 1.234, Double.NaN, "note");
        assertThat(r.docsPerSecond()).isEqualTo(2000);
        assertThat(r.toMarkdownRow()).isEqualTo("| job | 1000 | 2 | 256 | 0.50 | 2000 | 1.23 | - | note |");
    }
}
