package dev.categorizer.sql.ml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.sql.testutil.ExpectedScores;
import dev.categorizer.sql.testutil.ScoringFixture;
import dev.categorizer.sql.testutil.VideoTables;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** ML_PREDICT with a 'categorizer' model answers what the Predictor answers directly. */
class MlPredictITCase {

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
        assertThat(expected.values()).anyMatch(e -> !e.categories().isEmpty());
    }

    @BeforeEach
    void createTable() {
        tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tEnv.getConfig().set("parallelism.default", "2");
        VideoTables.createVideos(tEnv, tmp.resolve("videos"));
    }

    @Test
    void predictsThePredictorsCategoriesScoresAndVersionIncludingNullAndEmptyFields() {
        tEnv.executeSql("CREATE TEMPORARY MODEL video_categories"
                + " INPUT (title STRING, description STRING, tags ARRAY<STRING>)"
                + " OUTPUT (categories ARRAY<ROW<label STRING, score DOUBLE>>, scores MAP<STRING, DOUBLE>,"
                + " model_version STRING)"
                + " WITH ('provider' = 'categorizer', 'model.path' = '" + bundle + "')");

        List<Row> rows = VideoTables.collect(tEnv, "SELECT id, categories, scores, model_version FROM ML_PREDICT("
                + "TABLE videos, MODEL video_categories, DESCRIPTOR(title, description, tags))");

        String version = ModelBundle.read(bundle).modelVersion();
        assertThat(rows).hasSize(expected.size());
        for (Row row : rows) {
            String id = (String) row.getField(0);
            expected.get(id).assertCategories(id, row.getField(1));
            expected.get(id).assertScores(id, row.getField(2));
            assertThat(row.getField(3)).isEqualTo(version);
        }
    }

    @Test
    void rowByRowAndSmallBatchesGiveTheSameAnswers() {
        tEnv.executeSql("CREATE TEMPORARY MODEL m"
                + " INPUT (title STRING, description STRING, tags ARRAY<STRING>)"
                + " OUTPUT (categories ARRAY<ROW<label STRING, score DOUBLE>>, scores MAP<STRING, DOUBLE>)"
                + " WITH ('provider' = 'categorizer', 'model.path' = '" + bundle + "', 'batch.size' = '3',"
                + " 'batch.max-delay' = '1 ms')");

        for (String config : List.of("MAP['async', 'false']", "MAP['async', 'true']")) {
            List<Row> rows = VideoTables.collect(tEnv, "SELECT id, categories, scores FROM ML_PREDICT(TABLE videos,"
                    + " MODEL m, DESCRIPTOR(title, description, tags), " + config + ")");

            assertThat(rows).as(config).hasSize(expected.size());
            for (Row row : rows) {
                String id = (String) row.getField(0);
                expected.get(id).assertCategories(id, row.getField(1));
                expected.get(id).assertScores(id, row.getField(2));
            }
        }
    }

    @Test
    void outputColumnsAreToldApartByTypeWhateverTheirNamesAndOrder() {
        tEnv.executeSql("CREATE TEMPORARY MODEL m"
                + " INPUT (t STRING, d STRING, k ARRAY<STRING>)"
                + " OUTPUT (v STRING, s MAP<STRING, DOUBLE>, c ARRAY<ROW<name STRING, p DOUBLE>>)"
                + " WITH ('provider' = 'categorizer', 'model.path' = '" + bundle.toUri() + "')");

        List<Row> rows = VideoTables.collect(tEnv,
                "SELECT id, c, s FROM ML_PREDICT(TABLE videos, MODEL m, DESCRIPTOR(title, description, tags))");

        assertThat(rows).hasSize(expected.size());
        for (Row row : rows) {
            String id = (String) row.getField(0);
            expected.get(id).assertCategories(id, row.getField(1));
            expected.get(id).assertScores(id, row.getField(2));
        }
    }
}
