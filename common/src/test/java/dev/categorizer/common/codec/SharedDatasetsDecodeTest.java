package dev.categorizer.common.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.categorizer.common.record.Video;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Decodes the shared Reuters training set, when it is there: {@code shared/data} lives next to the repository
 * and is never copied into it. Skipped (not failed) elsewhere.
 */
class SharedDatasetsDecodeTest {

    static final String REUTERS_TRAIN = "shared/data/reuters21578-modapte/train.jsonl";

    /** Walks up from the working directory (the module or the repository) to the first ancestor holding {@code relative}. */
    static Optional<Path> findUpwards(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Test
    void everyReutersTrainingLineDecodes() throws IOException {
        Optional<Path> file = findUpwards(REUTERS_TRAIN);
        assumeTrue(file.isPresent(), REUTERS_TRAIN + " not found above " + Path.of("").toAbsolutePath());

        List<Video> videos = JsonLinesFiles.readVideos(file.get()); // throws on the first bad line

        long lines;
        try (Stream<String> all = Files.lines(file.get())) {
            lines = all.filter(line -> !line.isBlank()).count();
        }
        assertThat(videos).hasSize((int) lines);
        assertThat(videos).allSatisfy(v -> assertThat(v.id()).isNotBlank());
        assertThat(videos).filteredOn(v -> !v.labels().isEmpty()).hasSize(videos.size());
    }
}
