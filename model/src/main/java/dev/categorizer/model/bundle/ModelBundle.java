package dev.categorizer.model.bundle;

import dev.categorizer.common.text.TextConfig;
import dev.categorizer.common.text.TextPipeline;
import dev.categorizer.common.vocab.Vectorizer;
import dev.categorizer.common.vocab.Vocabulary;
import dev.categorizer.common.vocab.Weighting;
import dev.categorizer.model.tensor.LocalTensorStore;
import dev.categorizer.model.train.NetworkWeights;
import dev.categorizer.model.train.TrainedModel;
import dev.categorizer.model.trust.SigningKey;
import dev.categorizer.model.trust.TrustedKeys;
import java.nio.file.Path;
import java.util.Map;

/**
 * A trained model as one directory: {@code manifest.json}, {@code vocabulary.tsv} and the network's weights under
 * {@code weights/} as tensor files ({@code w1 b1 w2 b2}, no optimizer state), optionally {@code manifest.sig}.
 * A bundle holds data only, never a graph: the predictor builds the network in code. Reading verifies the format
 * version, that the files are exactly those of the format and the manifest, and every file's checksum, and names
 * the file at fault when a check fails. Format 1 (a TensorFlow SavedModel under {@code saved_model/}) is still
 * read: its graph is checked against the operations that format ever held, then only its weights are used.
 *
 * <pre>{@code
 * ModelBundle written = ModelBundle.write(Path.of("models/films"), trained, vocabulary, textConfig,
 *         Weighting.TFIDF, Map.of("train", "data/sample/train.jsonl"));
 * ModelBundle read = ModelBundle.read(Path.of("models/films"));
 * }</pre>
 */
public final class ModelBundle {

    /** The format this version writes. */
    public static final int FORMAT_VERSION = 2;
    /** The first format: weights in a TensorFlow SavedModel. Read, never written. */
    public static final int SAVED_MODEL_FORMAT = 1;
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String VOCABULARY = "vocabulary.tsv";
    public static final String WEIGHTS = "weights";
    public static final String SAVED_MODEL = "saved_model";
    static final String SAVED_MODEL_GRAPH = SAVED_MODEL + "/saved_model.pb";
    static final String SAVED_MODEL_VARIABLES = SAVED_MODEL + "/variables/variables";

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

    /** Reads and verifies the bundle in {@code directory}, signed or not. */
    public static ModelBundle read(Path directory) {
        return read(directory, TrustedKeys.none());
    }

    /**
     * Reads and verifies the bundle that {@code location} names (the version its {@code CURRENT} pointer names,
     * or the directory itself, see {@link ModelLocation}); with keys, only a bundle signed by one of them.
     */
    public static ModelBundle read(Path location, TrustedKeys trust) {
        return BundleReader.read(ModelLocation.resolve(location), trust);
    }

    /** Writes a bundle into {@code directory} (created if needed, replaced if present) and returns it read back. */
    public static ModelBundle write(
            Path directory,
            TrainedModel model,
            Vocabulary vocabulary,
            TextConfig text,
            Weighting weighting,
            Map<String, String> provenance) {
        return write(directory, model, vocabulary, text, weighting, provenance, null);
    }

    /** As {@link #write}, and signs the manifest with {@code signingKey} unless it is null. */
    public static ModelBundle write(
            Path directory,
            TrainedModel model,
            Vocabulary vocabulary,
            TextConfig text,
            Weighting weighting,
            Map<String, String> provenance,
            SigningKey signingKey) {
        BundleWriter.write(directory, model, vocabulary, text, weighting, provenance, signingKey);
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

    public int formatVersion() {
        return manifest.formatVersion();
    }

    /** The weights of a bundle of the current format, as tensor files of the shapes the manifest implies. */
    public NetworkWeights weights() {
        if (formatVersion() != FORMAT_VERSION) {
            throw new IllegalStateException("a format-" + formatVersion() + " bundle keeps its weights in a checkpoint");
        }
        return NetworkWeights.stored(new LocalTensorStore(directory), WEIGHTS, vocabulary.size(), manifest.hidden(),
                manifest.labels().size());
    }

    /** The prefix of the TensorFlow checkpoint that holds the weights of a format-1 bundle. */
    public Path checkpointPrefix() {
        return directory.resolve(SAVED_MODEL_VARIABLES);
    }

    /** The files a bundle of {@code format} holds besides the manifest and its signature, by relative path. */
    static java.util.Set<String> filesOf(int format) {
        if (format == SAVED_MODEL_FORMAT) {
            return java.util.Set.of(VOCABULARY, SAVED_MODEL_GRAPH, SAVED_MODEL_VARIABLES + ".index",
                    SAVED_MODEL_VARIABLES + ".data-00000-of-00001");
        }
        java.util.Set<String> files = new java.util.TreeSet<>();
        files.add(VOCABULARY);
        NetworkWeights.TENSORS.forEach(t -> files.add(WEIGHTS + "/" + t));
        return files;
    }
}
