package dev.categorizer.jobs.score;

import dev.categorizer.common.record.SparseVector;
import dev.categorizer.common.record.Video;
import dev.categorizer.model.predict.ModelFailureException;
import dev.categorizer.model.predict.Predictor;
import java.util.ArrayList;
import java.util.List;

/**
 * Vectorizes and scores micro-batches with one model call per batch; {@link ScoringWork} drives it. Never throws for
 * a bad record: a video whose text cannot be turned into features, that has no known word, or on which the model
 * fails while the other videos of its batch score, gets its reason in the {@link ScoredBatch} instead. A model
 * that fails on every video of a batch, each scored alone too, is broken, not the videos: that throws a
 * {@link ModelFailureException}, so that the task fails and restarts from its last checkpoint instead of
 * dead-lettering the whole stream. Thread-safe (the {@link Predictor} is): the rows of one batch may be
 * vectorized by several threads ({@link ScoringWork}).
 *
 * <pre>{@code
 * BatchScorer scorer = new BatchScorer(predictor, 100_000, "models/films");
 * InferenceQueue queue = new InferenceQueue(1, scorer, "scoring", onDone);
 * }</pre>
 */
public final class BatchScorer {

    static final String NO_KNOWN_TOKEN = "no known token: none of the words of the video is in the model's vocabulary";

    private final Predictor predictor;
    private final int maxTextChars;
    private final String modelLocation;

    /** A scorer whose model failures name the predictor's bundle directory. */
    public BatchScorer(Predictor predictor, int maxTextChars) {
        this(predictor, maxTextChars, predictor.bundle().directory().toString());
    }

    /**
     * @param maxTextChars longest title + description + tags scored; longer videos get a reason instead
     * @param modelLocation where the model comes from, as the user gave it, for the message of a model failure
     */
    public BatchScorer(Predictor predictor, int maxTextChars, String modelLocation) {
        this.predictor = predictor;
        this.maxTextChars = maxTextChars;
        this.modelLocation = modelLocation;
    }

    /**
     * The vector of one video, or null with the reason in {@code failures[row]} (no or too much text, unusable
     * text, no known word). The text checks run here, not when the record arrives: the thread that vectorizes
     * reads those strings right after, so they cost no extra cache misses.
     */
    SparseVector vectorize(Video video, String[] failures, int row) {
        String rejection = VideoChecks.rejection(video, maxTextChars);
        if (rejection != null) {
            failures[row] = rejection;
            return null;
        }
        SparseVector vector;
        try {
            vector = predictor.vectorize(video);
        } catch (RuntimeException e) {
            failures[row] = "cannot turn the text into features: " + e;
            return null;
        }
        if (vector.isEmpty()) {
            failures[row] = NO_KNOWN_TOKEN;
            return null;
        }
        return vector;
    }

    /**
     * Scores the rows that have a vector with one model call; rows the model fails on alone get a reason instead.
     *
     * @throws ModelFailureException when the model fails on every row that has a vector, one by one too
     */
    ScoredBatch score(List<MicroBatchBuffer.Entry<Video>> batch, SparseVector[] vectorsByRow, String[] failures) {
        int n = batch.size();
        float[][] scores = new float[n][];
        List<SparseVector> vectors = new ArrayList<>(n);
        int[] rows = new int[n]; // the batch row of each vector
        for (int i = 0; i < n; i++) {
            if (vectorsByRow[i] != null) {
                rows[vectors.size()] = i;
                vectors.add(vectorsByRow[i]);
            }
        }
        if (!vectors.isEmpty()) {
            try {
                float[][] batchScores = predictor.scores(vectors);
                for (int k = 0; k < vectors.size(); k++) scores[rows[k]] = batchScores[k];
            } catch (RuntimeException e) {
                scoreOneByOne(vectors, rows, scores, failures);
            }
        }
        return new ScoredBatch(batch, scores, failures);
    }

    /**
     * After a failed batch call, finds the records at fault: each is scored alone. If none scores alone, not even
     * the only one of a batch of one, the fault is the model's: the throw leaves the whole batch to be read again
     * after the restart from the last checkpoint.
     */
    private void scoreOneByOne(List<SparseVector> vectors, int[] rows, float[][] scores, String[] failures) {
        RuntimeException[] errors = new RuntimeException[vectors.size()];
        int failed = 0;
        for (int k = 0; k < vectors.size(); k++) {
            try {
                scores[rows[k]] = predictor.scores(List.of(vectors.get(k)))[0];
            } catch (RuntimeException e) {
                errors[k] = e;
                failed++;
            }
        }
        if (failed == vectors.size()) {
            throw new ModelFailureException("model " + predictor.bundle().modelVersion() + " (" + modelLocation
                    + ") failed on every video of a batch (" + failed + ", each alone too): " + message(errors[0]),
                    errors[0]);
        }
        for (int k = 0; k < vectors.size(); k++) {
            if (errors[k] != null) failures[rows[k]] = "the model failed on this video: " + errors[k];
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
