package dev.categorizer.jobs.score;

import dev.categorizer.common.config.Locations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;

/**
 * A model bundle as a local directory. TensorFlow and {@code ModelBundle} read local files only, so a bundle on
 * a remote Flink file system (s3://, gs://, hdfs://, ...) is copied to a temporary directory, deleted on close.
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
        URI uri = toUri(location);
        if (uri == null || uri.getScheme() == null) {
            return new LocalModelDirectory(Path.of(location), false);
        }
        if ("file".equals(uri.getScheme())) {
            return new LocalModelDirectory(Path.of(uri), false);
        }
        try {
            Path local = Files.createTempDirectory("categorizer-model-");
            copy(new org.apache.flink.core.fs.Path(uri), local);
            return new LocalModelDirectory(local, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the model bundle from " + Locations.redact(location), e);
        }
    }

    private static URI toUri(String location) {
        // A Windows drive or a plain relative path is not a URI with a scheme worth resolving remotely.
        if (!location.contains("://") && !location.startsWith("file:")) return null;
        return URI.create(location);
    }

    private static void copy(org.apache.flink.core.fs.Path source, Path target) throws IOException {
        FileSystem fs = source.getFileSystem();
        FileStatus[] children = fs.listStatus(source);
        if (children == null) throw new IOException("no such directory: " + source);
        for (FileStatus child : children) {
            Path dest = target.resolve(child.getPath().getName());
            if (child.isDir()) {
                Files.createDirectories(dest);
                copy(child.getPath(), dest);
            } else {
                try (InputStream in = fs.open(child.getPath())) {
                    Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        if (!temporary) return;
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Leaving a temporary copy behind is harmless; the next run makes its own.
        }
    }
}
