package dev.categorizer.common.vocab;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * An immutable term -> index hash table (open addressing, linear probing) without boxing, laid out for the
 * vectorizing hot path, where most lookups are of short words.
 *
 * <p>A slot is two longs in one cache line: the term's index with its hash, and its key. A short Latin-1 term
 * (1 to 7 characters below U+0100, the bulk of any vocabulary) has its characters packed into the key, one byte
 * each, under its length: it is found by comparing that one long, with a hash computed from the key in a few
 * instructions, so its lookup is one pass over its characters and one cache miss. Any other term has key 0 and
 * is compared against its characters, stored one after another in a single {@code char[]}, with
 * {@link String#hashCode}'s hash. A table of {@code String}s costs five misses (slot, string, its bytes, hash,
 * value) and two passes.
 */
final class TermIndex {

    /** The key of a term that is not short Latin-1: compare its characters instead. */
    private static final long NOT_PACKED = 0L;
    private static final int MAX_PACKED = 7; // characters, one byte each, under the length byte
    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long[] table; // per slot: hash << 32 | (index + 1) (0 = empty slot), then the key
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
            int offset = offsets[i];
            term.getChars(0, term.length(), chars, offset);
            offsets[i + 1] = offset + term.length();
            int found = get(chars, offset, offset + term.length());
            if (found >= 0) {
                throw new IllegalArgumentException("duplicate term '" + term + "' at indices " + found + " and " + i);
            }
            long key = key(chars, offset, term.length());
            int h = key != NOT_PACKED ? hashOfKey(key) : term.hashCode();
            int slot = spread(h);
            while (table[2 * slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[2 * slot] = (long) h << 32 | (i + 1);
            table[2 * slot + 1] = key;
        }
    }

    /** The index of {@code term}, or -1. */
    int get(String term) {
        return get(term.toCharArray(), 0, term.length()); // off the hot path, which looks up char ranges
    }

    /** The index of {@code text[start, end)}, or -1. */
    int get(char[] text, int start, int end) {
        int length = end - start;
        if (length <= MAX_PACKED) {
            long key = (long) length << 56;
            int or = 0;
            for (int i = start, shiftBits = 0; i < end; i++, shiftBits += 8) {
                char c = text[i];
                key |= (long) c << shiftBits; // garbage if c > U+00FF: then not used
                or |= c;
            }
            if (or <= 0xFF && length > 0) {
                return findKey(key);
            }
        }
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + text[i]; // String.hashCode of the range
        }
        return findChars(h, text, start, length);
    }

    /**
     * The index of the Latin-1 term {@code text[start, end)}, one byte per character, or -1. A short term's key
     * is its first eight bytes read as one long and masked to its length, with no loop; so the 8 bytes from
     * {@code start} are read whatever the term's length, and must exist (else the bytes are read one by one).
     */
    int getLatin1(byte[] text, int start, int end) {
        int length = end - start;
        if (length <= MAX_PACKED && length > 0) {
            return findKey(packedLatin1(text, start, length));
        }
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + (text[i] & 0xFF); // String.hashCode of the term
        }
        for (int slot = spread(h); ; slot = (slot + 1) & mask) {
            long head = table[2 * slot];
            if (head == 0) {
                return -1;
            }
            if ((int) (head >>> 32) == h && table[2 * slot + 1] == NOT_PACKED
                    && sameLatin1((int) head - 1, text, start, length)) {
                return (int) head - 1;
            }
        }
    }

    /**
     * {@link #getLatin1}, through {@code cache}: a short term found in the cache costs one read of it, in the
     * processor's first-level cache, instead of a probe of the table, which a large vocabulary keeps in memory
     * and which a document's few hundred words would otherwise visit at random. The frequent words of any text
     * (Zipf) stay in the cache.
     */
    int getLatin1(byte[] text, int start, int end, TermCache cache) {
        int length = end - start;
        if (length > MAX_PACKED || length == 0) {
            return getLatin1(text, start, end);
        }
        long key = packedLatin1(text, start, length);
        int h = hashOfKey(key);
        int entry = h & TermCache.MASK;
        if (cache.keys[entry] == key) {
            return cache.indices[entry];
        }
        int index = findKey(key, h);
        cache.keys[entry] = key;
        cache.indices[entry] = index;
        return index;
    }

    /** The packed key of the Latin-1 term {@code text[start, start + length)}, 1 to {@link #MAX_PACKED} bytes. */
    private static long packedLatin1(byte[] text, int start, int length) {
        long key;
        if (start + 8 <= text.length) {
            key = (long) LITTLE_ENDIAN_LONG.get(text, start) & ((1L << (8 * length)) - 1);
        } else {
            key = 0;
            for (int k = 0; k < length; k++) {
                key |= (long) (text[start + k] & 0xFF) << (8 * k);
            }
        }
        return key | (long) length << 56;
    }

    /** The key of term {@code text[start, start + length)}: packed if it is short Latin-1, else NOT_PACKED. */
    private static long key(char[] text, int start, int length) {
        if (length < 1 || length > MAX_PACKED) {
            return NOT_PACKED;
        }
        long key = (long) length << 56;
        for (int k = 0; k < length; k++) {
            char c = text[start + k];
            if (c > 0xFF) {
                return NOT_PACKED;
            }
            key |= (long) c << (8 * k);
        }
        return key;
    }

    /** The index of the short term with this key, or -1: the key alone identifies it. */
    private int findKey(long key) {
        return findKey(key, hashOfKey(key));
    }

    private int findKey(long key, int hashOfKey) {
        for (int slot = spread(hashOfKey); ; slot = (slot + 1) & mask) {
            long head = table[2 * slot];
            if (head == 0) {
                return -1;
            }
            if (table[2 * slot + 1] == key) {
                return (int) head - 1;
            }
        }
    }

    /** The index of the (not short Latin-1) term {@code text[start, start + length)} with hash {@code h}, or -1. */
    private int findChars(int h, char[] text, int start, int length) {
        for (int slot = spread(h); ; slot = (slot + 1) & mask) {
            long head = table[2 * slot];
            if (head == 0) {
                return -1;
            }
            if ((int) (head >>> 32) == h && table[2 * slot + 1] == NOT_PACKED && sameChars((int) head - 1, text,
                    start, length)) {
                return (int) head - 1;
            }
        }
    }

    /** Whether term {@code index} equals {@code text[start, start + length)}. */
    private boolean sameChars(int index, char[] text, int start, int length) {
        int offset = offsets[index];
        if (offsets[index + 1] - offset != length) {
            return false;
        }
        for (int k = 0; k < length; k++) { // terms are short: a loop beats the intrinsic's call here
            if (chars[offset + k] != text[start + k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether term {@code index} equals the Latin-1 {@code text[start, start + length)}. */
    private boolean sameLatin1(int index, byte[] text, int start, int length) {
        int offset = offsets[index];
        if (offsets[index + 1] - offset != length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (chars[offset + k] != (text[start + k] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static int hashOfKey(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private int spread(int h) {
        // Fibonacci hashing: the top bits of the product depend on all bits of the (clustered) String hash.
        return (h ^ (h >>> 16)) * 0x9E3779B9 >>> shift;
    }
}
