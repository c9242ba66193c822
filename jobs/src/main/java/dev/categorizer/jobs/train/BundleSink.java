package dev.categorizer.jobs.train;

import dev.categorizer.common.config.Locations;
import dev.categorizer.common.text.TextConfig;
import dev.categorizer.common.vocab.Vocabulary;
import dev.categorizer.jobs.io.FilePaths;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.model.train.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the trained model that the {@link TrainingSource} emits as a model bundle: locally with
 * {@link ModelBundle#write}, then copied to the target file system when {@code model} is not a local path.
 * Writing again (after a restart) replaces the bundle, so the sink is idempotent. Run it with parallelism 1.
 */
final class BundleSink implements Sink<byte[]> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BundleSink.class);

    private final String model;
    private final String vocabularyFile;
    private final TextConfig textConfig;
    private final LinkedHashMap<String, String> provenance;

    BundleSink(String model, String vocabularyFile, TextConfig textConfig, Map<String, String> provenance) {
        this.model = model;
        this.vocabularyFile = vocabularyFile;
        this.textConfig = textConfig;
        this.provenance = new LinkedHashMap<>(provenance);
    }

    @Override
    public SinkWriter<byte[]> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(byte[] element, Context context) throws IOException {
                writeBundle(TrainedModelBytes.read(element));
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }

    private void writeBundle(TrainedModel trained) throws IOException {
        Vocabulary vocabulary = PreparedFiles.readVocabulary(vocabularyFile);
        if (FilePaths.isLocal(model)) {
            java.nio.file.Path dir = FilePaths.toLocal(model);
            ModelBundle.write(dir, trained, vocabulary, textConfig, TrainingDataLoader.WEIGHTING, provenance);
            LOG.info("model bundle written to {}", dir);
            return;
        }
        java.nio.file.Path local = Files.createTempDirectory("categorizer-bundle-");
        try {
            ModelBundle.write(local.resolve("bundle"), trained, vocabulary, textConfig, TrainingDataLoader.WEIGHTING,
                    provenance);
            BundleCopy.upload(local.resolve("bundle"), model);
            LOG.info("model bundle written to {}", Locations.redact(model));
        } finally {
            deleteTree(local);
        }
    }

    static void deleteTree(java.nio.file.Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<java.nio.file.Path> walk = Files.walk(dir)) {
            for (java.nio.file.Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
