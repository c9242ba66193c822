package dev.categorizer.model.examples;

import java.io.IOException;
import java.util.List;

/** A part of an {@link ExampleSet} small enough to load whole: a bucket file, or a list already in memory. */
public interface ExampleBlock {

    /** Number of examples in the block. */
    int size();

    /** The block's examples, in their canonical order. */
    List<Example> load() throws IOException;

    /** A block over a list held in memory. */
    static ExampleBlock of(List<Example> examples) {
        List<Example> copy = List.copyOf(examples);
        return new ExampleBlock() {
            @Override
            public int size() {
                return copy.size();
            }

            @Override
            public List<Example> load() {
                return copy;
            }
        };
    }
}
