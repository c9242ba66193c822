package dev.categorizer.common.text;

/**
 * The words of a raw text field in one pass, for the common field that is plain ASCII without markup or
 * character references. There, cleaning only lower-cases letters, turns digits and whitespace into spaces and
 * removes URLs, and the {@link TokenizerKind#SIMPLE} tokenizer's words are the maximal runs of ASCII letters:
 * so the words are the letter runs of the raw text outside URLs, lower-cased. Finding them directly skips
 * writing the cleaned text and reading it a second time. A test checks the result against cleaning then
 * tokenizing, on random text and the shared datasets.
 */
final class AsciiWords {

    private AsciiWords() {}

    /**
     * Copies {@code raw} into {@code text} with its words lower-cased and writes each word's start and end (in
     * {@code raw}'s positions) into {@code bounds}; returns the number of words, or -1 if {@code raw} has a
     * character only the full cleaner handles (non-ASCII, {@code &} or {@code <}), in which case nothing written
     * is meaningful.
     */
    static int scan(String raw, CharRun text, Bounds bounds) {
        int n = raw.length();
        text.clear(n);
        char[] chars = text.chars;
        raw.getChars(0, n, chars, 0);
        text.length = n;
        int words = 0;
        int i = 0;
        while (i < n) {
            char c = chars[i];
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
                    chars[i] = (char) (chars[i] | 0x20);
                    i++;
                } while (i < n && isAsciiLetter(chars[i]));
                bounds.add(words++, start, i);
                continue;
            }
            if (c >= 0x80 || c == '&' || c == '<') {
                return -1;
            }
            i++;
        }
        return words;
    }

    private static boolean isAsciiLetter(char c) {
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'z';
    }

    /** Reusable word bounds: word {@code k} is {@code [at[2k], at[2k + 1])}. */
    static final class Bounds {
        int[] at = new int[256];

        void add(int word, int start, int end) {
            if (2 * word + 1 >= at.length) {
                at = java.util.Arrays.copyOf(at, 2 * at.length);
            }
            at[2 * word] = start;
            at[2 * word + 1] = end;
        }

        void trim() {
            if (at.length > 1 << 14) {
                at = new int[256];
            }
        }
    }
}
