package dev.categorizer.jobs.io;

import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.common.record.Video;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * The Avro schema under which Parquet video files are read (id, title, description: string; tags, labels:
 * array&lt;string&gt;; all nullable, missing columns read as null) and the mapping of its records to videos.
 */
public final class VideoAvroSchema {

    static final String JSON = """
            {"type": "record", "name": "Video", "namespace": "dev.categorizer", "fields": [
              {"name": "id", "type": ["null", "string"], "default": null},
              {"name": "title", "type": ["null", "string"], "default": null},
              {"name": "description", "type": ["null", "string"], "default": null},
              {"name": "tags", "type": ["null", {"type": "array", "items": ["null", "string"]}], "default": null},
              {"name": "labels", "type": ["null", {"type": "array", "items": ["null", "string"]}], "default": null}
            ]}""";

    private VideoAvroSchema() {}

    /** A new schema instance (Avro schemas are not shared between tasks on purpose: they are cheap). */
    public static Schema schema() {
        return new Schema.Parser().parse(JSON);
    }

    /** A video, or a dead letter when the record has no id. */
    public static ParsedVideo toParsedVideo(GenericRecord record) {
        String id = string(record.get("id"));
        if (id == null || id.isBlank()) {
            return ParsedVideo.rejected(DeadLetter.of(String.valueOf(record), "missing id", Instant.now()));
        }
        return ParsedVideo.ok(new Video(
                id,
                string(record.get("title")),
                string(record.get("description")),
                strings(record.get("tags")),
                strings(record.get("labels"))));
    }

    private static String string(Object value) {
        return value == null ? null : value.toString(); // Avro gives Utf8 or String
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof Collection<?> items)) {
            return List.of();
        }
        List<String> out = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item != null) {
                out.add(item.toString());
            }
        }
        return out;
    }
}
