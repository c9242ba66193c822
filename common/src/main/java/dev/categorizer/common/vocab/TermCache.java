package dev.categorizer.common.vocab;

/**
 * One thread's cache of short terms looked up in one {@link Vocabulary}: direct-mapped, {@link #SIZE} entries of a
 * packed term key and its index (or -1: not in the vocabulary), 24 KB, so that it lives in the processor's
 * first-level cache. An empty entry holds key 0, which no term has. Not thread-safe: one per thread.
 */
final class TermCache {
    static final int SIZE = 2048;
    static final int MASK = SIZE - 1;

    final long[] keys = new long[SIZE];
    final int[] indices = new int[SIZE];
}
