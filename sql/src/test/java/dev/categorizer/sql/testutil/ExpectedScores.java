package dev.categorizer.sql.testutil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.SparseVector;
import dev.categorizer.common.record.Video;
import dev.categorizer.model.predict.Predictor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.types.Row;

/**
 * What the Predictor, called directly, says about each video: the reference the SQL function and model must match.
 * Categories follow the documented rule: none for a video without a known feature, else {@link Predictor#decide}.
 */
public record ExpectedScores(List<LabelScore> categories, Map<String, Double> scores, boolean hasFeatures) {

    private static final double TOLERANCE = 1e-6;

    /** The expected scores of each video, by id. */
    public static Map<String, ExpectedScores> of(Path bundle, List<Video> videos) {
        Map<String, ExpectedScores> expected = new LinkedHashMap<>();
        try (Predictor predictor = Predictor.load(bundle)) {
            for (Video video : videos) {
                SparseVector features = predictor.vectorize(video);
                float[] scores = predictor.scoreVideos(List.of(video))[0];
                Map<String, Double> byLabel = new LinkedHashMap<>();
                for (int i = 0; i < scores.length; i++) {
                    byLabel.put(predictor.labels().get(i), (double) scores[i]);
                }
                List<LabelScore> categories = features.isEmpty() ? List.of() : predictor.decide(scores);
                if (!features.isEmpty()) {
                    // the SQL answer for a video with features is exactly what predict() gives
                    assertThat(predictor.predict(List.of(video)).get(0).categories()).isEqualTo(categories);
                }
                expected.put(video.id(), new ExpectedScores(categories, byLabel, !features.isEmpty()));
            }
        }
        return expected;
    }

    /** Checks a SQL {@code ARRAY<ROW<label STRING, score DOUBLE>>} value against the expected categories. */
    public void assertCategories(String id, Object sqlValue) {
        assertThat(sqlValue).as("categories of %s", id).isInstanceOf(Row[].class);
        List<Row> rows = Arrays.asList((Row[]) sqlValue);
        assertThat(rows).as("categories of %s", id).hasSameSizeAs(categories);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).getField(0)).as("label %d of %s", i, id).isEqualTo(categories.get(i).label());
            assertThat((Double) rows.get(i).getField(1)).as("score %d of %s", i, id)
                    .isCloseTo(categories.get(i).score(), within(TOLERANCE));
        }
    }

    /** Checks a SQL {@code MAP<STRING, DOUBLE>} value against every label's expected score. */
    @SuppressWarnings("unchecked")
    public void assertScores(String id, Object sqlValue) {
        Map<String, Double> actual = (Map<String, Double>) sqlValue;
        assertThat(actual.keySet()).as("labels of %s", id).isEqualTo(scores.keySet());
        scores.forEach((label, score) ->
                assertThat(actual.get(label)).as("%s score of %s", label, id).isCloseTo(score, within(TOLERANCE)));
    }
}
