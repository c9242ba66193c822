package dev.categorizer.common.vocab;

/**
 * An immutable term -> index hash table (open addressing, linear probing) without boxing: the lookup on the
 * vectorizing hot path is one cached {@link String#hashCode()}, a few array reads and one {@code equals}.
 */
final class TermIndex {

    private final String[] keys;
    private final int[] hashes; // keys[slot].hashCode(): most probes end on a differing hash, without a compare
    private final int[] values;
    private final int mask;
    private final int shift;

    /** Indexes {@code terms[i] -> i}; terms must be distinct and non-null. */
    TermIndex(String[] terms) {
        int capacity = Integer.highestOneBit(Math.max(4, terms.length * 2 - 1)) << 1; // load factor <= 0.5
        keys = new String[capacity];
        hashes = new int[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        shift = Integer.numberOfLeadingZeros(mask);
        for (int i = 0; i < terms.length; i++) {
            int slot = slot(terms[i]);
            while (keys[slot] != null) {
                if (keys[slot].equals(terms[i])) {
                    throw new IllegalArgumentException("duplicate term '" + terms[i] + "' at indices "
                            + values[slot] + " and " + i);
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = terms[i];
            hashes[slot] = terms[i].hashCode();
            values[slot] = i;
        }
    }

    /** The index of {@code term}, or -1. */
    int get(String term) {
        int slot = slot(term);
        String key;
        while ((key = keys[slot]) != null) {
            if (key.equals(term)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** The index of {@code text.substring(start, end)}, or -1, without making the substring. */
    int get(String text, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + text.charAt(i); // String.hashCode of the range
        }
        int length = end - start;
        int slot = spread(h);
        String key;
        while ((key = keys[slot]) != null) {
            if (hashes[slot] == h && sameChars(key, text, start, length)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** {@code key.equals(text.substring(start, start + length))}; a hand loop is faster than regionMatches here. */
    private static boolean sameChars(String key, String text, int start, int length) {
        if (key.length() != length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (key.charAt(k) != text.charAt(start + k)) {
                return false;
            }
        }
        return true;
    }

    private int slot(String term) {
        return spread(term.hashCode());
    }

    private int spread(int h) {
        // Fibonacci hashing: the top bits of the product depend on all bits of the (clustered) String hash.
        return (h ^ (h >>> 16)) * 0x9E3779B9 >>> shift;
    }
}
