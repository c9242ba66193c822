package dev.categorizer.jobs.bundle;

import dev.categorizer.common.config.Locations;
import dev.categorizer.jobs.io.FilePaths;
import dev.categorizer.jobs.io.FlinkTensorStore;
import dev.categorizer.model.bundle.ModelLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A model bundle as a local directory. TensorFlow and {@code ModelBundle} read local files only, so the bundle in
 * service at a location on a remote Flink file system (s3://, gs://, hdfs://, ...) is copied to a temporary
 * directory, deleted on close; only the files of its format are copied, and reading checks them after.
 *
 * <pre>{@code
 * try (LocalModelDirectory dir = LocalModelDirectory.of("s3://models/films")) {
 *     Predictor predictor = Predictor.load(dir.path());
 * }
 * }</pre>
 */
public final class LocalModelDirectory implements AutoCloseable {

    private final Path path;
    private final boolean temporary;

    private LocalModelDirectory(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    /** The local directory of {@code location}, copying it first when it is not on the local file system. */
    public static LocalModelDirectory of(String location) {
        if (FilePaths.isLocal(location)) {
            return new LocalModelDirectory(FilePaths.toLocal(location), false);
        }
        Path local = null;
        try {
            local = Files.createTempDirectory("categorizer-model-");
            ModelLocation.download(new FlinkTensorStore(location), local.resolve("bundle"));
            return new LocalModelDirectory(local.resolve("bundle"), true);
        } catch (IOException e) {
            if (local != null) deleteTree(local);
            throw new UncheckedIOException("cannot copy the model bundle from " + Locations.redact(location) + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        if (temporary) deleteTree(path.getParent());
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Leaving a temporary copy behind is harmless; the next run makes its own.
        }
    }
}
