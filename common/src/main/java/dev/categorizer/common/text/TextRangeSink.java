package dev.categorizer.common.text;

/**
 * Receives pieces of text as ranges of a char array, so that a caller can look a word up without a string per
 * word ({@code new String(text, start, end - start)} is the piece). The array is only valid during the call: the
 * caller reuses it.
 */
@FunctionalInterface
public interface TextRangeSink {
    void accept(char[] text, int start, int end);
}
