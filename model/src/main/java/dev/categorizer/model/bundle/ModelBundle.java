package dev.categorizer.model.bundle;

import dev.categorizer.common.text.TextConfig;
import dev.categorizer.common.text.TextPipeline;
import dev.categorizer.common.vocab.Vectorizer;
import dev.categorizer.common.vocab.Vocabulary;
import dev.categorizer.common.vocab.Weighting;
import dev.categorizer.model.train.TrainedModel;
import java.nio.file.Path;
import java.util.Map;

/**
 * A trained model as one directory: {@code manifest.json}, {@code vocabulary.tsv} and the TensorFlow SavedModel
 * for serving under {@code saved_model/} (weights only, no optimizer state). Reading verifies the format
 * version and the checksum of every file, and names the file at fault when a check fails.
 *
 * <pre>{@code
 * ModelBundle written = ModelBundle.write(Path.of("models/films"), trained, vocabulary, textConfig,
 *         Weighting.TFIDF, Map.of("train", "data/sample/train.jsonl"));
 * ModelBundle read = ModelBundle.read(Path.of("models/films"));
 * }</pre>
 */
public final class ModelBundle {

    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "manifest.json";
    public static final String VOCABULARY = "vocabulary.tsv";
    public static final String SAVED_MODEL = "saved_model";

    private final Path directory;
    private final Manifest manifest;
    private final Vocabulary vocabulary;
    private final TextPipeline pipeline;
    private final Vectorizer vectorizer;

    ModelBundle(Path directory, Manifest manifest, Vocabulary vocabulary) {
        this.directory = directory;
        this.manifest = manifest;
        this.vocabulary = vocabulary;
        this.pipeline = new TextPipeline(TextConfig.fromMap(manifest.text()));
        this.vectorizer = new Vectorizer(vocabulary, Weighting.valueOf(manifest.weighting()));
    }

    /** Reads and verifies the bundle in {@code directory}. */
    public static ModelBundle read(Path directory) {
        return BundleReader.read(directory);
    }

    /** Writes a bundle into {@code directory} (created if needed, replaced if present) and returns it read back. */
    public static ModelBundle write(
            Path directory,
            TrainedModel model,
            Vocabulary vocabulary,
            TextConfig text,
            Weighting weighting,
            Map<String, String> provenance) {
        BundleWriter.write(directory, model, vocabulary, text, weighting, provenance);
        return read(directory);
    }

    public Path directory() {
        return directory;
    }

    public Manifest manifest() {
        return manifest;
    }

    public String modelVersion() {
        return manifest.modelVersion();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The text pipeline the model was trained with. */
    public TextPipeline pipeline() {
        return pipeline;
    }

    public Vectorizer vectorizer() {
        return vectorizer;
    }

    public Path savedModelDirectory() {
        return directory.resolve(SAVED_MODEL);
    }
}
