package dev.categorizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.jobs.testutil.ModelFixture;
import dev.categorizer.jobs.testutil.OverflowingModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every SQL way to score fails the query when the model fails, with the model's error, instead of answering
 * empty categories or NaN scores: SQL has no dead letters. The shipped scripts and the row-by-row ML_PREDICT,
 * from the command line, with a model whose weights overflow to NaN.
 */
class SqlCommandITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    private static final String VIDEOS = "CREATE TEMPORARY TABLE videos (id STRING, title STRING,"
            + " description STRING, tags ARRAY<STRING>) WITH ('connector' = 'filesystem', 'path' = '${DATA_DIR}',"
            + " 'format' = 'json');";
    private static final String MODEL = "CREATE TEMPORARY MODEL m INPUT (title STRING, description STRING,"
            + " tags ARRAY<STRING>) OUTPUT (scores MAP<STRING, DOUBLE>) WITH ('provider' = 'categorizer',"
            + " 'model.path' = '${MODEL_PATH}');";

    @TempDir
    static Path dir;

    static Path broken;
    static Path data;

    @BeforeAll
    static void writeModelAndVideos() throws Exception {
        broken = OverflowingModel.everywhere(dir.resolve("broken-model"));
        data = dir.resolve("videos");
        Files.createDirectories(data);
        JsonLinesFiles.writeVideos(ModelFixture.sampleTest(30), data.resolve("videos.jsonl"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "script:count-by-category.sql",   // CATEGORIZE, batch
        "script:predict-with-model.sql",  // ML_PREDICT, asynchronous micro-batches
        "-e:" + VIDEOS + "CREATE TEMPORARY FUNCTION category_scores AS"
                + " 'dev.categorizer.sql.function.CategoryScoresFunction';"
                + "SELECT id, CATEGORY_SCORES('${MODEL_PATH}', title, description, tags) FROM videos",
        "-e:" + VIDEOS + MODEL + "SELECT id, scores FROM ML_PREDICT(TABLE videos, MODEL m,"
                + " DESCRIPTOR(title, description, tags), MAP['async', 'false'])"
    })
    void aFailingModelFailsTheQueryWithItsError(String query) {
        List<String> args = new ArrayList<>(List.of("sql", "--model-root", broken.getParent().toString(),
                "-D", "MODEL_PATH=" + broken, "-D", "DATA_DIR=" + data));
        if (query.startsWith("script:")) {
            args.addAll(List.of("--file",
                    ModelFixture.repoRoot().resolve("sql/scripts").resolve(query.substring(7)).toString()));
        } else {
            args.addAll(List.of("-e", query.substring(3)));
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        int code;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = CategorizerCli.run(args.toArray(String[]::new));
        } finally {
            System.setErr(stderr);
        }
        String err = captured.toString(StandardCharsets.UTF_8);
        stderr.print(err);

        assertThat(code).isNotZero();
        assertThat(err).contains("model " + OverflowingModel.EVERYWHERE_VERSION + " gave the score NaN");
    }
}
