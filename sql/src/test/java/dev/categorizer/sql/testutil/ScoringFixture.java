package dev.categorizer.sql.testutil;

import dev.categorizer.common.record.Video;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the SQL scoring tests share: a tiny model bundle, 40 test videos plus edge cases (NULL, missing, empty and
 * unknown-word fields) written as JSON lines under {@code videos/}, and the Predictor's answers for all of them.
 */
public record ScoringFixture(Path bundle, Map<String, ExpectedScores> expected) {

    public static ScoringFixture create(Path dir) {
        Path bundle = TinyModel.writeBundle(dir.resolve("model"));
        List<Video> videos = TinyModel.sampleVideos("test.jsonl", 40);
        VideoFiles.write(dir.resolve("videos/part-0.jsonl"), VideoFiles.linesWithEdgeCases(videos));
        List<Video> all = new ArrayList<>(videos);
        all.addAll(VideoFiles.edgeCaseVideos(videos));
        return new ScoringFixture(bundle, ExpectedScores.of(bundle, all));
    }
}
