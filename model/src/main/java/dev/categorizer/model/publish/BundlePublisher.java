package dev.categorizer.model.publish;

import dev.categorizer.common.record.SparseVector;
import dev.categorizer.model.bundle.InvalidBundleException;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.model.bundle.ModelLocation;
import dev.categorizer.model.predict.Predictor;
import dev.categorizer.model.tensor.LocalTensorStore;
import dev.categorizer.model.tensor.TensorStore;
import dev.categorizer.model.trust.TrustedKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a written bundle into service at a model location (see {@link ModelLocation}) without ever leaving the
 * location without a whole bundle: the new bundle is first loaded and run once, then stored as a new version
 * beside the old ones, and only then does the {@code CURRENT} pointer switch to it, in one step. A failure before
 * the switch (a bad bundle, a failed upload) leaves the old version in service. The newest versions are kept
 * (the one in service always), older ones deleted.
 *
 * <pre>{@code
 * BundlePublisher publisher = BundlePublisher.keeping(3);
 * String version = publisher.publishLocal(stagedBundle, Path.of("models/films"));
 * String version = publisher.publish(stagedBundle, remoteLocationStore); // s3://..., through a TensorStore
 * }</pre>
 */
public final class BundlePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(BundlePublisher.class);
    public static final int DEFAULT_KEEP = 3;

    private final int keep;

    private BundlePublisher(int keep) {
        if (keep < 1) throw new IllegalArgumentException("keep at least the version in service, not " + keep);
        this.keep = keep;
    }

    /** A publisher that keeps the {@code versions} newest versions, the one in service among them. */
    public static BundlePublisher keeping(int versions) {
        return new BundlePublisher(versions);
    }

    /**
     * Where to write a bundle that {@link #publishLocal} will publish to {@code location}: a fresh directory on
     * the same file system, so that publishing moves it instead of copying it.
     */
    public static Path stagingDirectory(Path location) throws IOException {
        Path versions = location.resolve(ModelLocation.VERSIONS);
        Files.createDirectories(versions);
        return versions.resolve(".staging-" + UUID.randomUUID());
    }

    /** Publishes the bundle written in {@code staged} (on the same file system) to the local {@code location}. */
    public String publishLocal(Path staged, Path location) throws IOException {
        ModelBundle bundle = verify(staged);
        Path versions = location.resolve(ModelLocation.VERSIONS);
        Files.createDirectories(versions);
        String version = freeName(bundle, name -> Files.exists(versions.resolve(name)));
        Files.move(staged, versions.resolve(version), StandardCopyOption.ATOMIC_MOVE);
        Path pointer = location.resolve(ModelLocation.CURRENT);
        Path next = location.resolve(ModelLocation.CURRENT + ".next-" + UUID.randomUUID());
        Files.writeString(next, version + "\n", StandardCharsets.US_ASCII);
        Files.move(next, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        LOG.info("model {} in service at {}", version, location);
        prune(new LocalTensorStore(location), version);
        return version;
    }

    /** Publishes the local bundle {@code staged} to a location on any storage, by copying it file by file. */
    public String publish(Path staged, TensorStore location) throws IOException {
        ModelBundle bundle = verify(staged);
        List<String> taken = location.list(ModelLocation.VERSIONS);
        String version = freeName(bundle, taken::contains);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(staged)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try {
            for (Path file : files) {
                String name = ModelLocation.fileOf(version, staged.relativize(file).toString().replace('\\', '/'));
                try (InputStream in = Files.newInputStream(file); OutputStream out = location.create(name)) {
                    in.transferTo(out);
                }
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(location, ModelLocation.VERSIONS + "/" + version);
            throw new IOException("cannot upload model " + version + " to " + location.describe("")
                    + " (the model in service is unchanged): " + e.getMessage(), e);
        }
        ModelLocation.point(location, version);
        LOG.info("model {} in service at {}", version, location.describe(""));
        prune(location, version);
        return version;
    }

    /** Loads the bundle and runs the network once: a bundle that cannot serve is never put into service. */
    private static ModelBundle verify(Path staged) {
        try (Predictor predictor = Predictor.load(staged, TrustedKeys.none())) {
            float[] probe = predictor.scores(List.of(new SparseVector(new int[0], new float[0])))[0];
            for (float p : probe) {
                if (!Float.isFinite(p)) {
                    throw new InvalidBundleException(staged + ": refused: the network gives non-finite scores");
                }
            }
            return predictor.bundle();
        }
    }

    private interface Taken {
        boolean test(String name) throws IOException;
    }

    /** The bundle's version as a directory name, made unique when a version of that name exists. */
    private static String freeName(ModelBundle bundle, Taken taken) throws IOException {
        String base = bundle.modelVersion().replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^[._-]+", "");
        if (base.isEmpty()) base = "model";
        if (base.length() > 100) base = base.substring(0, 100);
        String name = base;
        while (taken.test(name)) name = base + "-" + UUID.randomUUID().toString().substring(0, 8);
        return ModelLocation.checkVersionName(name);
    }

    /** Deletes all but the newest {@code keep} versions; never the one in service, nor a staging directory. */
    private void prune(TensorStore location, String inService) {
        try {
            List<String> others = new ArrayList<>();
            for (String name : location.list(ModelLocation.VERSIONS)) {
                if (!name.equals(inService) && !name.startsWith(".")) others.add(name);
            }
            others.sort(Comparator.comparing((String v) -> ModelLocation.createdAt(location, v)).reversed()
                    .thenComparing(Comparator.reverseOrder()));
            for (String old : others.subList(Math.min(others.size(), keep - 1), others.size())) {
                location.delete(ModelLocation.VERSIONS + "/" + old);
                LOG.info("deleted old model version {}", old);
            }
        } catch (IOException e) {
            LOG.warn("could not delete old model versions at {}: {}", location.describe(""), e.toString());
        }
    }

    private static void deleteQuietly(TensorStore location, String name) {
        try {
            location.delete(name);
        } catch (IOException e) {
            LOG.warn("could not delete the partial upload {}: {}", location.describe(name), e.toString());
        }
    }
}
