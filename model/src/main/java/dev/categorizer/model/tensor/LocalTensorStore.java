package dev.categorizer.model.tensor;

import dev.categorizer.common.io.FileTrees;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A {@link TensorStore} in a local directory. */
public final class LocalTensorStore implements TensorStore {
    private static final long serialVersionUID = 1L;

    private final String root; // a String: Path is not serializable

    public LocalTensorStore(Path root) {
        this.root = root.toAbsolutePath().normalize().toString();
    }

    private Path path(String name) {
        Path base = Path.of(root);
        Path p = base.resolve(name).normalize();
        if (!p.startsWith(base)) throw new IllegalArgumentException("name outside the store: " + name);
        return p;
    }

    @Override
    public OutputStream create(String name) throws IOException {
        Path p = path(name);
        Files.createDirectories(p.getParent());
        return new BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
    }

    @Override
    public InputStream open(String name) throws IOException {
        return Files.newInputStream(path(name));
    }

    @Override
    public boolean exists(String name) {
        return Files.exists(path(name));
    }

    @Override
    public List<String> list(String level) throws IOException {
        Path p = path(level);
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(p)) return out;
        try (Stream<Path> children = Files.list(p)) {
            children.forEach(c -> out.add(c.getFileName().toString()));
        }
        out.sort(null);
        return out;
    }

    @Override
    public void delete(String name) throws IOException {
        FileTrees.delete(path(name));
    }

    @Override
    public String describe(String name) {
        return path(name).toString();
    }
}
