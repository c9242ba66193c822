package dev.categorizer.jobs.io;

import dev.categorizer.jobs.io.FilePaths;
import dev.categorizer.model.tensor.TensorStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * A {@link TensorStore} on any Flink file system (local, s3://, gs://, hdfs://): where a training run keeps its
 * checkpointed tensors and best weights, next to Flink's own checkpoints, so that every task manager can read
 * them back after a failover.
 */
public final class FlinkTensorStore implements TensorStore {
    private static final long serialVersionUID = 1L;

    private final String root;

    public FlinkTensorStore(String root) {
        this.root = root;
    }

    private Path path(String name) {
        if (name.contains("..")) throw new IllegalArgumentException("name outside the store: " + name);
        return name.isEmpty() ? FilePaths.of(root) : new Path(FilePaths.of(root), name);
    }

    @Override
    public OutputStream create(String name) throws IOException {
        Path p = path(name);
        return new BufferedOutputStream(p.getFileSystem().create(p, FileSystem.WriteMode.OVERWRITE), 1 << 16);
    }

    @Override
    public InputStream open(String name) throws IOException {
        Path p = path(name);
        return new BufferedInputStream(p.getFileSystem().open(p), 1 << 16);
    }

    @Override
    public boolean exists(String name) throws IOException {
        Path p = path(name);
        return p.getFileSystem().exists(p);
    }

    @Override
    public List<String> list(String level) throws IOException {
        Path p = path(level);
        FileSystem fs = p.getFileSystem();
        List<String> out = new ArrayList<>();
        if (!fs.exists(p)) return out;
        FileStatus[] children = fs.listStatus(p);
        if (children != null) {
            for (FileStatus c : children) out.add(c.getPath().getName());
        }
        out.sort(null);
        return out;
    }

    @Override
    public void delete(String name) throws IOException {
        Path p = path(name);
        FileSystem fs = p.getFileSystem();
        if (fs.exists(p)) fs.delete(p, true);
    }

    @Override
    public String describe(String name) {
        return path(name).toString();
    }
}
