package dev.categorizer.jobs.testutil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.Video;
import dev.categorizer.model.predict.Predictor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the predictor, called directly without Flink, says about videos; the reference for job outputs. */
public final class ExpectedPredictions {

    private ExpectedPredictions() {}

    public static Map<String, Prediction> of(Path bundle, List<Video> videos) {
        try (Predictor predictor = Predictor.load(bundle)) {
            Map<String, Prediction> byId = new LinkedHashMap<>();
            predictor.predict(videos).forEach(p -> byId.put(p.id(), p));
            return byId;
        }
    }

    /** {@code actual} has exactly one prediction per expected id, with the same categories, scores and version. */
    public static void assertMatch(List<Prediction> actual, Map<String, Prediction> expected) {
        assertThat(actual).extracting(Prediction::id).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Prediction p : actual) {
            Prediction e = expected.get(p.id());
            assertThat(p.modelVersion()).isEqualTo(e.modelVersion());
            assertThat(p.scoredAt()).isNotBlank();
            assertThat(p.categories()).extracting(LabelScore::label)
                    .as("categories of %s", p.id())
                    .containsExactlyElementsOf(e.categories().stream().map(LabelScore::label).toList());
            for (int i = 0; i < p.categories().size(); i++) {
                assertThat(p.categories().get(i).score()).isCloseTo(e.categories().get(i).score(), within(1e-5));
            }
        }
    }
}
