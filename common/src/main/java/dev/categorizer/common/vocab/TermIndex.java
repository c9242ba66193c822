package dev.categorizer.common.vocab;

/**
 * An immutable term -> index hash table (open addressing, linear probing) without boxing, laid out for the
 * vectorizing hot path: a probe reads one table entry of 4 ints (hash, index, offset, length) and a match
 * compares against the terms' characters stored one after another in a single {@code char[]}. So a lookup costs
 * about two cache misses, where a table of {@code String}s costs five (slot, string, its bytes, hash, value).
 */
final class TermIndex {

    private static final int STRIDE = 4; // hash, index + 1 (0 = empty slot), offset in chars, length

    private final int[] table;
    private final char[] chars;
    private final int mask;
    private final int shift;

    /** Indexes {@code terms[i] -> i}; terms must be distinct and non-null. */
    TermIndex(String[] terms) {
        int capacity = Integer.highestOneBit(Math.max(4, terms.length * 2 - 1)) << 1; // load factor <= 0.5
        table = new int[capacity * STRIDE];
        mask = capacity - 1;
        shift = Integer.numberOfLeadingZeros(mask);
        long totalChars = 0;
        for (String term : terms) totalChars += term.length();
        if (totalChars > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("vocabulary too large");
        chars = new char[(int) totalChars];
        int offset = 0;
        for (int i = 0; i < terms.length; i++) {
            String term = terms[i];
            int h = term.hashCode();
            int slot = spread(h);
            while (table[slot * STRIDE + 1] != 0) {
                int e = slot * STRIDE;
                if (table[e] == h && same(table[e + 2], table[e + 3], term, 0, term.length())) {
                    throw new IllegalArgumentException("duplicate term '" + term + "' at indices "
                            + (table[e + 1] - 1) + " and " + i);
                }
                slot = (slot + 1) & mask;
            }
            term.getChars(0, term.length(), chars, offset);
            int e = slot * STRIDE;
            table[e] = h;
            table[e + 1] = i + 1;
            table[e + 2] = offset;
            table[e + 3] = term.length();
            offset += term.length();
        }
    }

    /** The index of {@code term}, or -1. */
    int get(String term) {
        return find(term.hashCode(), term, 0, term.length());
    }

    /** The index of {@code text.substring(start, end)}, or -1, without making the substring. */
    int get(String text, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + text.charAt(i); // String.hashCode of the range
        }
        return find(h, text, start, end - start);
    }

    private int find(int h, String text, int start, int length) {
        int slot = spread(h);
        while (true) {
            int e = slot * STRIDE;
            int value = table[e + 1];
            if (value == 0) {
                return -1;
            }
            if (table[e] == h && table[e + 3] == length && same(table[e + 2], length, text, start, length)) {
                return value - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Whether the stored term at {@code offset} equals {@code text[start, start + length)}. */
    private boolean same(int offset, int storedLength, String text, int start, int length) {
        if (storedLength != length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (chars[offset + k] != text.charAt(start + k)) {
                return false;
            }
        }
        return true;
    }

    private int spread(int h) {
        // Fibonacci hashing: the top bits of the product depend on all bits of the (clustered) String hash.
        return (h ^ (h >>> 16)) * 0x9E3779B9 >>> shift;
    }
}
