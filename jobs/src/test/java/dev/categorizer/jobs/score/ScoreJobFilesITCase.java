package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.cli.CategorizerCli;
import dev.categorizer.jobs.io.VideoAvroSchema;
import dev.categorizer.jobs.kafka.KafkaSettings;
import dev.categorizer.jobs.sink.OutputSpec;
import dev.categorizer.jobs.testutil.ExpectedPredictions;
import dev.categorizer.jobs.testutil.ModelFixture;
import dev.categorizer.jobs.testutil.OutputFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounded score job on files: JSON lines (with bad records of every kind) and Parquet in, Parquet and JSON
 * lines out. Every input record comes out once, as the prediction the predictor itself makes or as a dead letter
 * with its reason.
 */
class ScoreJobFilesITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    private static final int MAX_TEXT_CHARS = 5_000;

    @TempDir
    static Path dir;

    static Path bundle;
    static List<Video> good;

    @BeforeAll
    static void setUp() {
        bundle = ModelFixture.tinyModel();
        good = ModelFixture.sampleTest(60);
    }

    /** Good videos, then one bad record of each kind; returns the expected dead-letter reasons, in order. */
    private static List<String> writeJsonLines(Path file, List<Video> videos) throws IOException {
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

    private static void writeParquet(Path file, List<Video> videos) throws IOException {
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

    @Test
    void scoresJsonLinesIntoParquetAndDeadLettersEveryBadRecord() throws Exception {
        Path input = dir.resolve("videos.jsonl");
        List<String> expectedReasons = writeJsonLines(input, good);
        Path output = dir.resolve("out/predictions.parquet");
        Path deadLetters = dir.resolve("out/dead-letters");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        ScorePipeline.builder()
                .input(VideoInput.parse(input.toString(), null, null))
                .scoring(ScoringOptions.builder(bundle.toString()).batchSize(16).maxTextChars(MAX_TEXT_CHARS)
                        .inferenceThreads(1).build())
                .predictions(OutputSpec.parse(output.toString(), null, null))
                .deadLetters(OutputSpec.parse(deadLetters.toString(), null, null))
                .kafka(KafkaSettings.builder().build())
                .build()
                .attach(env);
        JobExecutionResult result = env.execute("score files test");

        List<Prediction> predictions = OutputFiles.parquetPredictions(output);
        ExpectedPredictions.assertMatch(predictions, ExpectedPredictions.of(bundle, good));
        assertThat(OutputFiles.parts(output)).allSatisfy(p -> assertThat(p.toString()).endsWith(".parquet"));

        List<DeadLetter> dead = OutputFiles.deadLetters(deadLetters);
        assertThat(dead).hasSize(expectedReasons.size());
        assertThat(dead).allSatisfy(d -> {
            assertThat(d.reason()).isNotBlank();
            assertThat(d.raw()).isNotNull();
            assertThat(d.at()).isNotBlank();
        });
        for (String reason : expectedReasons) {
            if (!reason.isEmpty()) assertThat(dead).anySatisfy(d -> assertThat(d.reason()).contains(reason));
        }
        assertThat(dead).anySatisfy(d -> assertThat(d.raw()).contains("Qwxzv Plrktz"));

        long read = counter(result, ScoringMetrics.READ);
        assertThat(read).isEqualTo(good.size() + expectedReasons.size());
        assertThat(counter(result, ScoringMetrics.SCORED)).isEqualTo(predictions.size());
        assertThat(counter(result, ScoringMetrics.DEAD_LETTERED)).isEqualTo(dead.size());
        assertThat(predictions.size() + dead.size()).isEqualTo(read);
        assertThat(counter(result, ScoringMetrics.BATCHES)).isLessThan(predictions.size());
    }

    @Test
    void scoresParquetIntoJsonLinesFromTheCommandLine() throws Exception {
        List<Video> videos = good.subList(0, 25);
        Path input = dir.resolve("parquet-in");
        Files.createDirectories(input);
        writeParquet(input.resolve("videos.parquet"), videos);
        Path output = dir.resolve("cli-out/predictions");

        int code = CategorizerCli.run("score", "--model", bundle.toString(), "--input", input.toString(),
                "--output", output.toString(), "--parallelism", "2", "--batch-size", "8");

        assertThat(code).isZero();
        List<Prediction> predictions = OutputFiles.jsonPredictions(output);
        ExpectedPredictions.assertMatch(predictions, ExpectedPredictions.of(bundle, videos));
        assertThat(OutputFiles.parts(output)).allSatisfy(p -> assertThat(p.toString()).endsWith(".jsonl"));
        assertThat(OutputFiles.lines(dir.resolve("cli-out/predictions-dead-letters"))).isEmpty();
    }

    private static long counter(JobExecutionResult result, String name) {
        Map<String, Object> all = result.getAllAccumulatorResults();
        return ((Number) all.get(name)).longValue();
    }
}
