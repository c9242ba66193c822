package dev.categorizer.benchmarks;

import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.common.record.Video;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The documents a benchmark runs on: {@code -Dcategorizer.corpus=FILE} (JSON lines), else the shared Reuters
 * training set when {@code ../shared} is there, else the bundled sample.
 */
final class Corpus {
    private Corpus() {}

    static List<Video> load() {
        try {
            return JsonLinesFiles.readVideos(locate());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the benchmark corpus: " + e.getMessage(), e);
        }
    }

    static Path locate() {
        String chosen = System.getProperty("categorizer.corpus");
        if (chosen != null) return Path.of(chosen);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path shared = dir.resolveSibling("shared").resolve("data/reuters21578-modapte/train.jsonl");
            if (Files.isRegularFile(shared)) return shared;
            Path sample = dir.resolve("data/sample/train.jsonl");
            if (Files.isRegularFile(sample)) return sample;
        }
        throw new IllegalStateException("no corpus found: set -Dcategorizer.corpus=FILE.jsonl");
    }
}
