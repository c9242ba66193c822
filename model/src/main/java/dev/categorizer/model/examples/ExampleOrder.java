package dev.categorizer.model.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Reads an {@link ExampleSet} in a shuffled order that depends only on the seed: the blocks in a random order,
 * grouped into windows of at most {@value #WINDOW_EXAMPLES} examples, each window shuffled as a whole. A set of
 * up to that many examples is thus shuffled completely; a larger one is shuffled in windows, and only one window
 * is in memory at a time. Blocks are random samples of the corpus (bucketed by a hash of the id), so a window is
 * one too. {@link #skip} moves over whole windows without loading them, which is how a resumed run finds its
 * place.
 *
 * <pre>{@code
 * ExampleOrder order = ExampleOrder.shuffled(set, seed);
 * order.skip(stepsDone * batchSize);
 * while (order.hasNext()) train(order.next());
 * }</pre>
 */
public final class ExampleOrder {
    /** Examples shuffled together at most: about 40 MB of examples of 70 features. */
    public static final int WINDOW_EXAMPLES = 65_536;

    private final List<List<ExampleBlock>> windows = new ArrayList<>();
    private final List<Long> windowSeeds = new ArrayList<>();
    private final boolean shuffle;
    private int window = -1;
    private List<Example> current = List.of();
    private int position;

    private ExampleOrder(ExampleSet set, long seed, boolean shuffle) {
        this.shuffle = shuffle;
        List<ExampleBlock> blocks = new ArrayList<>(set.blocks());
        SplittableRandom random = new SplittableRandom(seed);
        if (shuffle) {
            for (int i = blocks.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                ExampleBlock t = blocks.get(i);
                blocks.set(i, blocks.get(j));
                blocks.set(j, t);
            }
        }
        List<ExampleBlock> open = new ArrayList<>();
        long inOpen = 0;
        for (ExampleBlock b : blocks) {
            if (b.size() == 0) continue;
            if (!open.isEmpty() && inOpen + b.size() > WINDOW_EXAMPLES) {
                windows.add(open);
                open = new ArrayList<>();
                inOpen = 0;
            }
            open.add(b);
            inOpen += b.size();
        }
        if (!open.isEmpty()) windows.add(open);
        for (int i = 0; i < windows.size(); i++) windowSeeds.add(random.nextLong());
    }

    /** The set in the shuffled order of {@code seed}. */
    public static ExampleOrder shuffled(ExampleSet set, long seed) {
        return new ExampleOrder(set, seed, true);
    }

    /** The set in its canonical order: blocks as listed, each in its own order. */
    public static ExampleOrder inOrder(ExampleSet set) {
        return new ExampleOrder(set, 0, false);
    }

    public boolean hasNext() {
        while (position >= current.size()) {
            if (window + 1 >= windows.size()) return false;
            load(window + 1);
        }
        return true;
    }

    public Example next() {
        if (!hasNext()) throw new NoSuchElementException();
        return current.get(position++);
    }

    /** Up to {@code max} next examples (fewer only at the end). */
    public List<Example> next(int max) {
        List<Example> out = new ArrayList<>(max);
        while (out.size() < max && hasNext()) out.add(next());
        return out;
    }

    /** Moves past {@code n} examples; whole windows are passed over without reading them. */
    public void skip(long n) {
        long left = n;
        while (left > 0) {
            long inCurrent = current.size() - position;
            if (left <= inCurrent) {
                position += (int) left;
                return;
            }
            left -= inCurrent;
            position = current.size();
            int next = window + 1;
            if (next >= windows.size()) return;
            long size = windowSize(next);
            if (left >= size) {
                window = next; // skipped unread
                current = List.of();
                position = 0;
                left -= size;
            } else {
                load(next);
            }
        }
    }

    private long windowSize(int w) {
        long n = 0;
        for (ExampleBlock b : windows.get(w)) n += b.size();
        return n;
    }

    private void load(int w) {
        List<Example> examples = new ArrayList<>((int) windowSize(w));
        try {
            for (ExampleBlock b : windows.get(w)) examples.addAll(b.load());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read training examples: " + e.getMessage(), e);
        }
        if (shuffle) {
            SplittableRandom random = new SplittableRandom(windowSeeds.get(w));
            for (int i = examples.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Example t = examples.get(i);
                examples.set(i, examples.get(j));
                examples.set(j, t);
            }
        }
        window = w;
        current = examples;
        position = 0;
    }
}
