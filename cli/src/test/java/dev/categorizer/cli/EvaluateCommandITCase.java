package dev.categorizer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.categorizer.common.codec.Json;
import dev.categorizer.common.metrics.EvaluationResult;
import dev.categorizer.common.metrics.MultiLabelEvaluation;
import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.Video;
import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.jobs.testutil.ModelFixture;
import dev.categorizer.jobs.testutil.OverflowingModel;
import dev.categorizer.model.predict.Predictor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code categorizer evaluate} ends with the metrics of the predictor called directly, as JSON. */
class EvaluateCommandITCase {

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
    void theCommandPrintsATableThenOneLineOfJson() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = CategorizerCli.run("evaluate", "--model", bundle.toString(), "--test", test.toString(),
                    "--parallelism", "1");
        } finally {
            System.setOut(stdout);
        }
        assertThat(code).isZero();
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("label"));
        JsonNode json = Json.mapper().readTree(lines.get(lines.size() - 1));
        for (String key : List.of("micro_f1", "macro_f1", "p_at_1", "docs", "labels", "seconds")) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        assertThat(json.get("docs").asLong()).isEqualTo(videos.size() + 1);
        assertThat(json.get("micro_f1").asDouble()).isCloseTo(direct().microF1(), within(1e-9));
        assertThat(json.get("dead_lettered").asLong()).isEqualTo(1);
    }

    @Test
    void aModelThatFailsOnEveryBatchFailsTheEvaluationInsteadOfScoringNothing() {
        Path broken = OverflowingModel.everywhere(dir.resolve("broken-model"));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        int code;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = CategorizerCli.run("evaluate", "--model", broken.toString(), "--test", test.toString(),
                    "--parallelism", "1");
        } finally {
            System.setErr(stderr);
        }
        assertThat(code).isNotZero();
        assertThat(captured.toString(StandardCharsets.UTF_8).lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("evaluate failed: model " + OverflowingModel.EVERYWHERE_VERSION)
                .contains("NaN"));
    }

    @Test
    void aTestSetWithoutAnyValidVideoFailsInOneLineInsteadOfATableOfZeros() throws Exception {
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
        Path report = dir.resolve("no-valid-video-report");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = CategorizerCli.run("evaluate", "--model", bundle.toString(), "--test", passwd.toString(),
                    "--report", report.toString(), "--parallelism", "1");
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }

        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).as("no table, no JSON").isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("categorizer evaluate: no valid labelled video read from " + passwd
                        + ": 2 records dead-lettered, e.g. malformed JSON")
                .contains("(line 1)"));
        assertThat(report.resolve(EvaluateCommand.REPORT_FILE)).doesNotExist();
    }

    /** The evaluation computed without Flink: the predictor's decisions and top label for each video. */
    private static EvaluationResult direct() {
        try (Predictor predictor = Predictor.load(bundle)) {
            MultiLabelEvaluation evaluation = new MultiLabelEvaluation(predictor.labels());
            float[][] scores = predictor.scoreVideos(videos);
            List<Prediction> predictions = predictor.predict(videos);
            for (int i = 0; i < videos.size(); i++) {
                int best = 0;
                for (int j = 1; j < scores[i].length; j++) if (scores[i][j] > scores[i][best]) best = j;
                evaluation.add(videos.get(i).labels(),
                        predictions.get(i).categories().stream().map(LabelScore::label).toList(),
                        predictor.labels().get(best));
            }
            evaluation.add(List.of("Drama"), List.of(), null); // the unknown-words video: a miss
            return evaluation.result();
        }
    }
}
