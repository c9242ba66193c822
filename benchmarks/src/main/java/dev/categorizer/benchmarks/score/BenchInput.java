package dev.categorizer.benchmarks.score;

import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.common.record.Video;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's documents: a data set repeated to at least N documents, each copy with its own id. */
public final class BenchInput {

    private BenchInput() {}

    /** {@code videos} repeated until there are at least {@code atLeast}; copies get ids {@code <id>#<copy>}. */
    public static List<Video> replicate(List<Video> videos, int atLeast) {
        if (videos.isEmpty()) throw new IllegalArgumentException("no documents to benchmark with");
        List<Video> out = new ArrayList<>(Math.max(atLeast, videos.size()));
        out.addAll(videos);
        for (int copy = 1; out.size() < atLeast; copy++) {
            for (Video v : videos) {
                if (out.size() >= atLeast) break;
                out.add(new Video(v.id() + "#" + copy, v.title(), v.description(), v.tags(), v.labels()));
            }
        }
        return out;
    }

    /**
     * Writes {@code videos} as a catalogue of {@code parts} JSON-lines files ({@code part-0.jsonl}, ...) in
     * {@code dir}, round robin, as an exported catalogue usually comes.
     */
    public static void writeJsonLinesParts(List<Video> videos, Path dir, int parts) throws IOException {
        for (int p = 0; p < parts; p++) {
            List<Video> part = new ArrayList<>();
            for (int i = p; i < videos.size(); i += parts) part.add(videos.get(i));
            JsonLinesFiles.writeVideos(part, dir.resolve("part-" + p + ".jsonl"));
        }
    }
}
