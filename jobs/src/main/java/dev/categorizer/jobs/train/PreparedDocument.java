package dev.categorizer.jobs.train;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.categorizer.common.codec.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A training document after the text pipeline: its id, its features (with repeats: term frequency matters) and
 * its labels. Stored by the prepare stage as one JSON line {@code {"id","features":[..],"labels":[..]}}.
 */
public record PreparedDocument(String id, List<String> features, List<String> labels) {

    public PreparedDocument {
        features = List.copyOf(features);
        labels = List.copyOf(labels);
    }

    public String toJson() {
        StringWriter out = new StringWriter(32 + 12 * features.size());
        try (JsonGenerator g = Json.mapper().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", id);
            writeArray(g, "features", features);
            writeArray(g, "labels", labels);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** Reads a line written by {@link #toJson()}; these files are ours, so a bad line is a bug and throws. */
    public static PreparedDocument fromJson(String line) {
        try {
            JsonNode node = Json.mapper().readTree(line);
            return new PreparedDocument(node.get("id").asText(), strings(node.get("features")), strings(node.get("labels")));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a prepared document: " + abbreviate(line), e);
        }
    }

    private static void writeArray(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>(array.size());
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
