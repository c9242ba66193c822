package dev.categorizer.model.testutil;

import dev.categorizer.common.vocab.Weighting;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.model.train.HyperParameters;
import dev.categorizer.model.train.TrainedModel;
import dev.categorizer.model.train.TrainingRun;
import dev.categorizer.model.trust.SigningKey;
import java.nio.file.Path;
import java.util.Map;

/**
 * A very small model on {@link ToyData} (hidden 4, one epoch: well under a second), trained once per JVM, for
 * tests about bundles rather than about learning.
 *
 * <pre>{@code
 * Path bundle = ToyBundle.write(tmp.resolve("m"), "v1", null);
 * }</pre>
 */
public final class ToyBundle {
    private static ToyData toy;
    private static TrainedModel model;

    private ToyBundle() {}

    /** The data the model was trained on (its test videos score). */
    public static synchronized ToyData data() {
        if (toy == null) {
            toy = new ToyData(3, 120, 20);
            model = TrainingRun.trainToEnd(toy.trainingData(),
                    HyperParameters.builder().hidden(4).epochs(1).batchSize(32).seed(1).build(), p -> {});
        }
        return toy;
    }

    /** Writes the model as a bundle of model version {@code version} into {@code dir}, signed unless key is null. */
    public static Path write(Path dir, String version, SigningKey key) {
        ToyData data = data();
        ModelBundle.write(dir, model, data.vocabulary, data.text, Weighting.TFIDF, Map.of("model_version", version), key);
        return dir;
    }
}
