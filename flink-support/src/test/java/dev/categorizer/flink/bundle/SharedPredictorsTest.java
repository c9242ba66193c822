package dev.categorizer.flink.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.common.record.Video;
import dev.categorizer.common.text.TextConfig;
import dev.categorizer.common.vocab.Vocabulary;
import dev.categorizer.common.vocab.Weighting;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.model.bundle.ModelLocation;
import dev.categorizer.model.train.HyperParameters;
import dev.categorizer.model.train.NetworkWeights;
import dev.categorizer.model.train.TrainedModel;
import dev.categorizer.model.trust.TrustedKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedPredictorsTest {

    @TempDir
    Path tmp;

    /** A 2-word, 2-label bundle whose label "b" scores higher the more {@code bias} is. */
    private static void writeBundle(Path dir, String version, float bias) {
        Vocabulary vocabulary = Vocabulary.of(List.of("hotel", "paris"), new long[] {3, 2}, 10);
        NetworkWeights weights = NetworkWeights.inMemory(2, 1, 2, new float[] {1f, 1f}, new float[] {0f},
                new float[] {1f, 1f}, new float[] {0f, bias});
        TrainedModel model = new TrainedModel(List.of("a", "b"), new float[] {0.5f, 0.5f}, weights,
                HyperParameters.builder().hidden(1).build(), Map.of(), 1);
        ModelBundle.write(dir, model, vocabulary, TextConfig.defaults(), Weighting.TFIDF, Map.of("model_version", version));
    }

    private static float scoreOfB(SharedPredictors.Lease lease) {
        return lease.predictor().scoreVideos(List.of(Video.unlabelled("1", "hotel", "", List.of())))[0][1];
    }

    @Test
    void tasksOfOneVersionShareOnePredictorUntilTheLastOneReleasesIt() {
        Path bundle = tmp.resolve("m");
        writeBundle(bundle, "v1", 0f);
        SharedPredictors.Lease first = SharedPredictors.acquire(bundle.toString(), TrustedKeys.none());
        SharedPredictors.Lease second = SharedPredictors.acquire(bundle.toUri().toString(), TrustedKeys.none());
        var shared = first.predictor();
        assertThat(second.predictor()).isSameAs(shared);
        assertThat(SharedPredictors.openVersions()).isEqualTo(1);

        first.close();
        first.close(); // once only
        assertThat(scoreOfB(second)).as("still open for the other task").isPositive();
        second.close();
        assertThat(SharedPredictors.openVersions()).isZero();
        assertThatThrownBy(second::predictor).isInstanceOf(IllegalStateException.class);

        SharedPredictors.Lease again = SharedPredictors.acquire(bundle.toString(), TrustedKeys.none());
        assertThat(again.predictor()).as("a new one after the last release").isNotSameAs(shared);
        again.close();
    }

    @Test
    void aTaskThatOpensAfterANewVersionIsPublishedGetsTheNewOne() throws Exception {
        Path location = tmp.resolve("published");
        writeBundle(location.resolve(ModelLocation.VERSIONS).resolve("v1"), "v1", -3f);
        writeBundle(location.resolve(ModelLocation.VERSIONS).resolve("v2"), "v2", 3f);
        Files.writeString(location.resolve(ModelLocation.CURRENT), "v1\n");
        try (SharedPredictors.Lease old = SharedPredictors.acquire(location.toString(), TrustedKeys.none())) {
            Files.writeString(location.resolve(ModelLocation.CURRENT), "v2\n");
            try (SharedPredictors.Lease fresh = SharedPredictors.acquire(location.toString(), TrustedKeys.none())) {
                assertThat(fresh.predictor()).isNotSameAs(old.predictor());
                assertThat(fresh.predictor().bundle().modelVersion()).isEqualTo("v2");
                assertThat(old.predictor().bundle().modelVersion()).isEqualTo("v1");
                assertThat(scoreOfB(fresh)).isGreaterThan(scoreOfB(old));
                assertThat(SharedPredictors.openVersions()).isEqualTo(2);
            }
        }
        assertThat(SharedPredictors.openVersions()).isZero();
    }

    @Test
    void aBundleThatFailsToLoadIsNotKeptOpen() throws Exception {
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve(ModelBundle.MANIFEST), "{}");
        assertThatThrownBy(() -> SharedPredictors.acquire(broken.toString(), TrustedKeys.none()));
        assertThat(SharedPredictors.openVersions()).isZero();
    }
}
