package dev.categorizer.common.text;

/**
 * Receives pieces of text as ranges of an array, so that a caller can look a word up without a string per word
 * ({@code new String(text, start, end - start)} is the piece). The array is only valid during the call: the
 * caller reuses it.
 */
@FunctionalInterface
public interface TextRangeSink {

    void accept(char[] text, int start, int end);

    /**
     * Receives a piece of Latin-1 text, one byte per character; at least 8 bytes of {@code text} follow
     * {@code start} (so a reader may load them as one long). By default passed on as chars.
     */
    default void acceptLatin1(byte[] text, int start, int end) {
        char[] chars = new char[end - start];
        for (int k = 0; k < chars.length; k++) {
            chars[k] = (char) (text[start + k] & 0xFF);
        }
        accept(chars, 0, chars.length);
    }
}
