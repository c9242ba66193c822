package dev.categorizer.model.predict;

import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.SparseVector;
import dev.categorizer.common.record.Video;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.model.trust.TrustedKeys;
import java.nio.file.Path;
import java.util.List;

/**
 * Scores videos with a model bundle. Loads the bundle once; safe to call from many threads at once.
 *
 * <pre>{@code
 * try (Predictor predictor = Predictor.load(Path.of("models/films"))) {
 *     List<Prediction> predictions = predictor.predict(videos);
 * }
 * }</pre>
 */
public interface Predictor extends AutoCloseable {

    /** Opens and verifies the bundle in {@code bundleDir}; fails with a message naming the damaged file. */
    static Predictor load(Path bundleDir) {
        return load(bundleDir, TrustedKeys.none());
    }

    /** As {@link #load(Path)}, accepting only a bundle signed by one of {@code trust}'s keys when it has any. */
    static Predictor load(Path bundleDir, TrustedKeys trust) {
        return TensorFlowPredictor.load(bundleDir, trust);
    }

    ModelBundle bundle();

    /** The bundle's labels, in the order of the score arrays. */
    List<String> labels();

    /** Turns a video into the model's input; an empty vector means no known feature. */
    SparseVector vectorize(Video video);

    /** One probability per label for each vector, in one TensorFlow call. */
    float[][] scores(List<SparseVector> vectors);

    /**
     * Each vector's logits split into what each of its features and the biases contribute, by gradient x input,
     * which is exact for this network: the ReLU units that an input activates make it linear around that input,
     * so {@code logit = bias + sum of contributions} (up to float rounding; see {@link Attribution}). One
     * TensorFlow call that gathers only the first-layer rows of the vectors' features; scoring never pays for it.
     */
    List<Attribution> attribute(List<SparseVector> vectors);

    /** Scores for each video, one probability per label. */
    default float[][] scoreVideos(List<Video> videos) {
        return scores(videos.stream().map(this::vectorize).toList());
    }

    /**
     * The labels over their thresholds for each video, best first, stamped with this model's version. A video
     * without any known feature gets no category.
     */
    List<Prediction> predict(List<Video> videos);

    /**
     * The labels of one score row that pass their thresholds, best first; with a model that has the top-label
     * fallback ({@link dev.categorizer.model.bundle.Manifest#decisionRule()}), the best label when none does.
     */
    List<LabelScore> decide(float[] scores);

    @Override
    void close();
}
