package dev.categorizer.common.vocab;

import dev.categorizer.common.config.SettingsReader;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Chooses the vocabulary from document frequencies counted over the training set: terms with
 * {@code minDocumentFrequency <= df <= maxDocumentFraction × N}, then the {@code maxSize} most frequent.
 * Defaults keep everything (like scikit-learn: min_df=1, max_df=1.0, max_features=None).
 *
 * <p>The result is deterministic whatever the input order (Flink delivers counts in any order): terms are
 * ordered by document frequency descending, then term ascending ({@link String#compareTo}); that order is both
 * the cut for {@code maxSize} and the index order of the vocabulary.
 *
 * <pre>{@code
 * VocabularySelector selector = VocabularySelector.builder()
 *         .minDocumentFrequency(2)
 *         .maxDocumentFraction(1.0)
 *         .maxSize(200_000)
 *         .build();
 * Vocabulary vocabulary = selector.select(counts, documentCount);
 * }</pre>
 */
public final class VocabularySelector implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String KEY_MIN_DOCUMENT_FREQUENCY = "min_document_frequency";
    static final String KEY_MAX_DOCUMENT_FRACTION = "max_document_fraction";
    static final String KEY_MAX_SIZE = "max_size";
    private static final Set<String> KEYS = Set.of(KEY_MIN_DOCUMENT_FREQUENCY, KEY_MAX_DOCUMENT_FRACTION, KEY_MAX_SIZE);

    /** Most frequent first, ties broken by the term, so the order is total and independent of input order. */
    static final Comparator<TermCount> ORDER = Comparator.comparingLong(TermCount::documentFrequency).reversed()
            .thenComparing(TermCount::term);

    private final long minDocumentFrequency;
    private final double maxDocumentFraction;
    private final int maxSize;

    private VocabularySelector(Builder b) {
        if (b.minDocumentFrequency < 1) {
            throw new IllegalArgumentException("minDocumentFrequency must be >= 1, got " + b.minDocumentFrequency);
        }
        if (!(b.maxDocumentFraction > 0 && b.maxDocumentFraction <= 1)) {
            throw new IllegalArgumentException("maxDocumentFraction must be in (0, 1], got " + b.maxDocumentFraction);
        }
        if (b.maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be >= 1, got " + b.maxSize);
        }
        this.minDocumentFrequency = b.minDocumentFrequency;
        this.maxDocumentFraction = b.maxDocumentFraction;
        this.maxSize = b.maxSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    public long minDocumentFrequency() {
        return minDocumentFrequency;
    }

    public double maxDocumentFraction() {
        return maxDocumentFraction;
    }

    public int maxSize() {
        return maxSize;
    }

    /**
     * Selects the vocabulary.
     *
     * @param counts one entry per distinct term (a repeated term is rejected by {@link Vocabulary#of})
     * @param documentCount the number of documents counted, N
     */
    public Vocabulary select(Iterable<TermCount> counts, long documentCount) {
        double maxDocumentFrequency = maxDocumentFraction * documentCount;
        List<TermCount> kept = new ArrayList<>();
        for (TermCount count : counts) {
            long df = count.documentFrequency();
            if (df >= minDocumentFrequency && df <= maxDocumentFrequency) {
                kept.add(count);
            }
        }
        kept.sort(ORDER);
        List<TermCount> selected = kept.size() > maxSize ? kept.subList(0, maxSize) : kept;
        List<String> terms = new ArrayList<>(selected.size());
        long[] dfs = new long[selected.size()];
        for (int i = 0; i < dfs.length; i++) {
            terms.add(selected.get(i).term());
            dfs[i] = selected.get(i).documentFrequency();
        }
        return Vocabulary.of(terms, dfs, documentCount);
    }

    /** All settings as strings, in a fixed order, for the model manifest. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(KEY_MIN_DOCUMENT_FREQUENCY, Long.toString(minDocumentFrequency));
        map.put(KEY_MAX_DOCUMENT_FRACTION, Double.toString(maxDocumentFraction));
        map.put(KEY_MAX_SIZE, Integer.toString(maxSize));
        return Collections.unmodifiableMap(map);
    }

    /** The inverse of {@link #toMap()}; missing keys take their default, unknown keys are rejected. */
    public static VocabularySelector fromMap(Map<String, String> map) {
        SettingsReader in = SettingsReader.of("VocabularySelector", map, KEYS);
        Builder defaults = new Builder();
        return builder()
                .minDocumentFrequency(in.longInteger(KEY_MIN_DOCUMENT_FREQUENCY, defaults.minDocumentFrequency))
                .maxDocumentFraction(in.decimal(KEY_MAX_DOCUMENT_FRACTION, defaults.maxDocumentFraction))
                .maxSize(in.integer(KEY_MAX_SIZE, defaults.maxSize))
                .build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VocabularySelector s
                && minDocumentFrequency == s.minDocumentFrequency
                && Double.compare(maxDocumentFraction, s.maxDocumentFraction) == 0
                && maxSize == s.maxSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(minDocumentFrequency, maxDocumentFraction, maxSize);
    }

    @Override
    public String toString() {
        return "VocabularySelector" + toMap();
    }

    /** Builds a {@link VocabularySelector}; defaults keep every term. */
    public static final class Builder {
        private long minDocumentFrequency = 1;
        private double maxDocumentFraction = 1.0;
        private int maxSize = Integer.MAX_VALUE;

        private Builder() {}

        /** Drop terms in fewer documents than this; at least 1. */
        public Builder minDocumentFrequency(long minDocumentFrequency) {
            this.minDocumentFrequency = minDocumentFrequency;
            return this;
        }

        /** Drop terms in more than this fraction of the documents; in (0, 1]. */
        public Builder maxDocumentFraction(double maxDocumentFraction) {
            this.maxDocumentFraction = maxDocumentFraction;
            return this;
        }

        /** Keep at most this many terms, the most frequent; at least 1. */
        public Builder maxSize(int maxSize) {
            this.maxSize = maxSize;
            return this;
        }

        public VocabularySelector build() {
            return new VocabularySelector(this);
        }
    }
}
