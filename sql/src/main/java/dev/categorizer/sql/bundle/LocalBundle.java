package dev.categorizer.sql.bundle;

import dev.categorizer.common.config.Locations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;

/**
 * A model bundle as a directory on the local disk. A local location (a plain path or a {@code file:} URI) is used
 * as it is; a bundle on another Flink file system ({@code s3://}, {@code gs://}, {@code hdfs://}) is copied into a
 * temporary directory, which {@link #close()} deletes.
 *
 * <pre>{@code
 * try (LocalBundle bundle = LocalBundle.of("s3://models/films")) {
 *     Predictor predictor = Predictor.load(bundle.directory());
 * }
 * }</pre>
 */
public final class LocalBundle implements AutoCloseable {

    private final Path directory;
    private final boolean temporary;

    private LocalBundle(Path directory, boolean temporary) {
        this.directory = directory;
        this.temporary = temporary;
    }

    /** The bundle at {@code location}, copied to the local disk first when it is on a remote file system. */
    public static LocalBundle of(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("The model bundle path is empty.");
        }
        URI uri = toUri(location.trim());
        if (uri == null || uri.getScheme() == null || uri.getScheme().length() == 1) {
            return new LocalBundle(Path.of(location.trim()), false);
        }
        if (uri.getScheme().equals("file")) {
            return new LocalBundle(Path.of(uri), false);
        }
        return new LocalBundle(copyToTemporaryDirectory(uri), true);
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        if (temporary) {
            deleteRecursively(directory);
        }
    }

    private static URI toUri(String location) {
        try {
            return new URI(location);
        } catch (URISyntaxException e) {
            return null; // a local path with characters a URI does not allow, such as spaces
        }
    }

    private static Path copyToTemporaryDirectory(URI uri) {
        Path target = null;
        try {
            target = Files.createTempDirectory("categorizer-bundle-");
            org.apache.flink.core.fs.Path source = new org.apache.flink.core.fs.Path(uri);
            copy(source.getFileSystem(), source, target);
            return target;
        } catch (IOException e) {
            if (target != null) {
                deleteRecursively(target);
            }
            throw new UncheckedIOException("Cannot copy the model bundle " + Locations.redact(String.valueOf(uri))
                    + " to the local disk: " + e, e);
        }
    }

    private static void copy(FileSystem fs, org.apache.flink.core.fs.Path source, Path target) throws IOException {
        FileStatus[] children = fs.listStatus(source);
        if (children == null) {
            throw new IOException("no such directory: " + source);
        }
        Files.createDirectories(target);
        for (FileStatus child : children) {
            Path local = target.resolve(child.getPath().getName());
            if (child.isDir()) {
                copy(fs, child.getPath(), local);
            } else {
                try (InputStream in = fs.open(child.getPath())) {
                    Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary copy that cannot be deleted is left for the OS to clean up
        }
    }
}
