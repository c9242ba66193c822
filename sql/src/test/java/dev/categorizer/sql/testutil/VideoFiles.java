package dev.categorizer.sql.testutil;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.categorizer.common.record.Video;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes JSON-lines video files for SQL tests, including the awkward rows: NULL and missing fields, empty values,
 * a NULL tag and words no model knows.
 */
public final class VideoFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VideoFiles() {}

    /** Lines for {@code videos}, then the awkward rows (ids {@code null-all}, {@code empty-all}, ...). */
    public static List<String> linesWithEdgeCases(List<Video> videos) {
        List<String> lines = new ArrayList<>();
        for (Video v : videos) {
            lines.add(line(v));
        }
        lines.add("{\"id\":\"null-all\",\"title\":null,\"description\":null,\"tags\":null}");
        lines.add("{\"id\":\"missing-all\"}");
        lines.add("{\"id\":\"empty-all\",\"title\":\"\",\"description\":\"\",\"tags\":[]}");
        lines.add("{\"id\":\"unknown-words\",\"title\":\"zqxv wprtk\",\"description\":\"qqzx\",\"tags\":[\"xyzzy\"]}");
        Video first = videos.get(0);
        lines.add("{\"id\":\"title-only\",\"title\":" + quote(first.title()) + "}");
        lines.add("{\"id\":\"null-tag\",\"title\":" + quote(first.title()) + ",\"description\":null,"
                + "\"tags\":[\"comedy\",null,\"drama\"]}");
        return lines;
    }

    /** The videos the edge-case lines stand for, as a scorer should see them (NULL = empty, NULL tag dropped). */
    public static List<Video> edgeCaseVideos(List<Video> videos) {
        Video first = videos.get(0);
        return List.of(
                Video.unlabelled("null-all", null, null, null),
                Video.unlabelled("missing-all", null, null, null),
                Video.unlabelled("empty-all", "", "", List.of()),
                Video.unlabelled("unknown-words", "zqxv wprtk", "qqzx", List.of("xyzzy")),
                Video.unlabelled("title-only", first.title(), null, null),
                Video.unlabelled("null-tag", first.title(), null, List.of("comedy", "drama")));
    }

    public static Path write(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(Video v) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", v.id());
        node.put("title", v.title());
        node.put("description", v.description());
        ArrayNode tags = node.putArray("tags");
        v.tags().forEach(tags::add);
        return node.toString();
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
