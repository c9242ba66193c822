package dev.categorizer.sql.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.sql.testutil.ExpectedScores;
import dev.categorizer.sql.testutil.ScoringFixture;
import dev.categorizer.sql.testutil.VideoTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.ExceptionUtils;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** CATEGORIZE and CATEGORY_SCORES over a table of videos answer what the Predictor answers directly. */
class CategorizeFunctionITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    @TempDir
    static Path tmp;

    static Path bundle;
    static Map<String, ExpectedScores> expected;

    TableEnvironment tEnv;

    @BeforeAll
    static void writeModelAndVideos() {
        ScoringFixture fixture = ScoringFixture.create(tmp);
        bundle = fixture.bundle();
        expected = fixture.expected();
        // the comparison means something only if some videos get categories and the edge cases have no feature
        assertThat(expected.values()).anyMatch(e -> !e.categories().isEmpty());
        for (String id : List.of("null-all", "missing-all", "empty-all", "unknown-words")) {
            assertThat(expected.get(id).hasFeatures()).as(id).isFalse();
        }
    }

    @BeforeEach
    void createTable() {
        tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.getConfig().set("parallelism.default", "2");
        VideoTables.createVideos(tEnv, tmp.resolve("videos"));
        tEnv.executeSql("CREATE TEMPORARY FUNCTION categorize AS '" + CategorizeFunction.class.getName() + "'");
        tEnv.executeSql("CREATE TEMPORARY FUNCTION category_scores AS '"
                + CategoryScoresFunction.class.getName() + "'");
    }

    @Test
    void modelPathArgumentGivesThePredictorsCategoriesAndScoresIncludingNullAndEmptyFields() {
        List<Row> rows = VideoTables.collect(tEnv, String.format(
                "SELECT id, CATEGORIZE('%1$s', title, description, tags), CATEGORY_SCORES('%1$s', title,"
                        + " description, tags) FROM videos", bundle));

        assertThat(rows).hasSize(expected.size());
        for (Row row : rows) {
            String id = (String) row.getField(0);
            expected.get(id).assertCategories(id, row.getField(1));
            expected.get(id).assertScores(id, row.getField(2));
        }
        assertThat(rows).filteredOn(r -> r.getField(0).equals("null-all"))
                .singleElement().satisfies(r -> assertThat((Row[]) r.getField(1)).isEmpty());
    }

    @Test
    void jobParameterNamesTheModelOfTheThreeArgumentForm() {
        tEnv.getConfig().addJobParameter(ModelScalarFunction.MODEL_PATH_PARAMETER, bundle.toString());

        List<Row> rows = VideoTables.collect(tEnv,
                "SELECT id, CATEGORIZE(title, description, tags), CATEGORY_SCORES(title, description, tags)"
                        + " FROM videos");

        assertThat(rows).hasSize(expected.size());
        rows.forEach(r -> expected.get((String) r.getField(0)).assertCategories((String) r.getField(0), r.getField(1)));
        rows.forEach(r -> expected.get((String) r.getField(0)).assertScores((String) r.getField(0), r.getField(2)));
    }

    @Test
    void constructorNamesTheModelOfARegisteredInstance() {
        tEnv.createTemporarySystemFunction("CATEGORIZE_FILMS", new CategorizeFunction(bundle.toString()));

        List<Row> rows = VideoTables.collect(tEnv,
                "SELECT id, CATEGORIZE_FILMS(title, description, tags) FROM videos");

        assertThat(rows).hasSize(expected.size());
        rows.forEach(r -> expected.get((String) r.getField(0)).assertCategories((String) r.getField(0), r.getField(1)));
    }

    @Test
    void modelPathFromAColumnIsLoadedPerDistinctPath() {
        List<Row> rows = VideoTables.collect(tEnv, String.format(
                "SELECT id, CATEGORIZE(m.path, title, description, tags) FROM videos,"
                        + " (VALUES ('%s')) AS m (path)", bundle));

        assertThat(rows).hasSize(expected.size());
        rows.forEach(r -> expected.get((String) r.getField(0)).assertCategories((String) r.getField(0), r.getField(1)));
    }

    @Test
    void threeArgumentFormWithoutAModelFailsWithTheDocumentedMessage() {
        assertThatThrownBy(() -> VideoTables.collect(tEnv, "SELECT CATEGORIZE(title, description, tags) FROM videos"))
                .rootCause()
                .hasMessage("CATEGORIZE(title, description, tags) has no model: pass the bundle path as first"
                        + " argument, CATEGORIZE(model_path, title, description, tags), or set the job parameter"
                        + " 'categorizer.model.path'.");
    }

    @Test
    void aDirectoryThatIsNoBundleFailsNamingTheMissingFile() throws Exception {
        Path notABundle = Files.createDirectories(tmp.resolve("not-a-bundle"));

        assertThatThrownBy(() -> VideoTables.collect(tEnv, String.format(
                        "SELECT CATEGORY_SCORES('%s', title, description, tags) FROM videos", notABundle)))
                .satisfies(e -> assertThat(ExceptionUtils.findThrowableWithMessage(e, "Cannot load the model bundle"))
                        .get(InstanceOfAssertFactories.THROWABLE)
                        .hasMessage("Cannot load the model bundle '" + notABundle + "': " + notABundle
                                + ": missing manifest.json (not a model bundle)"));
    }
}
