package dev.categorizer.common.text;

import java.io.Serializable;
import java.util.List;

/**
 * Splits cleaned text (see {@link TextCleaner}) into words. Only tokens containing at least one letter
 * ({@link Character#isAlphabetic(int)}) are returned: punctuation-only and number-only tokens are dropped.
 * Implementations are thread-safe and serializable.
 */
public interface Tokenizer extends Serializable {

    /** The words of {@code cleanedText}, in text order; a new modifiable list. Null or empty text gives none. */
    List<String> tokenize(String cleanedText);

    /**
     * Passes the words of the cleaned text {@code text[start, end)} to {@code sink} in text order, as
     * {@link #tokenize} would return them; implementations may pass ranges of {@code text} itself instead of
     * copies.
     */
    default void forEachToken(char[] text, int start, int end, TextRangeSink sink) {
        for (String token : tokenize(new String(text, start, end - start))) {
            char[] chars = token.toCharArray();
            sink.accept(chars, 0, chars.length);
        }
    }

    /** The tokenizer of the given kind. */
    static Tokenizer of(TokenizerKind kind) {
        return switch (kind) {
            case SIMPLE -> CharacterClassTokenizer.INSTANCE;
            case MODEL -> ModelTokenizer.INSTANCE;
        };
    }
}
