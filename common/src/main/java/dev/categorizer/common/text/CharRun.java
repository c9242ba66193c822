package dev.categorizer.common.text;

/**
 * A reusable run of characters, {@code chars[0, length)}: the cleaned text of one field on the scoring hot path,
 * written by {@link TextCleaner#cleanInto} and read by the tokenizer without a string in between. Not
 * thread-safe: each thread keeps its own.
 */
final class CharRun {

    /** Above this many chars the array is not kept after use, so one huge field does not stay in memory. */
    static final int MAX_KEPT = 1 << 16;

    char[] chars = new char[256];
    int length;

    /** Empties the run and makes room for {@code capacity} chars. */
    void clear(int capacity) {
        length = 0;
        if (chars.length < capacity) {
            chars = new char[Math.max(capacity, 2 * chars.length)];
        }
    }

    /** Drops an array that grew past {@link #MAX_KEPT} (call when done with the text). */
    void trim() {
        if (chars.length > MAX_KEPT) {
            chars = new char[256];
        }
    }
}
