package dev.categorizer.jobs.bundle;

import dev.categorizer.jobs.io.FilePaths;
import dev.categorizer.jobs.io.FlinkTensorStore;
import dev.categorizer.model.bundle.ModelLocation;
import dev.categorizer.model.publish.BundlePublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Model locations (see {@link ModelLocation}) on any Flink file system: which version a job serves, and how a
 * trained bundle is put into service.
 *
 * <pre>{@code
 * String pinned = ModelVersions.pin("s3://models/films");   // s3://models/films/versions/20261201T...-3f2a9c1e
 * Path staged = ModelVersions.stagingDirectory("models/films");
 * ModelBundle.write(staged, ...);
 * ModelVersions.publish(staged, "models/films", BundlePublisher.keeping(3));
 * }</pre>
 */
public final class ModelVersions {
    private ModelVersions() {}

    /**
     * The bundle a location names now, as a path of its own: a job pins it when it is built, so that its tasks,
     * and their restarts, all serve the same version while a new one is published.
     */
    public static String pin(String location) {
        try {
            if (FilePaths.isLocal(location)) {
                return ModelLocation.resolve(FilePaths.toLocal(location)).toString();
            }
            String version = ModelLocation.current(new FlinkTensorStore(location));
            return version == null ? location : stripSlash(location) + "/" + ModelLocation.VERSIONS + "/" + version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read which model is in service at " + location + ": "
                    + e.getMessage(), e);
        }
    }

    /** A new local directory to write a bundle in before {@link #publish} puts it into service at {@code location}. */
    public static Path stagingDirectory(String location) throws IOException {
        return FilePaths.isLocal(location)
                ? BundlePublisher.stagingDirectory(FilePaths.toLocal(location))
                : Files.createTempDirectory("categorizer-bundle-").resolve("bundle");
    }

    /** Verifies the bundle in {@code staged} and puts it into service at {@code location}; returns its version. */
    public static String publish(Path staged, String location, BundlePublisher publisher) throws IOException {
        if (FilePaths.isLocal(location)) {
            return publisher.publishLocal(staged, FilePaths.toLocal(location));
        }
        return publisher.publish(staged, new FlinkTensorStore(location));
    }

    private static String stripSlash(String location) {
        return location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    }
}
