package dev.categorizer.jobs.train;

import dev.categorizer.common.io.FileTrees;
import dev.categorizer.common.config.Locations;
import dev.categorizer.common.text.TextConfig;
import dev.categorizer.common.vocab.Vocabulary;
import dev.categorizer.jobs.bundle.ModelVersions;
import dev.categorizer.jobs.io.FilePaths;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.model.publish.BundlePublisher;
import dev.categorizer.model.train.TrainedModel;
import dev.categorizer.model.trust.SigningKey;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the trained model that the {@link TrainingSource} emits as a model bundle, signed when a key file is
 * given, and publishes it at {@code model} as a new version ({@link ModelVersions}): the bundle in service stays
 * whole until the new one is verified and the pointer switches. Writing again (after a restart) publishes the
 * same model again as another version. Run it with parallelism 1. The signing key is read from its file where
 * the sink runs; the key itself is never part of the job.
 */
final class BundleSink implements Sink<byte[]> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BundleSink.class);

    private final String model;
    private final String vocabularyFile;
    private final TextConfig textConfig;
    private final LinkedHashMap<String, String> provenance;

    private final String signingKeyFile;
    private final int keepVersions;

    BundleSink(String model, String vocabularyFile, TextConfig textConfig, Map<String, String> provenance,
            String signingKeyFile, int keepVersions) {
        this.model = model;
        this.signingKeyFile = signingKeyFile;
        this.keepVersions = keepVersions;
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
        SigningKey key = signingKeyFile == null ? null : SigningKey.read(java.nio.file.Path.of(signingKeyFile));
        java.nio.file.Path staged = ModelVersions.stagingDirectory(model);
        try {
            ModelBundle.write(staged, trained, vocabulary, textConfig, TrainingDataLoader.WEIGHTING, provenance, key);
            String version = ModelVersions.publish(staged, model, BundlePublisher.keeping(keepVersions));
            LOG.info("model {} published to {}{}", version, Locations.redact(model), key == null ? "" : ", signed by " + key);
        } finally {
            // What is left is a bundle that was not published: a local staging directory or a remote upload's copy.
            FileTrees.delete(FilePaths.isLocal(model) ? staged : staged.getParent());
        }
    }
}
