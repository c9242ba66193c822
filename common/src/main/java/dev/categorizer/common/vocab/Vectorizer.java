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
 * <p>Hot path: term indices go into one {@code int[]}, which is sorted; runs of equal indices are the term
 * frequencies. No maps, no boxing. Stateless apart from the immutable vocabulary, so thread-safe.
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
        IdCollector ids = new IdCollector();
        pipeline.forEachFeature(video, ids);
        return weigh(ids.ids, ids.known);
    }

    /** Collects the vocabulary index of each known feature. */
    private final class IdCollector implements TextRangeSink {
        int[] ids = new int[64];
        int known;

        @Override
        public void accept(String text, int start, int end) {
            int id = vocabulary.indexOf(text, start, end);
            if (id >= 0) {
                if (known == ids.length) ids = Arrays.copyOf(ids, known * 2);
                ids[known++] = id;
            }
        }
    }

    /** Counts, weighs and L2-normalises the first {@code known} feature indices of {@code ids} (sorted here). */
    private SparseVector weigh(int[] ids, int known) {
        if (known == 0) {
            return SparseVector.empty();
        }
        Arrays.sort(ids, 0, known);
        int distinct = 1;
        for (int i = 1; i < known; i++) {
            if (ids[i] != ids[i - 1]) {
                distinct++;
            }
        }
        int[] indices = new int[distinct];
        float[] values = new float[distinct];
        double[] weights = new double[distinct];
        double sumOfSquares = 0;
        int out = 0;
        for (int runStart = 0; runStart < known; ) {
            int id = ids[runStart];
            int runEnd = runStart + 1;
            while (runEnd < known && ids[runEnd] == id) {
                runEnd++;
            }
            int tf = runEnd - runStart;
            double tfWeight = weighting == Weighting.TFIDF && tf > 1 ? 1.0 + Math.log(tf) : 1.0;
            double weight = tfWeight * vocabulary.idf(id);
            indices[out] = id;
            weights[out] = weight;
            sumOfSquares += weight * weight;
            out++;
            runStart = runEnd;
        }
        double norm = Math.sqrt(sumOfSquares); // > 0: every idf is >= 1
        for (int i = 0; i < distinct; i++) {
            values[i] = (float) (weights[i] / norm);
        }
        return new SparseVector(indices, values);
    }
}
