package dev.categorizer.model.examples;

import java.util.ArrayList;
import java.util.List;

/**
 * The examples of a training or validation set as blocks ({@link ExampleBlock}), so that a run holds only the
 * blocks it is reading and its heap does not grow with the corpus. {@link ExampleOrder} reads a set in a
 * shuffled order that depends only on a seed.
 *
 * <pre>{@code
 * ExampleSet small = ExampleSet.of(List.of(example1, example2));       // one block in memory
 * ExampleSet large = bucketWriter.finish();                             // bucket files on local disk
 * ExampleSet both = ExampleSet.concat(large, small);
 * }</pre>
 */
public record ExampleSet(List<ExampleBlock> blocks) {

    public ExampleSet {
        blocks = List.copyOf(blocks);
    }

    /** A set held in memory as one block. */
    public static ExampleSet of(List<Example> examples) {
        return new ExampleSet(examples.isEmpty() ? List.of() : List.of(ExampleBlock.of(examples)));
    }

    /** The blocks of {@code first}, then those of {@code second}. */
    public static ExampleSet concat(ExampleSet first, ExampleSet second) {
        List<ExampleBlock> all = new ArrayList<>(first.blocks);
        all.addAll(second.blocks);
        return new ExampleSet(all);
    }

    /** Number of examples. */
    public long size() {
        long n = 0;
        for (ExampleBlock b : blocks) n += b.size();
        return n;
    }

    public boolean isEmpty() {
        return size() == 0;
    }
}
