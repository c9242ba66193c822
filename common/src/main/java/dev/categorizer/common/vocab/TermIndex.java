package dev.categorizer.common.vocab;

import java.util.Arrays;

/**
 * An immutable term -> index hash table (open addressing, linear probing) without boxing, laid out for the
 * vectorizing hot path. A slot is two longs in one cache line: the term's hash with its index, and the term's
 * characters packed into a long with its length when it is a short Latin-1 term (up to 7 characters below
 * U+0100, the bulk of any vocabulary). So a lookup of a short term costs one cache miss and no character loop; longer terms are
 * compared against their characters, stored one after another in a single {@code char[]}. A table of
 * {@code String}s costs five misses (slot, string, its bytes, hash, value).
 */
final class TermIndex {

    /** The packed key of a term that is not short Latin-1: compare its characters instead. */
    private static final long NOT_PACKED = 0L;
    private static final int MAX_PACKED = 7; // characters, one byte each, under the length byte

    private final long[] table; // per slot: hash << 32 | (index + 1) (0 = empty slot), then the packed key
    private final char[] chars;
    private final int[] offsets; // term i is chars[offsets[i], offsets[i + 1])
    private final int mask;
    private final int shift;

    /** Indexes {@code terms[i] -> i}; terms must be distinct, non-null and non-empty. */
    TermIndex(String[] terms) {
        int capacity = Integer.highestOneBit(Math.max(4, terms.length * 2 - 1)) << 1; // load factor <= 0.5
        table = new long[capacity * 2];
        mask = capacity - 1;
        shift = Integer.numberOfLeadingZeros(mask);
        long totalChars = 0;
        for (String term : terms) totalChars += term.length();
        if (totalChars > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("vocabulary too large");
        chars = new char[(int) totalChars];
        offsets = new int[terms.length + 1];
        for (int i = 0; i < terms.length; i++) {
            String term = terms[i];
            term.getChars(0, term.length(), chars, offsets[i]);
            offsets[i + 1] = offsets[i] + term.length();
            int h = term.hashCode();
            int found = find(h, pack(chars, offsets[i], term.length()), chars, offsets[i], term.length());
            if (found >= 0) {
                throw new IllegalArgumentException("duplicate term '" + term + "' at indices " + found + " and " + i);
            }
            int slot = spread(h);
            while (table[2 * slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[2 * slot] = (long) h << 32 | (i + 1);
            table[2 * slot + 1] = pack(chars, offsets[i], term.length());
        }
    }

    /** The index of {@code term}, or -1. */
    int get(String term) {
        return get(term.toCharArray(), 0, term.length()); // off the hot path, which looks up char ranges
    }

    /** The index of {@code text[start, end)}, or -1. */
    int get(char[] text, int start, int end) {
        int length = end - start;
        int h = 0;
        long packed = 0;
        int or = 0;
        for (int i = start, shiftBits = 0; i < end; i++, shiftBits += 8) {
            char c = text[i];
            h = 31 * h + c; // String.hashCode of the range
            packed |= (long) c << shiftBits; // garbage past 7 chars or above U+00FF: then not used
            or |= c;
        }
        return find(h, length <= MAX_PACKED && or <= 0xFF ? packed | (long) length << 56 : NOT_PACKED, text, start, length);
    }

    /**
     * Packs a term of 1 to 7 characters, all below U+0100, one byte each, with its length in the top byte (so
     * never 0). Anything else gives {@link #NOT_PACKED}.
     */
    private static long pack(char[] text, int start, int length) {
        if (length < 1 || length > MAX_PACKED) {
            return NOT_PACKED;
        }
        long packed = (long) length << 56;
        for (int k = 0; k < length; k++) {
            char c = text[start + k];
            if (c > 0xFF) {
                return NOT_PACKED;
            }
            packed |= (long) c << (8 * k);
        }
        return packed;
    }

    private int find(int h, long packed, char[] text, int start, int length) {
        for (int slot = spread(h); ; slot = (slot + 1) & mask) {
            long head = table[2 * slot];
            if (head == 0) {
                return -1;
            }
            if ((int) (head >>> 32) == h) {
                int index = (int) head - 1;
                long key = table[2 * slot + 1];
                if (key != NOT_PACKED ? key == packed : sameChars(index, text, start, length)) {
                    return index;
                }
            }
        }
    }

    /** Whether term {@code index} equals {@code text[start, start + length)}. */
    private boolean sameChars(int index, char[] text, int start, int length) {
        int offset = offsets[index];
        return Arrays.equals(chars, offset, offsets[index + 1], text, start, start + length);
    }

    private int spread(int h) {
        // Fibonacci hashing: the top bits of the product depend on all bits of the (clustered) String hash.
        return (h ^ (h >>> 16)) * 0x9E3779B9 >>> shift;
    }
}
