package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.kafka.KafkaSettings;
import dev.categorizer.jobs.sink.OutputSpec;
import dev.categorizer.jobs.testutil.ExpectedPredictions;
import dev.categorizer.jobs.testutil.ModelFixture;
import dev.categorizer.jobs.testutil.OutputFiles;
import dev.categorizer.jobs.testutil.OverflowingModel;
import dev.categorizer.jobs.testutil.VideoInputFiles;
import dev.categorizer.model.predict.ModelFailureException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
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

    @Test
    void scoresJsonLinesIntoParquetAndDeadLettersEveryBadRecord() throws Exception {
        Path input = dir.resolve("videos.jsonl");
        List<String> expectedReasons = VideoInputFiles.writeJsonLinesWithBadRecords(input, good);
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
    void aFileJobRestartsAsConfiguredThenFailsWithTheModelsError() throws Exception {
        Path input = dir.resolve("videos-restarted.jsonl");
        VideoInputFiles.writeJsonLinesWithBadRecords(input, good.subList(0, 10));
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

    @Test
    void aBatchOfLongVideosIsFullByItsCharactersLongBeforeItsCount() throws Exception {
        // 18 videos of about 900,000 characters: 9 of them reach ScoringOptions.MAX_BATCH_CHARS, so the job makes
        // two model calls, where the count alone (4,096) and a timeout that never comes would make one.
        String text = good.get(0).description() + " ";
        String description = text.repeat(900_000 / text.length() + 1).substring(0, 900_000);
        Path input = dir.resolve("long-videos.jsonl");
        VideoJsonCodec codec = new VideoJsonCodec();
        List<Video> videos = new ArrayList<>();
        for (int i = 0; i < 18; i++) videos.add(Video.unlabelled("long-" + i, "A film", description, List.of()));
        Files.write(input, videos.stream().map(codec::encode).toList());
        Path output = dir.resolve("long-out/predictions");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        ScorePipeline.builder()
                .input(VideoInput.parse(input.toString(), null, null))
                .scoring(ScoringOptions.builder(bundle.toString()).batchTimeoutMillis(600_000).build())
                .predictions(OutputSpec.parse(output.toString(), null, null))
                .deadLetters(OutputSpec.parse(dir.resolve("long-out/dead").toString(), null, null))
                .build()
                .attach(env);
        JobExecutionResult result = env.execute("score long videos");

        assertThat(ScoringOptions.DEFAULT_BATCH_SIZE).isGreaterThan(videos.size());
        assertThat(counter(result, ScoringMetrics.SCORED)).isEqualTo(videos.size());
        assertThat(counter(result, ScoringMetrics.BATCHES)).isEqualTo(2);
    }

    private static long counter(JobExecutionResult result, String name) {
        Map<String, Object> all = result.getAllAccumulatorResults();
        return ((Number) all.get(name)).longValue();
    }
}
