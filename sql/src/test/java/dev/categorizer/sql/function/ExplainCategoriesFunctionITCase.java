package dev.categorizer.sql.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.categorizer.common.record.Contribution;
import dev.categorizer.common.record.Video;
import dev.categorizer.model.explain.Explainer;
import dev.categorizer.model.explain.Explanation;
import dev.categorizer.model.predict.Predictor;
import dev.categorizer.sql.testutil.ExpectedScores;
import dev.categorizer.sql.testutil.ScoringFixture;
import dev.categorizer.sql.testutil.TinyModel;
import dev.categorizer.sql.testutil.VideoFiles;
import dev.categorizer.sql.testutil.VideoTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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

/**
 * EXPLAIN_CATEGORIES over a table of videos answers what the {@link Explainer} answers directly: the categories of
 * CATEGORIZE, each with its strongest words, fields and contributions; and its type unnests in plain SQL.
 */
class ExplainCategoriesFunctionITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    @TempDir
    static Path tmp;

    static Path bundle;
    static Map<String, ExpectedScores> expectedScores;
    static Map<String, List<Explanation>> expected = new HashMap<>();

    TableEnvironment tEnv;

    @BeforeAll
    static void writeModelAndVideos() {
        ScoringFixture fixture = ScoringFixture.create(tmp);
        bundle = fixture.bundle();
        expectedScores = fixture.expected();
        List<Video> videos = new ArrayList<>(TinyModel.sampleVideos("test.jsonl", 40));
        videos.addAll(VideoFiles.edgeCaseVideos(videos));
        try (Predictor predictor = Predictor.load(bundle)) {
            Explainer explainer = new Explainer(predictor);
            for (Video video : videos) expected.put(video.id(), explainer.explain(video, 3).categories());
        }
        assertThat(expected.values()).anyMatch(e -> !e.isEmpty());
    }

    @BeforeEach
    void createTable() {
        tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.getConfig().set("parallelism.default", "2");
        VideoTables.createVideos(tEnv, tmp.resolve("videos"));
        tEnv.executeSql("CREATE TEMPORARY FUNCTION explain_categories AS '"
                + ExplainCategoriesFunction.class.getName() + "'");
    }

    @Test
    void givesTheCategoriesOfCategorizeEachWithTheExplainersWords() {
        List<Row> rows = VideoTables.collect(tEnv, String.format(
                "SELECT id, EXPLAIN_CATEGORIES('%s', title, description, tags, 3) FROM videos", bundle));

        assertThat(rows).hasSize(expected.size());
        for (Row row : rows) {
            String id = (String) row.getField(0);
            Row[] categories = (Row[]) row.getField(1);
            expectedScores.get(id).assertCategories(id, categories); // the same categories as CATEGORIZE
            List<Explanation> want = expected.get(id);
            assertThat(categories).hasSameSizeAs(want);
            for (int i = 0; i < categories.length; i++) {
                Row[] words = (Row[]) categories[i].getField(2);
                List<Contribution> top = want.get(i).top();
                assertThat(words).as("words of %s in %s", want.get(i).label(), id).hasSameSizeAs(top);
                assertThat(words.length).isLessThanOrEqualTo(3);
                for (int w = 0; w < words.length; w++) {
                    assertThat(words[w].getField(0)).isEqualTo(top.get(w).word());
                    assertThat(words[w].getField(1)).isEqualTo(top.get(w).field());
                    assertThat((Double) words[w].getField(2)).isCloseTo(top.get(w).contribution(), within(1e-6));
                }
            }
        }
    }

    @Test
    void unnestsIntoOneRowPerCategoryAndWord() {
        List<Row> rows = VideoTables.collect(tEnv, String.format(
                "SELECT v.id, c.category, w.word, w.field, w.contribution FROM videos AS v,"
                        + " UNNEST(EXPLAIN_CATEGORIES('%s', v.title, v.description, v.tags, 2))"
                        + " AS c (category, score, words), UNNEST(c.words) AS w (word, field, contribution)", bundle));

        long expectedRows = expected.values().stream().flatMap(List::stream)
                .mapToLong(e -> Math.min(2, e.top().size())).sum();
        assertThat(rows).hasSize((int) expectedRows).isNotEmpty();
        assertThat(rows).allSatisfy(r -> {
            assertThat((Double) r.getField(4)).isPositive();
            assertThat((String) r.getField(3)).matches("(title|description|tags)(\\+(description|tags))*");
        });
    }

    @Test
    void theFourArgumentFormUsesTheJobParametersModelAndANullKIsFive() {
        tEnv.getConfig().addJobParameter(ModelScalarFunction.MODEL_PATH_PARAMETER, bundle.toString());

        List<Row> rows = VideoTables.collect(tEnv,
                "SELECT id, EXPLAIN_CATEGORIES(title, description, tags, CAST(NULL AS INT)) FROM videos");

        assertThat(rows).hasSize(expected.size());
        for (Row row : rows) {
            expectedScores.get((String) row.getField(0)).assertCategories((String) row.getField(0), row.getField(1));
            for (Row category : (Row[]) row.getField(1)) {
                assertThat((Row[]) category.getField(2)).hasSizeLessThanOrEqualTo(Explainer.DEFAULT_TOP);
            }
        }
    }

    @Test
    void aNegativeKFailsWithTheDocumentedMessage() {
        assertThatThrownBy(() -> VideoTables.collect(tEnv, String.format(
                        "SELECT EXPLAIN_CATEGORIES('%s', title, description, tags, -1) FROM videos", bundle)))
                .rootCause()
                .hasMessage("EXPLAIN_CATEGORIES: k must be >= 0, got -1");
    }

    @Test
    void theFourArgumentFormWithoutAModelFailsNamingItsArguments() {
        assertThatThrownBy(() -> VideoTables.collect(tEnv,
                        "SELECT EXPLAIN_CATEGORIES(title, description, tags, 3) FROM videos"))
                .rootCause()
                .hasMessage("EXPLAIN_CATEGORIES(title, description, tags, k) has no model: pass the bundle path as"
                        + " first argument, EXPLAIN_CATEGORIES(model_path, title, description, tags, k), or set the"
                        + " job parameter 'categorizer.model.path'.");
    }
}
