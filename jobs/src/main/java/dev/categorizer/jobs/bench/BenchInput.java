package dev.categorizer.jobs.bench;

import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.common.record.Video;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /** Writes {@code videos} as JSON lines to {@code file}. */
    /**
     * Writes {@code videos} as a catalogue of {@code parts} JSON-lines files ({@code part-0.jsonl}, ...) in
     * {@code dir}, round robin, as an exported catalogue usually comes.
     */
    public static void writeJsonLinesParts(List<Video> videos, Path dir, int parts) throws IOException {
        for (int p = 0; p < parts; p++) {
            List<Video> part = new java.util.ArrayList<>();
            for (int i = p; i < videos.size(); i += parts) part.add(videos.get(i));
            writeJsonLines(part, dir.resolve("part-" + p + ".jsonl"));
        }
    }

    public static void writeJsonLines(List<Video> videos, Path file) throws IOException {
        VideoJsonCodec codec = new VideoJsonCodec();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Video v : videos) {
                w.write(codec.encode(v));
                w.newLine();
            }
        }
    }
}
