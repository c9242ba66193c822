package dev.categorizer.sql.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.categorizer.sql.testutil.TinyModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad model definitions fail when the ML_PREDICT query is planned (no job runs), with the documented messages.
 */
class CategorizerModelProviderFactoryTest {

    private static final String INPUT = "INPUT (title STRING, description STRING, tags ARRAY<STRING>)";
    private static final String OUTPUT = "OUTPUT (categories ARRAY<ROW<label STRING, score DOUBLE>>)";
    private static final String PREFIX = "Model 'default_catalog.default_database.m' (provider 'categorizer'): ";

    @TempDir
    static Path tmp;

    static Path bundle;

    TableEnvironment tEnv;

    @BeforeAll
    static void writeModel() {
        bundle = TinyModel.writeBundle(tmp.resolve("model"));
    }

    @BeforeEach
    void createTable() {
        tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tEnv.executeSql("CREATE TEMPORARY TABLE videos (id STRING, title STRING, description STRING,"
                + " tags ARRAY<STRING>, tag_list STRING, view_count INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1')");
    }

    @Test
    void aValidModelPlans() {
        createModel(INPUT, OUTPUT, "'model.path' = '" + bundle + "'");
        assertThat(tEnv.explainSql(predictQuery("title, description, tags"))).contains("ML_PREDICT");
    }

    @Test
    void missingModelPath() {
        createModel(INPUT, OUTPUT, "'provider' = 'categorizer'");
        assertThat(planningErrors()).anyMatch(m -> m.contains("Missing required options are:\n\nmodel.path"));
    }

    @Test
    void unknownOption() {
        createModel(INPUT, OUTPUT, "'model.path' = '" + bundle + "', 'model.pth' = 'x'");
        assertThat(planningErrors()).anyMatch(m -> m.contains("Unsupported options:\n\nmodel.pth"));
    }

    @Test
    void batchSizeBelowOne() {
        createModel(INPUT, OUTPUT, "'model.path' = '" + bundle + "', 'batch.size' = '0'");
        assertThat(planningErrors()).contains(PREFIX + "'batch.size' must be at least 1, but is 0.");
    }

    @Test
    void aDirectoryThatIsNoBundle() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        createModel(INPUT, OUTPUT, "'model.path' = '" + empty + "'");
        assertThat(planningErrors()).contains(PREFIX + "the bundle at '" + empty + "' failed its checks: "
                + empty + ": missing manifest.json (not a model bundle)");
    }

    @Test
    void aBundleWithADamagedFile() throws IOException {
        Path damaged = TinyModel.writeBundle(tmp.resolve("damaged"));
        Files.writeString(damaged.resolve("vocabulary.tsv"), "extra\t1\n", StandardOpenOption.APPEND);
        createModel(INPUT, OUTPUT, "'model.path' = '" + damaged + "'");
        assertThat(planningErrors()).anyMatch(m -> m.startsWith(PREFIX + "the bundle at '" + damaged
                + "' failed its checks: ") && m.contains("vocabulary.tsv"));
    }

    @Test
    void inputOfTheWrongType() {
        createModel("INPUT (title STRING, description STRING, tags STRING)", OUTPUT,
                "'model.path' = '" + bundle + "'");
        assertThat(planningErrors("title, description, tag_list")).contains(PREFIX + "Input column 3 'tags' of a"
                + " categorizer model must be ARRAY<STRING>, but is STRING. The input is (title STRING, description"
                + " STRING, tags ARRAY<STRING>).");
    }

    @Test
    void inputOfTheWrongWidth() {
        createModel("INPUT (title STRING, description STRING)", OUTPUT, "'model.path' = '" + bundle + "'");
        assertThat(planningErrors("title, description")).contains(PREFIX + "A categorizer model takes 3 input"
                + " columns (title STRING, description STRING, tags ARRAY<STRING>), but INPUT has 2: [title,"
                + " description].");
    }

    @Test
    void outputOfTheWrongType() {
        createModel(INPUT, "OUTPUT (top INT)", "'model.path' = '" + bundle + "'");
        assertThat(planningErrors()).contains(PREFIX + "Output column 'top' of a categorizer model has type INT; it must"
                + " be ARRAY<ROW<label STRING, score DOUBLE>> (the categories over their thresholds),"
                + " MAP<STRING, DOUBLE> (every label's score) or STRING (the model version).");
    }

    @Test
    void tableColumnsThatDoNotFitTheModelInputAreRejectedByFlink() {
        createModel(INPUT, OUTPUT, "'model.path' = '" + bundle + "'");
        assertThat(planningErrors("title, description, view_count"))
                .anyMatch(m -> m.contains("Descriptor column 'view_count' type INT cannot be assigned to model input"
                        + " type ARRAY<STRING> at position 2."));
    }

    private void createModel(String input, String output, String options) {
        String with = options.contains("'provider'") ? options : "'provider' = 'categorizer', " + options;
        tEnv.executeSql("CREATE TEMPORARY MODEL m " + input + " " + output + " WITH (" + with + ")");
    }

    private static String predictQuery(String columns) {
        return "SELECT * FROM ML_PREDICT(TABLE videos, MODEL m, DESCRIPTOR(" + columns + "))";
    }

    private List<String> planningErrors() {
        return planningErrors("title, description, tags");
    }

    /** The messages of the exception chain from planning ML_PREDICT (Flink wraps the factory's exception). */
    private List<String> planningErrors(String columns) {
        Throwable thrown = catchThrowable(() -> tEnv.explainSql(predictQuery(columns)));
        assertThat(thrown).as("planning error").isNotNull();
        List<String> messages = new ArrayList<>();
        for (Throwable t = thrown; t != null && !messages.contains(String.valueOf(t.getMessage())); t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }
}
