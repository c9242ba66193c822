package dev.categorizer.common.codec;

import dev.categorizer.common.record.Video;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes JSON-lines files of videos (one {@link VideoJsonCodec} record per line) in memory, for tests,
 * benchmarks and tools. Blank lines are skipped; CRLF line ends are accepted.
 *
 * <pre>{@code
 * JsonLinesFiles.writeVideos(videos, Path.of("test.jsonl"));
 * List<Video> back = JsonLinesFiles.readVideos(Path.of("test.jsonl"));
 * }</pre>
 */
public final class JsonLinesFiles {

    private JsonLinesFiles() {}

    /**
     * All videos of {@code file}, with the default {@link VideoJsonCodec}.
     *
     * @throws IOException if the file cannot be read or a line is invalid; the message then starts with
     *     {@code file:line:} followed by the reason
     */
    public static List<Video> readVideos(Path file) throws IOException {
        return readVideos(file, new VideoJsonCodec());
    }

    /** All videos of {@code file}, decoded with {@code codec}; see {@link #readVideos(Path)}. */
    public static List<Video> readVideos(Path file, VideoJsonCodec codec) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<Video> videos = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start < bytes.length) {
            lineNumber++;
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int next = end + 1;
            if (end > start && bytes[end - 1] == '\r') {
                end--;
            }
            if (!isBlank(bytes, start, end)) {
                try {
                    videos.add(codec.decode(bytes, start, end - start));
                } catch (InvalidRecordException e) {
                    throw new IOException(file + ":" + lineNumber + ": " + e.reason(), e);
                }
            }
            start = next;
        }
        return videos;
    }

    /** Writes {@code videos} to {@code file} (UTF-8), one line each, with the default {@link VideoJsonCodec}. */
    public static void writeVideos(List<Video> videos, Path file) throws IOException {
        VideoJsonCodec codec = new VideoJsonCodec();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Video v : videos) {
                w.write(codec.encode(v));
                w.newLine();
            }
        }
    }

    private static boolean isBlank(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
