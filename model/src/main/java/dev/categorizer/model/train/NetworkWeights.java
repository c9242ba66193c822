package dev.categorizer.model.train;

import dev.categorizer.model.tensor.MemoryTensorStore;
import dev.categorizer.model.tensor.TensorFile;
import dev.categorizer.model.tensor.TensorStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The learned parameters of the two-layer network, {@code w1} (inputSize x hidden), {@code b1}, {@code w2} (hidden
 * x outputs) and {@code b2}, as {@link TensorFile}s in a {@link TensorStore} under a prefix. The weights are
 * read as streams ({@link #open}), never as one array, so a model of any size passes through a few megabytes of
 * memory; this object itself is only a reference and travels cheaply (for example from the training task to the
 * task that writes the bundle).
 *
 * <pre>{@code
 * NetworkWeights small = NetworkWeights.inMemory(3, 2, 1, w1, b1, w2, b2); // tests
 * try (InputStream in = trained.weights().open("w1")) { ... }
 * }</pre>
 */
public final class NetworkWeights implements Serializable {
    private static final long serialVersionUID = 2L;
    /** The tensors, in the order of the network. */
    public static final List<String> TENSORS = List.of("w1", "b1", "w2", "b2");

    private final TensorStore store;
    private final String prefix;
    private final int inputSize;
    private final int hidden;
    private final int outputs;

    private NetworkWeights(TensorStore store, String prefix, int inputSize, int hidden, int outputs) {
        this.store = store;
        this.prefix = prefix;
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.outputs = outputs;
    }

    /** Weights already written as {@code prefix/w1} ... {@code prefix/b2} in {@code store}. */
    public static NetworkWeights stored(TensorStore store, String prefix, int inputSize, int hidden, int outputs) {
        return new NetworkWeights(store, prefix, inputSize, hidden, outputs);
    }

    /** Small weights from arrays, row-major, kept in memory. */
    public static NetworkWeights inMemory(int inputSize, int hidden, int outputs, float[] w1, float[] b1, float[] w2,
            float[] b2) {
        MemoryTensorStore store = new MemoryTensorStore();
        NetworkWeights weights = new NetworkWeights(store, "weights", inputSize, hidden, outputs);
        float[][] arrays = {w1, b1, w2, b2};
        try {
            for (int i = 0; i < 4; i++) {
                try (OutputStream out = store.create(weights.name(TENSORS.get(i)))) {
                    TensorFile.write(out, arrays[i], weights.shape(TENSORS.get(i)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // memory does not fail
        }
        return weights;
    }

    public int inputSize() { return inputSize; }
    public int hidden() { return hidden; }
    public int outputs() { return outputs; }

    /** The shape of one of {@link #TENSORS}. */
    public long[] shape(String tensor) {
        return shapeOf(tensor, inputSize, hidden, outputs);
    }

    /** The shape of one of {@link #TENSORS} in a network of these sizes. */
    public static long[] shapeOf(String tensor, int inputSize, int hidden, int outputs) {
        return switch (tensor) {
            case "w1" -> new long[] {inputSize, hidden};
            case "b1" -> new long[] {hidden};
            case "w2" -> new long[] {hidden, outputs};
            case "b2" -> new long[] {outputs};
            default -> throw new IllegalArgumentException("no tensor " + tensor);
        };
    }

    private String name(String tensor) {
        shape(tensor); // checks the name
        return prefix + "/" + tensor;
    }

    /** A tensor as a {@link TensorFile} stream. */
    public InputStream open(String tensor) throws IOException {
        return store.open(name(tensor));
    }

    /** Where a tensor is, for messages. */
    public String describe(String tensor) {
        return store.describe(name(tensor));
    }

    /** A tensor as one array: for small models only (tests, tools); a large first layer does not fit. */
    public float[] toArray(String tensor) {
        try {
            return TensorFile.read(open(tensor), describe(tensor), shape(tensor));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code toArray("w1")}: small models only. */
    public float[] w1() { return toArray("w1"); }
    /** {@code toArray("w2")}: small models only. */
    public float[] w2() { return toArray("w2"); }
}
