package dev.categorizer.common.vocab;

import java.util.Objects;

/**
 * A term and the number of documents it occurs in.
 *
 * @param term the feature string
 * @param documentFrequency documents containing the term at least once; not negative
 */
public record TermCount(String term, long documentFrequency) {

    public TermCount {
        Objects.requireNonNull(term, "term");
        if (documentFrequency < 0) {
            throw new IllegalArgumentException("documentFrequency of '" + term + "' is negative: " + documentFrequency);
        }
    }
}
