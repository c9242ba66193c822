package dev.categorizer.model.tensor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link TensorStore} in memory, one array per file: only for small models (tests, fixtures), since a file
 * must fit in one Java array.
 */
public final class MemoryTensorStore implements TensorStore {
    private static final long serialVersionUID = 1L;

    private final Map<String, byte[]> files = new ConcurrentSkipListMap<>();

    @Override
    public OutputStream create(String name) {
        return new ByteArrayOutputStream() {
            @Override
            public void close() {
                files.put(name, toByteArray());
            }
        };
    }

    @Override
    public InputStream open(String name) throws FileNotFoundException {
        byte[] bytes = files.get(name);
        if (bytes == null) throw new FileNotFoundException(describe(name));
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public boolean exists(String name) {
        return files.containsKey(name) || files.keySet().stream().anyMatch(k -> k.startsWith(name + "/"));
    }

    @Override
    public List<String> list(String level) {
        String prefix = level.isEmpty() ? "" : level + "/";
        TreeSet<String> children = new TreeSet<>();
        for (String k : files.keySet()) {
            if (k.startsWith(prefix)) {
                String rest = k.substring(prefix.length());
                int slash = rest.indexOf('/');
                children.add(slash < 0 ? rest : rest.substring(0, slash));
            }
        }
        return new ArrayList<>(children);
    }

    @Override
    public void delete(String name) {
        files.keySet().removeIf(k -> k.equals(name) || k.startsWith(name + "/"));
    }

    @Override
    public String describe(String name) {
        return "memory:" + name;
    }
}
