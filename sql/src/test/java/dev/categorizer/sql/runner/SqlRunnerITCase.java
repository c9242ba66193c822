package dev.categorizer.sql.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Video;
import dev.categorizer.sql.runner.SqlRunner.Output;
import dev.categorizer.sql.testutil.ExpectedScores;
import dev.categorizer.sql.testutil.RepoRoot;
import dev.categorizer.sql.testutil.TinyModel;
import dev.categorizer.sql.testutil.VideoFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The runner executes the scripts of sql/scripts against a small JSON-lines directory. */
class SqlRunnerITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    @TempDir
    static Path tmp;

    static Path bundle;
    static Path otherBundle;
    static Path videosDir;
    static List<Video> videos;

    @BeforeAll
    static void writeModelsAndVideos() {
        bundle = TinyModel.writeBundle(tmp.resolve("model"));
        otherBundle = TinyModel.writeOtherBundle(tmp.resolve("other-model"));
        List<Video> sample = TinyModel.sampleVideos("test.jsonl", 60);
        videosDir = tmp.resolve("videos");
        VideoFiles.write(videosDir.resolve("a.jsonl"), VideoFiles.linesWithEdgeCases(sample));
        VideoFiles.write(videosDir.resolve("README.md"), List.of("# not a video file: skipped by the pattern"));
        videos = new ArrayList<>(sample);
        videos.addAll(VideoFiles.edgeCaseVideos(sample));
    }

    @Test
    void countByCategoryScriptCountsWhatThePredictorPredicts() {
        List<StatementResult> results = runScript("count-by-category.sql",
                Map.of("MODEL_PATH", bundle.toString(), "DATA_DIR", videosDir.toString()));

        Map<String, ExpectedScores> expected = ExpectedScores.of(bundle, videos);
        Map<String, Long> expectedCounts = new TreeMap<>();
        expected.values().forEach(e -> e.categories().forEach(c -> expectedCounts.merge(c.label(), 1L, Long::sum)));
        long withoutCategory = expected.values().stream().filter(e -> e.categories().isEmpty()).count();

        StatementResult perCategory = results.get(results.size() - 2);
        assertThat(perCategory.columns()).containsExactly("category", "videos", "avg_score");
        Map<String, Long> counts = new TreeMap<>();
        perCategory.rows().forEach(r -> counts.put((String) r.getField(0), (Long) r.getField(1)));
        assertThat(counts).isNotEmpty().isEqualTo(expectedCounts);
        assertThat(perCategory.rows()).extracting(r -> (Long) r.getField(1)).isSortedAccordingTo((a, b) -> b.compareTo(a));

        Row totals = results.get(results.size() - 1).rows().get(0);
        assertThat(totals.getField(0)).isEqualTo((long) videos.size());
        assertThat(((Number) totals.getField(1)).longValue()).isEqualTo(withoutCategory).isGreaterThanOrEqualTo(4);
    }

    @Test
    void predictWithModelScriptGivesEachVideoItsTopCategory() {
        List<StatementResult> results = runScript("predict-with-model.sql",
                Map.of("MODEL_PATH", bundle.toString(), "DATA_DIR", videosDir.toString(), "LIMIT", "1000"));

        Map<String, ExpectedScores> expected = ExpectedScores.of(bundle, videos);
        List<Row> rows = results.get(results.size() - 1).rows();
        assertThat(rows).hasSize(videos.size());
        for (Row row : rows) {
            List<LabelScore> categories = expected.get((String) row.getField(0)).categories();
            assertThat(row.getField(2)).isEqualTo(categories.isEmpty() ? null : categories.get(0).label());
        }
    }

    @Test
    void compareModelsScriptListsTheVideosWhoseTopCategoryChanged() {
        List<StatementResult> results = runScript("compare-models.sql", Map.of("MODEL_A", bundle.toString(),
                "MODEL_B", otherBundle.toString(), "DATA_DIR", videosDir.toString()));

        Map<String, ExpectedScores> a = ExpectedScores.of(bundle, videos);
        Map<String, ExpectedScores> b = ExpectedScores.of(otherBundle, videos);
        TreeSet<String> changed = new TreeSet<>();
        for (Video v : videos) {
            if (!Objects.equals(top(a.get(v.id())), top(b.get(v.id())))) {
                changed.add(v.id());
            }
        }
        List<Row> listed = results.get(results.size() - 2).rows();
        assertThat(listed).extracting(r -> (String) r.getField(0)).containsExactlyElementsOf(changed);
        Row totals = results.get(results.size() - 1).rows().get(0);
        assertThat(((Number) totals.getField(1)).longValue()).isEqualTo(changed.size());
    }

    @Test
    void statementsGivenInlineReturnTheirRows() {
        List<StatementResult> results = SqlRunner.run("SELECT 1 + 1 AS two; SELECT '${WORD:-hello}' AS word",
                Map.of(), new Configuration(), Output.COLLECT, quiet());

        assertThat(results).hasSize(2);
        assertThat(results.get(0).rows()).containsExactly(Row.of(2));
        assertThat(results.get(1).rows()).containsExactly(Row.of("hello"));
    }

    @Test
    void printModePrintsTheQueryAsATable() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SqlRunner.run("SET 'execution.runtime-mode' = 'batch'; SELECT 'comedy' AS category", Map.of(),
                    Output.PRINT);
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("[OK] SET 'execution.runtime-mode' = 'batch'")
                .containsPattern("\\|\\s+category \\|")
                .containsPattern("\\|\\s+comedy \\|")
                .contains("1 row in set");
    }

    @Test
    void aFailingStatementStopsTheScriptNamingItsLine() {
        String script = "SELECT 1;\n\n-- the next one fails\nSELECT * FROM no_such_table;\nSELECT 2;";

        assertThatThrownBy(() -> SqlRunner.run(script, Map.of(), new Configuration(), Output.COLLECT, quiet()))
                .isInstanceOf(SqlScriptException.class)
                .hasMessageStartingWith("Statement at line 4 failed: SELECT * FROM no_such_table\n")
                .hasMessageContaining("Object 'no_such_table' not found");
    }

    @Test
    void mlPredictInBatchModeFailsWithAHint() {
        String script = "SET 'execution.runtime-mode' = 'batch';\n"
                + "CREATE TEMPORARY TABLE v (title STRING, description STRING, tags ARRAY<STRING>)"
                + " WITH ('connector' = 'datagen', 'number-of-rows' = '1');\n"
                + "CREATE TEMPORARY MODEL m INPUT (title STRING, description STRING, tags ARRAY<STRING>)"
                + " OUTPUT (version STRING) WITH ('provider' = 'categorizer', 'model.path' = '" + bundle + "');\n"
                + "SELECT * FROM ML_PREDICT(TABLE v, MODEL m, DESCRIPTOR(title, description, tags));";

        assertThatThrownBy(() -> SqlRunner.run(script, Map.of(), new Configuration(), Output.COLLECT, quiet()))
                .isInstanceOf(SqlScriptException.class)
                .hasMessageStartingWith("Statement at line 4 failed: SELECT * FROM ML_PREDICT(TABLE v, MODEL m,"
                        + " DESCRIPTOR(title, description, tags))\nHint: ML_PREDICT runs in streaming mode only"
                        + " (Flink 2.2): remove SET 'execution.runtime-mode' = 'batch'.\n");
    }

    @Test
    void runtimeModeCanOnlyBeSetBeforeTheFirstOtherStatement() {
        assertThatThrownBy(() -> SqlRunner.run("SELECT 1; SET 'execution.runtime-mode' = 'batch';", Map.of(),
                        new Configuration(), Output.COLLECT, quiet()))
                .isInstanceOf(SqlScriptException.class)
                .hasMessageContaining("'execution.runtime-mode' can only be set before the first statement that is"
                        + " not a SET; the session already runs in STREAMING mode.");
    }

    @Test
    void missingPlaceholderValuesFailBeforeAnythingRuns() {
        assertThatThrownBy(() -> runScript("compare-models.sql", Map.of("MODEL_A", bundle.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The script uses ${MODEL_B} without a value or default: pass -D MODEL_B=....");
    }

    @Test
    void neverEchoesACredentialInProgressErrorsOrShownOptions() {
        String secret = "planted-" + UUID.randomUUID();
        String script = "SET 's3.secret-key' = '" + secret + "';\n"
                + "CREATE TEMPORARY TABLE t (x INT) WITH ('connector' = 'datagen', 'password' = '" + secret + "');\n"
                + "SHOW CREATE TABLE t;\n"
                + "CREATE CATALOG c WITH ('type' = 'no-such-catalog', 'token' = '" + secret + "');";
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        Throwable error;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            error = catchThrowable(() -> SqlRunner.run(script, Map.of(), new Configuration(), Output.PRINT,
                    new PrintStream(log, true, StandardCharsets.UTF_8)));
        } finally {
            System.setOut(original);
        }
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));

        assertThat(error).isInstanceOf(SqlScriptException.class)
                .hasMessageStartingWith("Statement at line 4 failed: CREATE CATALOG c WITH ('type' = 'no-such-catalog',"
                        + " 'token' = '******')");
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("[OK] SET 's3.secret-key' = '******'")
                .contains("[OK] CREATE TEMPORARY TABLE t (x INT) WITH ('connector' = 'datagen', 'password' = ...");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("'password' = '******'");
        assertThat(log.toString(StandardCharsets.UTF_8) + stdout.toString(StandardCharsets.UTF_8) + trace)
                .doesNotContain(secret);
    }

    @Test
    void runsAStatementSetAsOneJobAndAppliesTableHints() {
        Path out = tmp.resolve("statement-set");
        String script = """
                SET 'execution.runtime-mode' = 'batch';
                CREATE TABLE sink_a (x INT) WITH ('connector' = 'filesystem', 'path' = '${OUT}/a', 'format' = 'json');
                CREATE TABLE sink_b (x INT) WITH ('connector' = 'filesystem', 'path' = '${OUT}/b', 'format' = 'json');
                -- both INSERTs in one job; each ends with a ';' inside the set
                EXECUTE STATEMENT SET
                BEGIN
                  INSERT INTO sink_a /*+ OPTIONS('sink.parallelism' = '1') */ VALUES (1), (2);
                  INSERT INTO sink_b SELECT CASE WHEN x > 10 THEN x ELSE 0 END FROM (VALUES (5), (30)) AS t(x);
                END;
                -- the hint points the table at the other's files: only a hint that reaches Flink reads 0 and 30
                SELECT x FROM sink_a /*+ OPTIONS('path' = '${OUT}/b') */ ORDER BY x;
                """;

        List<StatementResult> results = SqlRunner.run(script, Map.of("OUT", out.toString()), new Configuration(),
                Output.COLLECT, quiet());

        assertThat(results).hasSize(5);
        assertThat(results.get(3).statement().sql()).startsWith("EXECUTE STATEMENT SET");
        assertThat(results.get(4).rows()).extracting(r -> r.getField(0)).containsExactly(0, 30);
        assertThat(out.resolve("a")).isDirectoryRecursivelyContaining(p -> p.getFileName().toString()
                .startsWith("part-"));
    }

    private static List<StatementResult> runScript(String name, Map<String, String> variables) {
        Path script = RepoRoot.find().resolve("sql/scripts").resolve(name);
        assertThat(script).isRegularFile();
        return SqlRunner.run(SqlRunner.readScript(script), variables, new Configuration(), Output.COLLECT, quiet());
    }

    private static String top(ExpectedScores e) {
        return e.categories().isEmpty() ? null : e.categories().get(0).label();
    }

    private static PrintStream quiet() {
        return new PrintStream(PrintStream.nullOutputStream());
    }
}
