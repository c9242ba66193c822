package dev.categorizer.sql.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.common.record.SparseVector;
import dev.categorizer.model.predict.Predictor;
import dev.categorizer.model.trust.TrustedKeys;
import dev.categorizer.sql.testutil.TinyModel;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function instance keeps a bounded number of bundles open, closing the least recently used. */
class PredictorCacheTest {
    @TempDir
    Path tmp;

    private static final List<SparseVector> ONE = List.of(new SparseVector(new int[] {0}, new float[] {1f}));

    @Test
    void theLeastRecentlyUsedPredictorIsClosedWhenTheCacheIsFull() {
        Path a = TinyModel.writeBundle(tmp.resolve("a"));
        Path b = TinyModel.writeBundle(tmp.resolve("b"));
        Path c = TinyModel.writeBundle(tmp.resolve("c"));
        Configuration config = new Configuration();
        config.set(ModelAccessOptions.ROOTS, List.of(tmp.toString()));
        config.set(ModelAccessOptions.CACHE_SIZE, 2);
        try (PredictorCache cache = new PredictorCache(ModelAccess.from(config))) {
            Predictor first = cache.get(a.toString());
            Predictor second = cache.get(b.toString());
            cache.get(a.toString()); // a is now the most recently used
            Predictor third = cache.get(c.toString());
            assertThat(cache.size()).isEqualTo(2);
            assertThatThrownBy(() -> second.scores(ONE)).as("the evicted predictor is closed").isInstanceOf(RuntimeException.class);
            assertThat(first.scores(ONE)).hasNumberOfRows(1);
            assertThat(third.scores(ONE)).hasNumberOfRows(1);
            assertThat(cache.get(b.toString())).as("loaded again when needed again").isNotSameAs(second);
        }
    }

    @Test
    void aLocationOutsideTheRootsIsNeverLoaded() {
        Path bundle = TinyModel.writeBundle(tmp.resolve("elsewhere/model"));
        try (PredictorCache cache = new PredictorCache(ModelAccess.of(List.of(tmp.resolve("models").toString()),
                TrustedKeys.none()))) {
            assertThatThrownBy(() -> cache.get(bundle.toString())).hasMessageContaining("is not under a model root");
            assertThat(cache.size()).isZero();
        }
    }
}
