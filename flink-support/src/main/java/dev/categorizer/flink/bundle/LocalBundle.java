package dev.categorizer.flink.bundle;

import dev.categorizer.common.io.FileTrees;
import dev.categorizer.common.config.Locations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.categorizer.model.bundle.ModelLocation;
import dev.categorizer.model.tensor.TensorStore;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;

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
        Path local = localDirectory(location);
        if (local != null) {
            return new LocalBundle(local, false);
        }
        return new LocalBundle(copyToTemporaryDirectory(toUri(location.trim())), true);
    }

    /**
     * The directory a local {@code location} (a plain path or a {@code file:} URI) names, or null when the
     * location is on another file system.
     */
    static Path localDirectory(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("The model bundle path is empty.");
        }
        URI uri = toUri(location.trim());
        if (uri == null || uri.getScheme() == null || uri.getScheme().length() == 1) {
            return Path.of(location.trim());
        }
        return uri.getScheme().equals("file") ? Path.of(uri) : null;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        if (temporary) {
            FileTrees.deleteQuietly(directory.getParent());
        }
    }

    private static URI toUri(String location) {
        try {
            return new URI(location);
        } catch (URISyntaxException e) {
            return null; // a local path with characters a URI does not allow, such as spaces
        }
    }

    /** Copies the bundle in service at a remote location, only the files of its format (see ModelLocation). */
    private static Path copyToTemporaryDirectory(URI uri) {
        Path target = null;
        try {
            target = Files.createTempDirectory("categorizer-bundle-");
            ModelLocation.download(new RemoteFiles(new org.apache.flink.core.fs.Path(uri)), target.resolve("bundle"));
            return target.resolve("bundle");
        } catch (IOException e) {
            if (target != null) {
                FileTrees.deleteQuietly(target);
            }
            throw new UncheckedIOException("Cannot copy the model bundle " + Locations.redact(String.valueOf(uri))
                    + " to the local disk: " + e, e);
        }
    }

    /** The files of a remote location, read-only: all that downloading a bundle needs. */
    private static final class RemoteFiles implements TensorStore {
        private static final long serialVersionUID = 1L;
        private final org.apache.flink.core.fs.Path root;

        RemoteFiles(org.apache.flink.core.fs.Path root) {
            this.root = root;
        }

        private org.apache.flink.core.fs.Path path(String name) {
            return name.isEmpty() ? root : new org.apache.flink.core.fs.Path(root, name);
        }

        @Override
        public InputStream open(String name) throws IOException {
            return path(name).getFileSystem().open(path(name));
        }

        @Override
        public boolean exists(String name) throws IOException {
            return path(name).getFileSystem().exists(path(name));
        }

        @Override
        public List<String> list(String level) throws IOException {
            FileStatus[] children = path(level).getFileSystem().listStatus(path(level));
            List<String> names = new ArrayList<>();
            if (children != null) for (FileStatus c : children) names.add(c.getPath().getName());
            return names;
        }

        @Override
        public OutputStream create(String name) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public void delete(String name) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public String describe(String name) {
            return path(name).toString();
        }
    }
}
