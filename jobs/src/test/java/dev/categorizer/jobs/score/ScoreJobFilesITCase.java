package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.categorizer.jobs.testutil.OverflowingModel;
import dev.categorizer.model.predict.ModelFailureException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.apache.flink.util.ExceptionUtils;
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

    @Test
    void aModelThatFailsOnEveryBatchFailsTheCommandWithItsErrorAndDeadLettersNothing() throws Exception {
        Path input = dir.resolve("videos-for-a-broken-model.jsonl");
        writeJsonLines(input, good.subList(0, 20)); // the bad records too: dead letters before the model
        Path broken = OverflowingModel.everywhere(dir.resolve("broken-model"));
        Path output = dir.resolve("broken-out/predictions");

        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int code;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            code = CategorizerCli.run("score", "--model", broken.toString(), "--input", input.toString(),
                    "--output", output.toString(), "--parallelism", "2", "--batch-size", "8",
                    "--restart-attempts", "1", "--restart-delay", "100ms");
        } finally {
            System.setErr(original);
        }
        String err = stderr.toString(StandardCharsets.UTF_8);
        original.print(err);

        assertThat(code).isNotZero();
        assertThat(err.lines().filter(l -> l.startsWith("score failed: ")).toList()).singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("model " + OverflowingModel.EVERYWHERE_VERSION + " (" + broken + ")")
                        .contains("failed on every video of a batch")
                        .contains("NaN"));
        assertThat(err).doesNotContain("\tat org.apache.flink"); // one line, not a stack trace
        assertThat(OutputFiles.lines(dir.resolve("broken-out/predictions-dead-letters"))).isEmpty();
        assertThat(OutputFiles.lines(output)).isEmpty();
    }

    @Test
    void aFileJobRestartsAsConfiguredThenFailsWithTheModelsError() throws Exception {
        Path input = dir.resolve("videos-restarted.jsonl");
        writeJsonLines(input, good.subList(0, 10));
        Path broken = OverflowingModel.everywhere(dir.resolve("broken-model-restarted"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        ScorePipeline.builder()
                .input(VideoInput.parse(input.toString(), null, null))
                .scoring(ScoringOptions.builder(broken.toString()).batchSize(4).build())
                .predictions(OutputSpec.parse(dir.resolve("restarted/predictions").toString(), null, null))
                .deadLetters(OutputSpec.parse(dir.resolve("restarted/dead").toString(), null, null))
                .restarts(2, Duration.ofMillis(100))
                .build()
                .attach(env);

        assertThatThrownBy(() -> env.execute("score files with a broken model"))
                .satisfies(e -> assertThat(ExceptionUtils.findThrowable(e, ModelFailureException.class)).isPresent())
                .satisfies(e -> assertThat(ExceptionUtils.findThrowableWithMessage(e, "maxNumberRestartAttempts=2"))
                        .as("restarts used up").isPresent())
                .rootCause().hasMessageContaining("NaN");
        assertThat(OutputFiles.lines(dir.resolve("restarted/dead"))).isEmpty();
    }

    private static long counter(JobExecutionResult result, String name) {
        Map<String, Object> all = result.getAllAccumulatorResults();
        return ((Number) all.get(name)).longValue();
    }
}
