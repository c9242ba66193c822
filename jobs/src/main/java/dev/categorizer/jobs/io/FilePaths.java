package dev.categorizer.jobs.io;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/** Turning user-given PATH strings into Flink paths, and looking at what they hold. */
public final class FilePaths {

    private FilePaths() {}

    /**
     * A Flink path for {@code path}: URIs with a scheme (s3://, hdfs://, file://) as given, plain paths as absolute
     * local file URIs, so that they mean the same on the client and in the task managers.
     */
    public static Path of(String path) {
        if (hasScheme(path)) {
            return new Path(path);
        }
        return Path.fromLocalFile(new File(path).getAbsoluteFile());
    }

    /** Whether {@code path} names the local file system (no scheme, or file:). */
    public static boolean isLocal(String path) {
        return !hasScheme(path) || path.startsWith("file:");
    }

    /** The local file of a path for which {@link #isLocal} holds. */
    public static java.nio.file.Path toLocal(String path) {
        if (path.startsWith("file:")) {
            return java.nio.file.Path.of(URI.create(of(path).toUri().toString()));
        }
        return java.nio.file.Path.of(path).toAbsolutePath();
    }

    private static boolean hasScheme(String path) {
        int colon = path.indexOf(':');
        // "C:\..." is a Windows drive, not a scheme.
        return colon > 1 && path.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
    }

    /** Hidden and bookkeeping files ({@code .crc}, {@code _SUCCESS}, in-progress sink files) are not data. */
    public static boolean isHidden(Path path) {
        String name = path.getName();
        return name.startsWith(".") || name.startsWith("_");
    }

    public static boolean isParquet(Path path) {
        return path.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".parquet");
    }

    /** What a directory holds, recursively, skipping hidden files: Parquet files, other files. */
    record Contents(boolean parquet, boolean other) {}

    static Contents contents(Path dir) throws IOException {
        FileSystem fs = dir.getFileSystem();
        int[] found = new int[2];
        scan(fs, dir, found);
        return new Contents(found[0] > 0, found[1] > 0);
    }

    private static void scan(FileSystem fs, Path dir, int[] found) throws IOException {
        FileStatus[] children = fs.listStatus(dir);
        if (children == null) {
            return;
        }
        for (FileStatus child : children) {
            if (isHidden(child.getPath())) {
                continue;
            }
            if (child.isDir()) {
                scan(fs, child.getPath(), found);
            } else if (isParquet(child.getPath())) {
                found[0]++;
            } else {
                found[1]++;
            }
        }
    }
}
