package dev.categorizer.jobs.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.categorizer.common.metrics.EvaluationResult;
import dev.categorizer.common.metrics.EvaluationTally;
import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.Video;
import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.jobs.score.ScoringOptions;
import dev.categorizer.jobs.testutil.ModelFixture;
import dev.categorizer.model.predict.Predictor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluate job gives the metrics of the predictor called directly, and the counts behind the report (score
 * histograms, confused pairs) merged from its parallel tasks are those of one pass over every video.
 */
class EvaluateJobITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    @TempDir
    static Path dir;

    static Path bundle;
    static List<Video> videos;
    static Path test;

    @BeforeAll
    static void setUp() throws Exception {
        bundle = ModelFixture.tinyModel();
        videos = ModelFixture.sampleTest(150);
        test = dir.resolve("test.jsonl");
        JsonLinesFiles.writeVideos(videos, test);
        Files.writeString(test, "{not json}\n" + UNKNOWN_WORDS_ONLY + "\n", StandardOpenOption.APPEND);
    }

    /** A valid test video the model knows no word of: it counts, with nothing predicted. */
    private static final String UNKNOWN_WORDS_ONLY =
            "{\"id\":\"unknown\",\"title\":\"qqqzx\",\"description\":\"\",\"tags\":[],\"labels\":[\"Drama\"]}";

    @Test
    void givesTheMetricsOfThePredictorCalledDirectly() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);

        EvaluationRun run = EvaluateJob.evaluate(env, ScoringOptions.builder(bundle.toString()).batchSize(16).build(),
                test.toString());

        EvaluationResult expected = direct().evaluation().result();
        EvaluationResult actual = run.result();
        assertThat(actual.docs()).isEqualTo(expected.docs()).isEqualTo(videos.size() + 1);
        assertThat(actual.labels()).isEqualTo(ModelFixture.labels(bundle).size());
        assertThat(actual.microF1()).isCloseTo(expected.microF1(), within(1e-9));
        assertThat(actual.macroF1()).isCloseTo(expected.macroF1(), within(1e-9));
        assertThat(actual.precisionAt1()).isCloseTo(expected.precisionAt1(), within(1e-9));
        assertThat(run.deadLettered()).isEqualTo(1);
        assertThat(run.sampleReasons()).hasSize(1);
        assertThat(actual.meanPredictedLabels()).isCloseTo(expected.meanPredictedLabels(), within(1e-9)).isPositive();
        assertThat(actual.meanTrueLabels()).isCloseTo(expected.meanTrueLabels(), within(1e-9));
    }

    @Test
    void theTalliesOfParallelTasksAddUpToThoseOfOnePassOverEveryVideo() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);

        EvaluationTally tally = EvaluateJob.evaluate(env, ScoringOptions.builder(bundle.toString()).batchSize(16)
                .build(), test.toString()).tally();

        EvaluationTally expected = direct();
        for (int label = 0; label < expected.labels().size(); label++) {
            assertThat(tally.histogram().positives(label)).isEqualTo(expected.histogram().positives(label));
            assertThat(tally.histogram().curve(label)).as(expected.labels().get(label))
                    .isEqualTo(expected.histogram().curve(label));
        }
        assertThat(tally.confusion().top(20)).isEqualTo(expected.confusion().top(20)).isNotEmpty();
    }

    /** The evaluation computed without Flink: the predictor's scores, decisions and top label for each video. */
    private static EvaluationTally direct() {
        try (Predictor predictor = Predictor.load(bundle)) {
            EvaluationTally evaluation = new EvaluationTally(predictor.labels(), EvaluationTally.DEFAULT_BINS);
            float[][] scores = predictor.scoreVideos(videos);
            List<Prediction> predictions = predictor.predict(videos);
            for (int i = 0; i < videos.size(); i++) {
                int best = 0;
                for (int j = 1; j < scores[i].length; j++) if (scores[i][j] > scores[i][best]) best = j;
                evaluation.add(videos.get(i).labels(), scores[i],
                        predictions.get(i).categories().stream().map(LabelScore::label).toList(),
                        predictor.labels().get(best));
            }
            evaluation.add(List.of("Drama"), null, List.of(), null); // the unknown-words video: a miss
            return evaluation;
        }
    }
}
