package dev.categorizer.jobs.train;

import dev.categorizer.jobs.io.FilePaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Copies a model bundle directory between the local disk (where {@code ModelBundle} reads and writes) and any
 * Flink file system (s3://, gs://, hdfs://).
 */
public final class BundleCopy {

    private BundleCopy() {}

    /** Replaces {@code target} (a Flink URI) with a copy of the local directory {@code source}. */
    public static void upload(java.nio.file.Path source, String target) throws IOException {
        Path root = FilePaths.of(target);
        FileSystem fs = root.getFileSystem();
        if (fs.exists(root)) {
            fs.delete(root, true);
        }
        List<java.nio.file.Path> files;
        try (Stream<java.nio.file.Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (java.nio.file.Path file : files) {
            Path to = new Path(root, source.relativize(file).toString().replace('\\', '/'));
            try (InputStream in = Files.newInputStream(file);
                    OutputStream out = fs.create(to, FileSystem.WriteMode.OVERWRITE)) {
                in.transferTo(out);
            }
        }
    }

    /** Copies the bundle at {@code source} (a Flink URI) into the new local directory {@code target}. */
    public static void download(String source, java.nio.file.Path target) throws IOException {
        Path root = FilePaths.of(source);
        copyTree(root.getFileSystem(), root, target);
    }

    private static void copyTree(FileSystem fs, Path dir, java.nio.file.Path target) throws IOException {
        Files.createDirectories(target);
        for (FileStatus child : fs.listStatus(dir)) {
            java.nio.file.Path to = target.resolve(child.getPath().getName());
            if (child.isDir()) {
                copyTree(fs, child.getPath(), to);
            } else {
                try (InputStream in = fs.open(child.getPath())) {
                    Files.copy(in, to);
                }
            }
        }
    }
}
