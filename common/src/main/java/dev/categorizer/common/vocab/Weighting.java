package dev.categorizer.common.vocab;

/** How a {@link Vectorizer} weights a term; both are multiplied by the smooth idf and L2-normalised. */
public enum Weighting {
    /** Sublinear term frequency: (1 + ln tf) × idf, like scikit-learn's {@code sublinear_tf=True}. */
    TFIDF,
    /** Presence only: 1 × idf, like scikit-learn's {@code binary=True}. */
    BINARY
}
