package dev.categorizer.common.text;

/**
 * Receives pieces of text as ranges of a string, so that a caller can look a word up without a substring per
 * word ({@code text.substring(start, end)} is the piece).
 */
@FunctionalInterface
public interface TextRangeSink {
    void accept(String text, int start, int end);
}
