package dev.categorizer.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.common.record.Video;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every input record of JSON-lines and Parquet files comes out of {@link VideoFiles} once: a video or a dead letter. */
class VideoFilesITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeInputs() throws IOException {
        ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
        line(jsonl, "{\"id\":\"good-1\",\"title\":\"Stagecoach\",\"description\":\"A western.\",\"tags\":[\"x\"],"
                + "\"labels\":[\"Western\"]}");
        line(jsonl, "{\"id\":\"good-2\",\"title\":\"Été\"}\r"); // CRLF line end, optional fields missing
        line(jsonl, "");
        line(jsonl, "{\"id\":\"malformed\", \"title\": ");
        line(jsonl, "{\"id\":\"wrong-type\",\"labels\":\"Drama\"}");
        line(jsonl, "{\"title\":\"no id\"}");
        jsonl.write(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', 'b', 'a', 'd', (byte) 0xC3, (byte) 0x28, '"', '}',
                '\n'});
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        jsonl.write("{\"id\":\"huge\",\"description\":\"".getBytes(StandardCharsets.UTF_8));
        jsonl.write(huge);
        line(jsonl, "\"}");
        line(jsonl, "{\"id\":\"good-3\",\"labels\":[\"Drama\",\"War\"]}"); // the line after the huge one survives
        Files.write(dir.resolve("videos.jsonl"), jsonl.toByteArray());

        Files.createDirectories(dir.resolve("more"));
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("more/videos.jsonl.gz")))) {
            gz.write("{\"id\":\"gz-1\"}\n{\"id\":\"gz-2\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("_SUCCESS"), "not data");
        Files.writeString(dir.resolve(".hidden.jsonl"), "not data either");

        writeParquet(dir.resolve("videos.parquet"));
        Files.writeString(dir.resolve("broken.parquet"), "this is not a parquet file");
    }

    private static void line(ByteArrayOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    private static void writeParquet(Path file) throws IOException {
        Schema schema = VideoAvroSchema.schema();
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(schema)
                .build()) {
            writer.write(record(schema, "pq-1", "Alien", List.of("space"), List.of("Horror", "Science Fiction")));
            writer.write(record(schema, "pq-2", null, null, List.of("Comedy")));
            writer.write(record(schema, null, "no id", List.of(), List.of("Drama")));
        }
    }

    private static GenericRecord record(Schema schema, String id, String title, List<String> tags, List<String> labels) {
        GenericRecord r = new GenericData.Record(schema);
        r.put("id", id);
        r.put("title", title);
        r.put("tags", tags);
        r.put("labels", labels);
        return r;
    }

    private static List<ParsedVideo> readAll(String path) throws Exception {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        conf.set(PipelineOptions.GENERIC_TYPES, false); // fails the job if anything falls back to Kryo
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        List<ParsedVideo> out = new ArrayList<>();
        try (CloseableIterator<ParsedVideo> it = VideoFiles.read(env, path).executeAndCollect("read " + path)) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void readsEveryRecordOfAMixedDirectoryOnceAsVideoOrDeadLetter() throws Exception {
        List<ParsedVideo> parsed = readAll(dir.toString());

        Map<String, Video> videos = parsed.stream().filter(ParsedVideo::isValid).map(ParsedVideo::video)
                .collect(Collectors.toMap(Video::id, Function.identity()));
        List<DeadLetter> dead = parsed.stream().filter(p -> !p.isValid()).map(ParsedVideo::deadLetter).toList();

        // 8 non-blank JSON lines + 2 gzipped lines + 3 Parquet rows + 1 unreadable Parquet file
        assertThat(parsed).hasSize(14);
        assertThat(videos.keySet()).containsExactlyInAnyOrder("good-1", "good-2", "good-3", "gz-1", "gz-2", "pq-1",
                "pq-2");
        assertThat(videos.get("good-1")).isEqualTo(new Video("good-1", "Stagecoach", "A western.", List.of("x"),
                List.of("Western")));
        assertThat(videos.get("good-2").title()).isEqualTo("Été");
        assertThat(videos.get("good-3").labels()).containsExactly("Drama", "War");
        assertThat(videos.get("pq-1")).isEqualTo(new Video("pq-1", "Alien", "", List.of("space"),
                List.of("Horror", "Science Fiction")));
        assertThat(videos.get("pq-2").title()).isEmpty();

        assertThat(dead).extracting(DeadLetter::reason).satisfiesExactlyInAnyOrder(
                r -> assertThat(r).startsWith("malformed JSON").endsWith("(line 4)"),
                r -> assertThat(r).startsWith("field 'labels' must be an array of strings"),
                r -> assertThat(r).startsWith("missing field 'id'"),
                r -> assertThat(r).startsWith("invalid UTF-8"),
                r -> assertThat(r).startsWith("record too large: " + (10 * 1024 * 1024 + 30) + " bytes > 1048576"),
                r -> assertThat(r).isEqualTo("missing id"),
                r -> assertThat(r).startsWith("unreadable Parquet file"));
        assertThat(dead).allSatisfy(d -> assertThat(d.raw().length()).isLessThan(70_000));
        assertThat(dead.stream().filter(d -> d.reason().startsWith("malformed")).findFirst().orElseThrow().raw())
                .isEqualTo("{\"id\":\"malformed\", \"title\": ");
    }

    @Test
    void readsASingleParquetFile() throws Exception {
        List<ParsedVideo> parsed = readAll(dir.resolve("videos.parquet").toString());
        assertThat(parsed).hasSize(3);
        assertThat(parsed.stream().filter(ParsedVideo::isValid).count()).isEqualTo(2);
    }

    @Test
    void readsASingleJsonLinesFile() throws Exception {
        List<ParsedVideo> parsed = readAll(dir.resolve("videos.jsonl").toString());
        assertThat(parsed).hasSize(8);
        assertThat(parsed.stream().filter(ParsedVideo::isValid).count()).isEqualTo(3);
    }

    @Test
    void aParquetFileOfAnotherSchemaIsOneDeadLetterAndTheJobGoesOn(@TempDir Path own) throws Exception {
        Path file = own.resolve("other-schema/wrong.parquet");
        Files.createDirectories(file.getParent());
        Schema wrong = org.apache.avro.SchemaBuilder.record("Video").fields()
                .requiredLong("id").requiredInt("title").endRecord(); // id and title of other types
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(wrong).build()) {
            for (int i = 0; i < 5; i++) {
                GenericRecord r = new GenericData.Record(wrong);
                r.put("id", (long) i);
                r.put("title", i);
                writer.write(r);
            }
        }
        List<ParsedVideo> parsed = readAll(file.getParent().toString());
        assertThat(parsed).hasSize(1);
        assertThat(parsed.get(0).isValid()).isFalse();
        assertThat(parsed.get(0).deadLetter().reason()).startsWith("unreadable Parquet file");
    }

    @Test
    void aParquetFileWithACorruptPageGivesItsRowsBeforeAndOneDeadLetterForTheRest(@TempDir Path own)
            throws Exception {
        Path file = own.resolve("corrupt/damaged.parquet");
        Files.createDirectories(file.getParent());
        Schema schema = VideoAvroSchema.schema();
        int rows = 20_000;
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(schema).withPageSize(4096).withRowGroupSize(64L * 1024)
                .withCompressionCodec(org.apache.parquet.hadoop.metadata.CompressionCodecName.UNCOMPRESSED).build()) {
            for (int i = 0; i < rows; i++) {
                writer.write(record(schema, "row-" + i, "title " + i + " of a long film about a war", List.of("t" + i),
                        List.of("Drama")));
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        for (int at = bytes.length / 2; at < bytes.length / 2 + 4096; at++) bytes[at] = (byte) 0xFF; // one page gone
        Files.write(file, bytes);

        List<ParsedVideo> parsed = readAll(file.getParent().toString());
        List<ParsedVideo> dead = parsed.stream().filter(p -> !p.isValid()).toList();
        long valid = parsed.stream().filter(ParsedVideo::isValid).count();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).deadLetter().reason()).startsWith("unreadable Parquet file");
        assertThat(valid).as("rows before the damage").isGreaterThan(0).isLessThan(rows);
    }
}
