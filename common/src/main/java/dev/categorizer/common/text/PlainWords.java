package dev.categorizer.common.text;

import java.util.Arrays;

/**
 * The words of a raw text field in one pass, for the common field that is plain text: ASCII and the letters of
 * Latin-1 (U+00C0 to U+00FF but for the signs U+00D7 and U+00F7), without character references. There, cleaning
 * lower-cases the letters (all of them are already in NFKC), turns digits and whitespace into spaces and removes
 * markup and URLs, and the {@link TokenizerKind#SIMPLE} tokenizer's words are the maximal runs of letters: so the
 * words are the letter runs of the raw text outside markup and URLs, lower-cased. Finding them directly skips
 * writing the cleaned text and reading it a second time, and the words come out as Latin-1 bytes, which the
 * vocabulary looks up eight at a time. Any other character (say U+00B2, which NFKC makes a digit, or U+00AD,
 * which cleaning drops inside a word) leaves the field to the cleaner. A test checks the result against cleaning
 * then tokenizing, on random text and the shared datasets.
 *
 * <pre>{@code
 * PlainWords words = new PlainWords();              // one per thread: it keeps its buffers
 * int n = words.scan("Amélie (2001)");              // 1; -1 would mean "use the cleaner"
 * String first = new String(words.bytes(), words.start(0), words.end(0) - words.start(0), ISO_8859_1); // "amélie"
 * }</pre>
 */
final class PlainWords {

    /** Bytes readable past the end of any word, so that a word's first eight bytes can be read as one long. */
    static final int PADDING = 8;
    private static final int MAX_KEPT = 1 << 16;

    private char[] chars = new char[256];
    private byte[] bytes = new byte[256 + PADDING];
    private int[] bounds = new int[256]; // word k is bytes[bounds[2k], bounds[2k + 1])
    private byte[] marks = new byte[16 + PADDING]; // mark k is marks[k]: '!' or '?'
    private int markCount;

    /**
     * Finds the words of {@code raw}, lower-cased, into {@link #bytes} at {@code raw}'s positions; returns how
     * many, or -1 if {@code raw} has a character only the full cleaner handles (beyond ASCII and the Latin-1
     * letters, or {@code &}), in which case nothing found is meaningful.
     */
    int scan(String raw) {
        return scan(raw, false);
    }

    /**
     * {@link #scan(String)}, and if {@code findMarks} also the {@link TextConfig#symbols() marks} '!' and '?' of
     * the text outside markup and URLs, one per run of the same mark ({@link #marks()}). In plain text two marks
     * are next to each other after cleaning exactly when they are in the raw text (markup and URLs become a space).
     */
    int scan(String raw, boolean findMarks) {
        markCount = 0;
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
            boolean asciiLetter = lower >= 'a' && lower <= 'z';
            if (asciiLetter || isLatin1Letter(c)) {
                if (lower == 'h' || lower == 'w') { // only ASCII letters can start a URL
                    int end = TextCleaner.urlEnd(raw, i);
                    if (end > 0) {
                        i = end; // what the URL holds does not matter: the cleaner drops it whole
                        continue;
                    }
                }
                int start = i;
                do {
                    out[i] = lowerCase(in[i]);
                    i++;
                } while (i < n && isLetter(in[i]));
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
            } else if (findMarks && (c == '!' || c == '?') && (i == 0 || in[i - 1] != c)) {
                addMark(c);
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

    /** How many marks the last {@link #scan(String, boolean)} found; mark k is {@code markBytes()[k]}. */
    int marks() {
        return markCount;
    }

    /** The marks found, one byte each, followed by at least {@link #PADDING} bytes. */
    byte[] markBytes() {
        return marks;
    }

    private void addMark(char c) {
        if (markCount + PADDING >= marks.length) {
            marks = Arrays.copyOf(marks, 2 * marks.length);
        }
        marks[markCount++] = (byte) c;
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
        if (marks.length > MAX_KEPT) {
            marks = new byte[16 + PADDING];
        }
    }

    private static boolean isLetter(char c) {
        char lower = (char) (c | 0x20);
        return (lower >= 'a' && lower <= 'z') || isLatin1Letter(c);
    }

    /** U+00C0 to U+00FF but for U+00D7 and U+00F7: letters, alphabetic, and their own NFKC form. */
    private static boolean isLatin1Letter(char c) {
        return c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7;
    }

    /** {@code toLowerCase(Locale.ROOT)} of an ASCII or Latin-1 letter, as a Latin-1 byte. */
    private static byte lowerCase(char c) {
        if (c < 0x80) {
            return (byte) (c | 0x20);
        }
        return (byte) (c <= 0xDE ? c + 0x20 : c); // U+00C0-U+00DE to U+00E0-U+00FE; U+00DF and up stay
    }
}
