package dev.categorizer.jobs.sink;

import dev.categorizer.jobs.io.FilePaths;
import java.io.IOException;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Removes what attempts that failed left in a file output of a bounded job. Flink's file sink commits the part
 * files of the attempt that finished and ignores the in-progress files of attempts that failed and were restarted:
 * hidden ({@code .name.inprogress.<uuid>}), never read, but half files in the user's output all the same. Called
 * once the job has finished successfully, when no attempt can still be writing.
 *
 * <pre>{@code
 * env.execute("score");
 * LeftoverPartFiles.delete("out/predictions");
 * }</pre>
 */
public final class LeftoverPartFiles {
    private LeftoverPartFiles() {}

    /** Deletes the in-progress part files under {@code directory} (any Flink file system); returns how many. */
    public static int delete(String directory) throws IOException {
        Path root = FilePaths.of(directory);
        FileSystem fs = root.getFileSystem();
        return fs.exists(root) ? delete(fs, root) : 0;
    }

    private static int delete(FileSystem fs, Path dir) throws IOException {
        int deleted = 0;
        FileStatus[] children = fs.listStatus(dir);
        if (children == null) return 0;
        for (FileStatus child : children) {
            String name = child.getPath().getName();
            if (child.isDir()) {
                deleted += delete(fs, child.getPath());
            } else if (name.startsWith(".") && name.contains(".inprogress.")) {
                fs.delete(child.getPath(), false);
                deleted++;
            }
        }
        return deleted;
    }
}
