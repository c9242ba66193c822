package dev.categorizer.common.vocab;

import dev.categorizer.common.record.SparseVector;
import dev.categorizer.common.record.Video;
import dev.categorizer.common.text.TextPipeline;
import dev.categorizer.common.text.TextRangeSink;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Turns a document's features into an L2-normalised tf-idf {@link SparseVector} over a {@link Vocabulary}.
 * Unknown features are ignored; a document with no known feature gives {@link SparseVector#empty()}.
 *
 * <p>Hot path: term indices go into one {@code int[]} and are counted in a per-thread array over the
 * vocabulary; only the distinct indices are sorted. No maps, no boxing, and no allocation but the result's two
 * arrays. Thread-safe: the vocabulary is immutable and the working arrays belong to one thread.
 *
 * <pre>{@code
 * Vectorizer vectorizer = new Vectorizer(vocabulary, Weighting.TFIDF);
 * SparseVector x = vectorizer.vectorize(pipeline.features(video));
 * }</pre>
 */
public final class Vectorizer implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Vocabulary vocabulary;
    private final Weighting weighting;
    private transient ThreadLocal<Scratch> scratch;

    public Vectorizer(Vocabulary vocabulary, Weighting weighting) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.weighting = Objects.requireNonNull(weighting, "weighting");
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public Weighting weighting() {
        return weighting;
    }

    /** The vector of {@code features}: indices strictly ascending, values weighted and L2-normalised. */
    public SparseVector vectorize(List<String> features) {
        int n = features.size();
        int[] ids = new int[n];
        int known = 0;
        for (int i = 0; i < n; i++) {
            int id = vocabulary.indexOf(features.get(i));
            if (id >= 0) {
                ids[known++] = id;
            }
        }
        return weigh(ids, known);
    }

    /**
     * The vector of {@code video}'s features under {@code pipeline}: the same as
     * {@code vectorize(pipeline.features(video))}, without a string per word (words are looked up as ranges of
     * the cleaned text). The scoring hot path.
     */
    public SparseVector vectorize(TextPipeline pipeline, Video video) {
        Scratch scratch = scratch();
        IdCollector ids = new IdCollector(scratch.ids);
        pipeline.forEachFeature(video, ids);
        scratch.ids = ids.ids; // keep what it grew to
        return weigh(ids.ids, ids.known);
    }

    /** Collects the vocabulary index of each known feature. */
    private final class IdCollector implements TextRangeSink {
        int[] ids;
        int known;

        IdCollector(int[] ids) {
            this.ids = ids;
        }

        @Override
        public void accept(String text, int start, int end) {
            int id = vocabulary.indexOf(text, start, end);
            if (id >= 0) {
                if (known == ids.length) ids = Arrays.copyOf(ids, known * 2);
                ids[known++] = id;
            }
        }
    }

    /**
     * Counts, weighs and L2-normalises the first {@code known} feature indices of {@code ids}. Counting goes
     * through a per-thread array over the vocabulary (reset after use), so only the distinct indices are sorted:
     * sorting every occurrence was a third of the vectorizing time on long documents.
     */
    private SparseVector weigh(int[] ids, int known) {
        if (known == 0) {
            return SparseVector.empty();
        }
        Scratch scratch = scratch();
        int[] counts = scratch.counts;
        int[] distinctIds = scratch.distinct(known);
        double[] weights = scratch.weights(known);
        int distinct = 0;
        for (int i = 0; i < known; i++) {
            int id = ids[i];
            if (counts[id]++ == 0) {
                distinctIds[distinct++] = id;
            }
        }
        Arrays.sort(distinctIds, 0, distinct);
        int[] indices = Arrays.copyOf(distinctIds, distinct);
        float[] values = new float[distinct];
        double sumOfSquares = 0;
        for (int i = 0; i < distinct; i++) {
            int id = indices[i];
            int tf = counts[id];
            counts[id] = 0;
            double tfWeight = weighting == Weighting.TFIDF && tf > 1 ? 1.0 + Math.log(tf) : 1.0;
            double weight = tfWeight * vocabulary.idf(id);
            weights[i] = weight;
            sumOfSquares += weight * weight;
        }
        double norm = Math.sqrt(sumOfSquares); // > 0: every idf is >= 1
        for (int i = 0; i < distinct; i++) {
            values[i] = (float) (weights[i] / norm);
        }
        return new SparseVector(indices, values);
    }

    /** This thread's working arrays. */
    private Scratch scratch() {
        ThreadLocal<Scratch> local = scratch;
        if (local == null) { // after deserialization; a race only makes an extra, equivalent ThreadLocal
            local = ThreadLocal.withInitial(() -> new Scratch(vocabulary.size()));
            scratch = local;
        }
        return local.get();
    }

    /**
     * One thread's working arrays, reused across documents: term counts over the vocabulary (all zero between
     * calls) and buffers that grow to the longest document seen. Vectorizing allocates only its result.
     */
    private static final class Scratch {
        final int[] counts;
        int[] ids = new int[256];
        private int[] distinct = new int[256];
        private double[] weights = new double[256];

        Scratch(int vocabularySize) {
            counts = new int[vocabularySize];
        }

        int[] distinct(int atLeast) {
            if (distinct.length < atLeast) distinct = new int[Math.max(atLeast, 2 * distinct.length)];
            return distinct;
        }

        double[] weights(int atLeast) {
            if (weights.length < atLeast) weights = new double[Math.max(atLeast, 2 * weights.length)];
            return weights;
        }
    }
}
