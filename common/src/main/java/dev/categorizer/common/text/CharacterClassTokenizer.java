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
 * <p>Speed: about one branch per ASCII character; {@link #forEachToken} copies nothing. Stateless and thread-safe.
 */
final class CharacterClassTokenizer implements Tokenizer {

    private static final long serialVersionUID = 1L;

    static final CharacterClassTokenizer INSTANCE = new CharacterClassTokenizer();

    private CharacterClassTokenizer() {}

    @Override
    public List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        if (text != null) {
            forEachToken(text.toCharArray(), 0, text.length(),
                    (chars, start, end) -> tokens.add(new String(chars, start, end - start)));
        }
        return tokens;
    }

    /** Passes each word as a range of {@code text}: no copy is made. */
    @Override
    public void forEachToken(char[] text, int from, int to, TextRangeSink sink) {
        int wordStart = -1; // start of the current word, or -1 outside one
        int i = from;
        while (i < to) {
            char c = text[i];
            if (c < 0x80) {
                char lower = (char) (c | 0x20);
                if (lower >= 'a' && lower <= 'z') {
                    if (wordStart < 0) {
                        wordStart = i;
                    }
                } else if (wordStart >= 0) {
                    sink.accept(text, wordStart, i);
                    wordStart = -1;
                }
                i++;
                continue;
            }
            int cp = c;
            int width = 1;
            if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text[i + 1])) {
                cp = Character.toCodePoint(c, text[i + 1]);
                width = 2;
            }
            if (Character.isAlphabetic(cp) || (wordStart >= 0 && continuesWord(cp))) {
                if (wordStart < 0) {
                    wordStart = i;
                }
            } else if (wordStart >= 0) {
                sink.accept(text, wordStart, i);
                wordStart = -1;
            }
            i += width;
        }
        if (wordStart >= 0) {
            sink.accept(text, wordStart, to);
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
