package dev.categorizer.model.bundle;

import dev.categorizer.common.io.FileTrees;
import dev.categorizer.common.text.TextConfig;
import dev.categorizer.common.vocab.Vocabulary;
import dev.categorizer.common.vocab.Weighting;
import dev.categorizer.model.train.TrainedModel;
import dev.categorizer.model.train.NetworkWeights;
import dev.categorizer.model.trust.SigningKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a bundle into a fresh sibling directory, then moves it into place, so that a reader never sees half a
 * bundle and a failed write leaves any previous bundle untouched.
 */
final class BundleWriter {
    /** Provenance key with which a caller may choose the model version instead of the generated one. */
    static final String MODEL_VERSION_KEY = "model_version";
    private static final DateTimeFormatter VERSION_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BundleWriter() {}

    static void write(Path directory, TrainedModel model, Vocabulary vocabulary, TextConfig text,
            Weighting weighting, Map<String, String> provenance, SigningKey signingKey) {
        if (vocabulary.size() != model.weights().inputSize()) {
            throw new IllegalArgumentException("vocabulary has " + vocabulary.size()
                    + " terms but the model takes " + model.weights().inputSize() + " inputs");
        }
        Path target = directory.toAbsolutePath().normalize();
        Path staging = target.resolveSibling(target.getFileName() + ".writing-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            try (OutputStream out = Files.newOutputStream(staging.resolve(ModelBundle.VOCABULARY))) {
                vocabulary.writeTo(out);
            }
            writeWeights(model.weights(), staging.resolve(ModelBundle.WEIGHTS));
            Map<String, String> files = Checksums.of(staging);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Map<String, String> prov = new LinkedHashMap<>(provenance);
            String version = prov.remove(MODEL_VERSION_KEY);
            if (version == null || version.isBlank()) {
                String weightsSum = files.getOrDefault(ModelBundle.WEIGHTS + "/w1", "");
                version = VERSION_TIME.format(now) + "-" + weightsSum.substring(0, Math.min(8, weightsSum.length()));
            }
            prov.putIfAbsent("tensorflow_version", org.tensorflow.TensorFlow.version());
            prov.putIfAbsent("java_version", System.getProperty("java.version"));
            Manifest manifest = new Manifest(
                    ModelBundle.FORMAT_VERSION,
                    UUID.randomUUID().toString(),
                    version,
                    now.toString(),
                    model.labels(),
                    toDoubles(model.thresholds()),
                    model.topLabelFallback(),
                    vocabulary.size(),
                    model.weights().hidden(),
                    weighting.name(),
                    text.toMap(),
                    model.hyperParameters().toMap(),
                    model.validationMetrics(),
                    prov,
                    files,
                    model.history());
            ManifestJson.write(manifest, staging.resolve(ModelBundle.MANIFEST));
            if (signingKey != null) {
                // The manifest holds every other file's SHA-256: signing its bytes signs the bundle.
                byte[] manifestBytes = Files.readAllBytes(staging.resolve(ModelBundle.MANIFEST));
                Files.writeString(staging.resolve(ModelBundle.SIGNATURE), signingKey.signatureLine(manifestBytes));
            }
            replace(staging, target);
        } catch (IOException e) {
            FileTrees.deleteQuietly(staging);
            throw new UncheckedIOException("cannot write model bundle to " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            FileTrees.deleteQuietly(staging);
            throw e;
        }
    }

    /** Copies each weight tensor file as it is: the tensor files carry their shape and checksum. */
    private static void writeWeights(NetworkWeights weights, Path directory) throws IOException {
        Files.createDirectories(directory);
        for (String tensor : NetworkWeights.TENSORS) {
            try (InputStream in = weights.open(tensor);
                    OutputStream out = Files.newOutputStream(directory.resolve(tensor))) {
                in.transferTo(out);
            }
        }
    }

    private static List<Double> toDoubles(float[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (float v : values) out.add((double) v);
        return out;
    }

    private static void replace(Path staging, Path target) throws IOException {
        if (Files.exists(target)) {
            Path old = target.resolveSibling(target.getFileName() + ".old-" + UUID.randomUUID());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            FileTrees.deleteQuietly(old);
        } else {
            Files.createDirectories(target.getParent());
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
