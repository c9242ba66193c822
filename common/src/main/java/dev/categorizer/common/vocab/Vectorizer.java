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
 * vocabulary; the distinct indices come out sorted from a bitmap. No maps, no boxing, and no allocation but the
 * result's two arrays. Thread-safe: the vocabulary is immutable and the working arrays belong to one thread.
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
        IdCollector ids = new IdCollector(scratch.ids, scratch.terms);
        pipeline.forEachFeature(video, ids);
        scratch.ids = ids.ids; // keep what it grew to
        return weigh(ids.ids, ids.known);
    }

    /** Collects the vocabulary index of each known feature. */
    private final class IdCollector implements TextRangeSink {
        int[] ids;
        int known;
        final TermCache terms;

        IdCollector(int[] ids, TermCache terms) {
            this.ids = ids;
            this.terms = terms;
        }

        @Override
        public void accept(char[] text, int start, int end) {
            add(vocabulary.indexOf(text, start, end));
        }

        @Override
        public void acceptLatin1(byte[] text, int start, int end) {
            add(vocabulary.indexOfLatin1(text, start, end, terms));
        }

        private void add(int id) {
            if (id >= 0) {
                if (known == ids.length) ids = Arrays.copyOf(ids, known * 2);
                ids[known++] = id;
            }
        }
    }

    /**
     * Counts, weighs and L2-normalises the first {@code known} feature indices of {@code ids}. Counting goes
     * through a per-thread array over the vocabulary (reset after use), and the distinct indices come out in
     * ascending order from a two-level bitmap over the vocabulary: sorting every occurrence was a third of the
     * vectorizing time on long documents, and sorting the distinct ones still a tenth.
     */
    private SparseVector weigh(int[] ids, int known) {
        if (known == 0) {
            return SparseVector.empty();
        }
        Scratch scratch = scratch();
        int[] counts = scratch.counts;
        long[] words = scratch.words;
        long[] blocks = scratch.blocks;
        int distinct = 0;
        for (int i = 0; i < known; i++) {
            int id = ids[i];
            if (counts[id]++ == 0) {
                distinct++;
                words[id >>> 6] |= 1L << id; // Java masks the shift count to the low 6 bits
                blocks[id >>> 12] |= 1L << (id >>> 6);
            }
        }
        int[] indices = new int[distinct];
        float[] values = new float[distinct];
        double[] weights = scratch.weights(distinct);
        double sumOfSquares = 0;
        int n = 0;
        for (int b = 0; n < distinct; b++) {
            long block = blocks[b];
            blocks[b] = 0;
            while (block != 0) {
                int w = (b << 6) + Long.numberOfTrailingZeros(block);
                block &= block - 1;
                long word = words[w];
                words[w] = 0;
                while (word != 0) {
                    int id = (w << 6) + Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                    int tf = counts[id];
                    counts[id] = 0;
                    double tfWeight = weighting == Weighting.TFIDF && tf > 1 ? 1.0 + Math.log(tf) : 1.0;
                    double weight = tfWeight * vocabulary.idf(id);
                    indices[n] = id;
                    weights[n++] = weight;
                    sumOfSquares += weight * weight;
                }
            }
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
     * One thread's working arrays, reused across documents: term counts over the vocabulary, a bitmap of the
     * terms seen ({@code words}, one bit per term) with a summary of its non-zero words ({@code blocks}, one bit
     * per word), all zero between calls, and buffers that grow to the longest document seen. Vectorizing
     * allocates only its result. The bitmaps take 1/32 and 1/2048 of the counts' memory.
     */
    private static final class Scratch {
        final int[] counts;
        final long[] words;
        final long[] blocks;
        int[] ids = new int[256];
        final TermCache terms = new TermCache();
        private double[] weights = new double[256];

        Scratch(int vocabularySize) {
            counts = new int[vocabularySize];
            words = new long[(vocabularySize + 63) >>> 6];
            blocks = new long[(words.length + 63) >>> 6];
        }

        double[] weights(int atLeast) {
            if (weights.length < atLeast) weights = new double[Math.max(atLeast, 2 * weights.length)];
            return weights;
        }
    }
}
