package dev.categorizer.model.tensor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;

/**
 * Named files of tensors, on any storage: a local directory ({@link LocalTensorStore}), memory
 * ({@link MemoryTensorStore}, for small models in tests) or, in the jobs, any Flink file system. Names are
 * relative paths with {@code /} between levels ({@code chk-12/w1}). A store is serializable so that a reference to
 * stored weights can travel with a Flink record; the tensors themselves never do.
 *
 * <pre>{@code
 * TensorStore store = new LocalTensorStore(Path.of("work/training-state"));
 * try (OutputStream out = store.create("best/w1")) { graph.saveVariable(0, out); }
 * }</pre>
 */
public interface TensorStore extends Serializable {

    /** A new file (replacing one of the same name), its parent levels created as needed. */
    OutputStream create(String name) throws IOException;

    /** Reads a file written by {@link #create}. */
    InputStream open(String name) throws IOException;

    /** Whether a file or level of that name exists. */
    boolean exists(String name) throws IOException;

    /** The names of the direct children of a level, without the level's prefix; empty when it does not exist. */
    List<String> list(String level) throws IOException;

    /** Deletes a file or a whole level, if present. */
    void delete(String name) throws IOException;

    /** Where this store keeps its files, for messages. */
    String describe(String name);
}
