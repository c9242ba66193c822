package dev.categorizer.common.text;

import java.util.Arrays;

/**
 * The words of a raw text field in one pass, for the common field that is plain ASCII without character
 * references. There, cleaning only lower-cases letters, turns digits and whitespace into spaces and removes
 * markup and URLs, and the {@link TokenizerKind#SIMPLE} tokenizer's words are the maximal runs of ASCII letters:
 * so the words are the letter runs of the raw text outside markup and URLs, lower-cased. Finding them directly skips
 * writing the cleaned text and reading it a second time, and the words come out as bytes, which the vocabulary
 * looks up eight at a time. A test checks the result against cleaning then tokenizing, on random text and the
 * shared datasets.
 *
 * <pre>{@code
 * AsciiWords words = new AsciiWords();              // one per thread: it keeps its buffers
 * int n = words.scan("Star Wars (1977)");           // 2; -1 would mean "use the cleaner"
 * String first = new String(words.bytes(), words.start(0), words.end(0) - words.start(0), ISO_8859_1); // "star"
 * }</pre>
 */
final class AsciiWords {

    /** Bytes readable past the end of any word, so that a word's first eight bytes can be read as one long. */
    static final int PADDING = 8;
    private static final int MAX_KEPT = 1 << 16;

    private char[] chars = new char[256];
    private byte[] bytes = new byte[256 + PADDING];
    private int[] bounds = new int[256]; // word k is bytes[bounds[2k], bounds[2k + 1])

    /**
     * Finds the words of {@code raw}, lower-cased, into {@link #bytes} at {@code raw}'s positions; returns how
     * many, or -1 if {@code raw} has a character only the full cleaner handles (non-ASCII or {@code &}), in
     * which case nothing found is meaningful.
     */
    int scan(String raw) {
        int n = raw.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
            bytes = new byte[chars.length + PADDING];
        }
        char[] in = chars;
        byte[] out = bytes;
        raw.getChars(0, n, in, 0); // one bulk copy: the loop reads an array, not charAt
        TextCleaner.MarkupEnds markup = null; // made at the first '<'
        int words = 0;
        int i = 0;
        while (i < n) {
            char c = in[i];
            char lower = (char) (c | 0x20);
            if (lower >= 'a' && lower <= 'z') {
                if (lower == 'h' || lower == 'w') {
                    int end = TextCleaner.urlEnd(raw, i);
                    if (end > 0) {
                        i = end; // what the URL holds does not matter: the cleaner drops it whole
                        continue;
                    }
                }
                int start = i;
                do {
                    out[i] = (byte) (in[i] | 0x20);
                    i++;
                } while (i < n && isAsciiLetter(in[i]));
                if (2 * words + 1 >= bounds.length) {
                    bounds = Arrays.copyOf(bounds, 2 * bounds.length);
                }
                bounds[2 * words] = start;
                bounds[2 * words + 1] = i;
                words++;
                continue;
            }
            if (c == '<') {
                if (markup == null) {
                    markup = new TextCleaner.MarkupEnds(raw);
                }
                int end = markup.end(i);
                if (end > 0) {
                    i = end; // a tag or comment: dropped whole, a word break, as the cleaner does
                    continue;
                }
            } else if (c >= 0x80 || c == '&') {
                return -1;
            }
            i++;
        }
        return words;
    }

    /** The lower-cased words found by the last {@link #scan}, each followed by at least {@link #PADDING} bytes. */
    byte[] bytes() {
        return bytes;
    }

    int start(int word) {
        return bounds[2 * word];
    }

    int end(int word) {
        return bounds[2 * word + 1];
    }

    /** Lets go of buffers that one enormous field grew, so they do not stay with the thread. */
    void trim() {
        if (chars.length > MAX_KEPT) {
            chars = new char[256];
            bytes = new byte[256 + PADDING];
        }
        if (bounds.length > MAX_KEPT) {
            bounds = new int[256];
        }
    }

    private static boolean isAsciiLetter(char c) {
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'z';
    }
}
