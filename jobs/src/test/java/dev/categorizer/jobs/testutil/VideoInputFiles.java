package dev.categorizer.jobs.testutil;

import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.io.VideoAvroSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Input files for the score job's tests: JSON lines with one bad record of each kind after the good ones, and
 * Parquet files of videos.
 *
 * <pre>{@code
 * List<String> reasons = VideoInputFiles.writeJsonLinesWithBadRecords(dir.resolve("in.jsonl"), videos);
 * VideoInputFiles.writeParquet(dir.resolve("in/videos.parquet"), videos);
 * }</pre>
 */
public final class VideoInputFiles {

    private VideoInputFiles() {}

    /** Good videos, then one bad record of each kind; returns the expected dead-letter reasons, in order. */
    public static List<String> writeJsonLinesWithBadRecords(Path file, List<Video> videos) throws IOException {
        VideoJsonCodec codec = new VideoJsonCodec();
        List<String> reasons = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(file)) {
            for (Video v : videos) line(out, codec.encode(v));
            line(out, "{\"id\": \"broken\", \"title\": ");                                   // malformed JSON
            reasons.add("");
            line(out, "{\"title\": \"no id\", \"description\": \"a western\"}");            // missing id
            reasons.add("");
            line(out, "{\"id\": \"typed\", \"title\": \"t\", \"tags\": \"not a list\"}");   // wrong type
            reasons.add("");
            line(out, "{\"id\": \"empty\", \"title\": \"\", \"description\": \"  \", \"tags\": []}");
            reasons.add("empty text");
            line(out, "{\"id\": \"unknown\", \"title\": \"Qwxzv Plrktz\", \"description\": \"zzqxv vvkrp\"}");
            reasons.add("no known token");
            line(out, codec.encode(Video.unlabelled("long", "A drama", "film ".repeat(2_000), List.of())));
            reasons.add("text too long");
            byte[] invalidUtf8 = "{\"id\": \"utf\", \"title\": \"caf__\"}".getBytes(StandardCharsets.UTF_8);
            invalidUtf8[invalidUtf8.length - 4] = (byte) 0xC3;
            invalidUtf8[invalidUtf8.length - 3] = (byte) 0x28;
            out.write(invalidUtf8);
            out.write('\n');
            reasons.add("");
            // 10 MB in one record: refused by the reader without holding it
            line(out, "{\"id\": \"huge\", \"title\": \"" + "x".repeat(10 << 20) + "\"}");
            reasons.add("too large");
        }
        return reasons;
    }

    private static void line(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    public static void writeParquet(Path file, List<Video> videos) throws IOException {
        Schema schema = VideoAvroSchema.schema();
        try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(schema).build()) {
            for (Video v : videos) {
                GenericRecord r = new GenericData.Record(schema);
                r.put("id", v.id());
                r.put("title", v.title());
                r.put("description", v.description());
                r.put("tags", v.tags());
                r.put("labels", v.labels());
                w.write(r);
            }
        }
    }
}
