package dev.categorizer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.common.record.Contribution;
import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.testutil.ExpectedPredictions;
import dev.categorizer.jobs.testutil.ModelFixture;
import dev.categorizer.jobs.testutil.OutputFiles;
import dev.categorizer.jobs.testutil.OverflowingModel;
import dev.categorizer.jobs.testutil.VideoInputFiles;
import dev.categorizer.model.explain.Explainer;
import dev.categorizer.model.explain.Explanation;
import dev.categorizer.model.explain.VideoExplanation;
import dev.categorizer.model.predict.Predictor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code categorizer score} on files: Parquet in, JSON lines out; a model that fails is one line on stderr. */
class ScoreCommandITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

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
    void scoresParquetIntoJsonLinesFromTheCommandLine() throws Exception {
        List<Video> videos = good.subList(0, 25);
        Path input = dir.resolve("parquet-in");
        Files.createDirectories(input);
        VideoInputFiles.writeParquet(input.resolve("videos.parquet"), videos);
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
    void scoreExplainGivesEachCategoryItsStrongestWordsInJsonLinesAndParquet() throws Exception {
        List<Video> videos = good.subList(0, 20);
        Path input = dir.resolve("explain-in.jsonl");
        JsonLinesFiles.writeVideos(videos, input);
        Map<String, List<Explanation>> expected = new HashMap<>();
        try (Predictor predictor = Predictor.load(bundle)) {
            for (VideoExplanation v : new Explainer(predictor).explain(videos, 3)) expected.put(v.id(), v.categories());
        }
        Path json = dir.resolve("explain-out/predictions");
        Path parquet = dir.resolve("explain-out/predictions.parquet");

        assertThat(CategorizerCli.run("score", "--model", bundle.toString(), "--input", input.toString(),
                "--output", json.toString(), "--parallelism", "2", "--batch-size", "8", "--explain", "3")).isZero();
        assertThat(CategorizerCli.run("score", "--model", bundle.toString(), "--input", input.toString(),
                "--output", parquet.toString(), "--parallelism", "1", "--explain", "3")).isZero();

        for (List<Prediction> predictions : List.of(OutputFiles.jsonPredictions(json),
                OutputFiles.parquetPredictions(parquet))) {
            ExpectedPredictions.assertMatch(predictions, ExpectedPredictions.of(bundle, videos));
            assertThat(predictions).anySatisfy(p -> assertThat(p.categories()).isNotEmpty());
            for (Prediction p : predictions) {
                List<Explanation> want = expected.get(p.id());
                assertThat(p.explanations().keySet())
                        .isEqualTo(new java.util.HashSet<>(p.categories().stream().map(LabelScore::label).toList()));
                for (Explanation e : want) {
                    List<Contribution> got = p.explanation(e.label());
                    assertThat(got).extracting(Contribution::word)
                            .containsExactlyElementsOf(e.top().stream().map(Contribution::word).toList());
                    assertThat(got).extracting(Contribution::field)
                            .containsExactlyElementsOf(e.top().stream().map(Contribution::field).toList());
                    for (int i = 0; i < got.size(); i++) {
                        assertThat(got.get(i).contribution()).isCloseTo(e.top().get(i).contribution(), within(1e-5));
                    }
                }
            }
        }
    }

    @Test
    void aModelThatFailsOnEveryBatchFailsTheCommandWithItsErrorAndDeadLettersNothing() throws Exception {
        Path input = dir.resolve("videos-for-a-broken-model.jsonl");
        VideoInputFiles.writeJsonLinesWithBadRecords(input, good.subList(0, 20)); // the bad records too: dead letters before the model
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
}
