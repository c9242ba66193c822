package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.Video;
import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.jobs.kafka.KafkaSettings;
import dev.categorizer.jobs.sink.OutputSpec;
import dev.categorizer.jobs.testutil.ModelFixture;
import dev.categorizer.jobs.testutil.OutputFiles;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parallelism changes nothing in the results: with 2 tasks each loads the model once (not per record) and scores
 * in micro-batches, and the predictions equal those of a single task.
 */
class ScoreJobParallelismITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    private static final int BATCH = 32;

    @TempDir
    static Path dir;

    @Test
    void twoTasksLoadTheModelOnceEachAndGiveTheSameResultsAsOne() throws Exception {
        Path bundle = ModelFixture.tinyModel();
        List<Video> videos = ModelFixture.sampleTest(300);
        Path input = dir.resolve("videos.jsonl");
        JsonLinesFiles.writeVideos(videos, input);

        Run one = score(bundle, input, 1, dir.resolve("p1"));
        Run two = score(bundle, input, 2, dir.resolve("p2"));

        assertThat(one.modelLoads).isEqualTo(1);
        assertThat(two.modelLoads).isEqualTo(2);
        // Micro-batches: at most one partial batch per task beyond the full ones (the timeout is far away).
        assertThat(two.batches).isBetween((long) Math.ceil(videos.size() / (double) BATCH),
                (long) videos.size() / BATCH + 2);
        assertThat(one.predictions).hasSize(videos.size());
        assertThat(two.predictions).hasSize(videos.size());
        Map<String, Prediction> byId = two.predictions.stream()
                .collect(Collectors.toMap(Prediction::id, Function.identity()));
        for (Prediction p : one.predictions) {
            Prediction q = byId.get(p.id());
            assertThat(q.categories()).extracting(c -> c.label())
                    .containsExactlyElementsOf(p.categories().stream().map(c -> c.label()).toList());
            for (int i = 0; i < p.categories().size(); i++) {
                assertThat(q.categories().get(i).score())
                        .isCloseTo(p.categories().get(i).score(), org.assertj.core.api.Assertions.within(1e-5));
            }
        }
    }

    @Test
    void scoringThreadsGiveTheSameResultsAsScoringOnTheTaskThread() throws Exception {
        Path bundle = ModelFixture.tinyModel();
        List<Video> videos = ModelFixture.sampleTest(300);
        Path input = dir.resolve("videos-threads.jsonl");
        JsonLinesFiles.writeVideos(videos, input);

        Run inline = score(bundle, input, 1, 0, dir.resolve("t0"));
        Run threaded = score(bundle, input, 1, 2, dir.resolve("t2"));

        assertThat(inline.predictions).hasSize(videos.size());
        assertThat(threaded.predictions).isEqualTo(inline.predictions.stream()
                .map(p -> new Prediction(p.id(), p.categories(), p.modelVersion(), threaded.scoredAt(p.id())))
                .toList());
    }

    private record Run(List<Prediction> predictions, int modelLoads, long batches) {
        String scoredAt(String id) {
            return predictions.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().scoredAt();
        }
    }

    private static Run score(Path bundle, Path input, int parallelism, Path out) throws Exception {
        return score(bundle, input, parallelism, ScoringOptions.DEFAULT_INFERENCE_THREADS, out);
    }

    private static Run score(Path bundle, Path input, int parallelism, int threads, Path out) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        ScorePipeline.builder()
                .input(VideoInput.parse(input.toString(), null, null))
                .scoring(ScoringOptions.builder(bundle.toString()).batchSize(BATCH).batchTimeoutMillis(600_000)
                        .inferenceThreads(threads).build())
                .predictions(OutputSpec.parse(out.resolve("predictions").toString(), null, null))
                .deadLetters(OutputSpec.parse(out.resolve("dead-letters").toString(), null, null))
                .kafka(KafkaSettings.builder().build())
                .build()
                .attach(env);
        JobExecutionResult result = env.execute("parallelism " + parallelism);
        List<Prediction> predictions = OutputFiles.jsonPredictions(out.resolve("predictions")).stream()
                .sorted(Comparator.comparing(Prediction::id)).toList();
        return new Run(predictions, (Integer) result.getAccumulatorResult(ScoringMetrics.MODEL_LOADS),
                ((Number) result.getAccumulatorResult(ScoringMetrics.BATCHES)).longValue());
    }
}
