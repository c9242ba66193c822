package dev.categorizer.common.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link TokenizerKind#SIMPLE} tokenizer: OpenNLP's {@code SimpleTokenizer} behaviour, re-implemented as one
 * character loop because only its letter tokens are kept, and those are simply the maximal runs of alphabetic
 * characters. OpenNLP splits text wherever the character class changes (whitespace / alphabetic / digit /
 * other); of its tokens the letter ones survive the {@link Tokenizer} contract, the rest (digits, punctuation)
 * is dropped. So "d'amélie" gives [d, amélie] and "mp3" gives [mp].
 *
 * <p>Two deliberate differences, both for non-Latin scripts (identical output elsewhere, which a test checks
 * against OpenNLP on random text):
 * <ul>
 *   <li>supplementary-plane letters (e.g. CJK Extension B) are letters here; OpenNLP looks at single UTF-16
 *       chars and cuts them into surrogate halves;</li>
 *   <li>combining marks and zero-width (non-)joiners continue a word instead of breaking it, so Devanagari
 *       "हिन्दी" (with a virama, which is not alphabetic) stays one word.</li>
 * </ul>
 * Scripts written without spaces (Chinese, Japanese, Thai) come out as one token per run, as in OpenNLP.
 *
 * <p>Speed: about one branch per ASCII character; {@link #forEachToken} makes no substring at all. Stateless and thread-safe.
 */
final class CharacterClassTokenizer implements Tokenizer {

    private static final long serialVersionUID = 1L;

    static final CharacterClassTokenizer INSTANCE = new CharacterClassTokenizer();

    private CharacterClassTokenizer() {}

    @Override
    public List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        forEachToken(text, (t, start, end) -> tokens.add(t.substring(start, end)));
        return tokens;
    }

    /** Passes each word as a range of {@code text}: no substring is made. */
    @Override
    public void forEachToken(String text, TextRangeSink sink) {
        if (text == null) {
            return;
        }
        int n = text.length();
        int start = -1; // start of the current word, or -1 outside one
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int width = 1;
            boolean inWord;
            if (c < 0x80) {
                char lower = (char) (c | 0x20);
                inWord = lower >= 'a' && lower <= 'z';
            } else {
                int cp = c;
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    cp = Character.toCodePoint(c, text.charAt(i + 1));
                    width = 2;
                }
                inWord = Character.isAlphabetic(cp) || (start >= 0 && continuesWord(cp));
            }
            if (inWord) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                sink.accept(text, start, i);
                start = -1;
            }
            i += width;
        }
        if (start >= 0) {
            sink.accept(text, start, n);
        }
    }

    /** Marks and joiners belong to the letter before them; they never start a word. */
    private static boolean continuesWord(int cp) {
        if (cp == '\u200C' || cp == '\u200D') {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
