package dev.categorizer.jobs.score;

import dev.categorizer.jobs.bundle.ModelVersions;
import dev.categorizer.model.trust.TrustedKeys;
import java.io.Serializable;
import java.util.Objects;

/**
 * How the scoring operator runs: which model bundle, how records are grouped into micro-batches and the largest
 * text it accepts.
 *
 * <pre>{@code
 * ScoringOptions options = ScoringOptions.builder("models/films").batchSize(256).batchTimeoutMillis(50)
 *         .inferenceThreads(1).build();
 * }</pre>
 *
 * @param modelPath the bundle directory: a local path or any Flink file system URI (s3://, hdfs://, ...)
 * @param batchSize most records scored by one model call
 * @param batchTimeoutMillis longest a record waits for its batch to fill; 0 scores each record on arrival
 * @param maxTextChars longest title + description + tags accepted; longer videos become dead letters
 * @param inferenceThreads threads per task that vectorize and score batches while the task thread reads on;
 *     0 does everything on the task thread; {@link #AUTO_INFERENCE_THREADS} decides by cores per slot
 *     ({@link InferenceThreads})
 * @param trustedKeys the keys one of which must have signed the bundle; none accepts unsigned bundles
 * @param explainTop how many words or tags each predicted category is explained with ({@code score --explain K});
 *     0, the default, explains nothing and costs nothing
 */
public record ScoringOptions(
        String modelPath, int batchSize, long batchTimeoutMillis, int maxTextChars, int inferenceThreads,
        TrustedKeys trustedKeys, int explainTop)
        implements Serializable {

    /**
     * Default batch size for files, where no record waits for its batch: the documents of a batch that share a
     * word share its row of the first layer while it is cached (the batch goes to the model ordered by feature), so
     * a larger batch reads fewer rows from memory and makes fewer TensorFlow calls. Whole 1M-document
     * {@code score} commands on one core: 256 -> 4,096 cut TMDB from 30.2 to 23.9 s and Reuters from 28.8 to
     * 25.3 s; 8,192 and 16,384 gained nothing more (BENCHMARKS.md).
     */
    public static final int DEFAULT_BATCH_SIZE = 4096;
    /**
     * Most characters of text (title, description and tags) in one batch, whatever its size: 4,096 videos of a
     * million characters each would otherwise be buffered at once. Ordinary videos fill a batch by count long before.
     */
    public static final long MAX_BATCH_CHARS = 8_000_000;
    /**
     * Default batch size for a stream (Kafka): smaller batches fill sooner, which keeps the latency per record
     * low (measured: p99 41 ms at half the maximum rate with 64, 58 ms with 256; BENCHMARKS.md).
     */
    public static final int DEFAULT_STREAMING_BATCH_SIZE = 64;
    public static final long DEFAULT_BATCH_TIMEOUT_MILLIS = 50;
    public static final int DEFAULT_MAX_TEXT_CHARS = 1_000_000;
    /** Scoring threads decided per task manager: one if it has two cores or more per slot, else none. */
    public static final int AUTO_INFERENCE_THREADS = -1;
    public static final int DEFAULT_INFERENCE_THREADS = AUTO_INFERENCE_THREADS;

    public ScoringOptions {
        Objects.requireNonNull(modelPath, "modelPath");
        Objects.requireNonNull(trustedKeys, "trustedKeys");
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be > 0, got " + batchSize);
        if (batchTimeoutMillis < 0) {
            throw new IllegalArgumentException("batch timeout must be >= 0, got " + batchTimeoutMillis);
        }
        if (maxTextChars <= 0) throw new IllegalArgumentException("max text chars must be > 0, got " + maxTextChars);
        if (inferenceThreads < AUTO_INFERENCE_THREADS) {
            throw new IllegalArgumentException("inference threads must be >= 0 (or -1: auto), got " + inferenceThreads);
        }
        if (explainTop < 0) throw new IllegalArgumentException("explain must be >= 0, got " + explainTop);
    }

    public static Builder builder(String modelPath) {
        return new Builder(modelPath);
    }

    /** Builder of {@link ScoringOptions}, starting from the defaults. */
    public static final class Builder {
        private final String modelPath;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private long batchTimeoutMillis = DEFAULT_BATCH_TIMEOUT_MILLIS;
        private int maxTextChars = DEFAULT_MAX_TEXT_CHARS;
        private int inferenceThreads = DEFAULT_INFERENCE_THREADS;
        private TrustedKeys trustedKeys = TrustedKeys.none();
        private int explainTop;

        private Builder(String modelPath) {
            this.modelPath = modelPath;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder batchTimeoutMillis(long v) {
            batchTimeoutMillis = v;
            return this;
        }

        public Builder maxTextChars(int v) {
            maxTextChars = v;
            return this;
        }

        /** Scoring threads per task; 0 vectorizes and scores on the task thread; -1 (the default) decides. */
        public Builder inferenceThreads(int v) {
            inferenceThreads = v;
            return this;
        }

        /** The public keys one of which must have signed the bundle (default: none, unsigned bundles load). */
        public Builder trustedKeys(TrustedKeys keys) {
            trustedKeys = keys;
            return this;
        }

        /** Explains each predicted category with its {@code top} strongest words or tags (default 0: none). */
        public Builder explainTop(int top) {
            explainTop = top;
            return this;
        }

        public ScoringOptions build() {
            return new ScoringOptions(modelPath, batchSize, batchTimeoutMillis, maxTextChars, inferenceThreads,
                    trustedKeys, explainTop);
        }
    }

    /** These options with the model path pinned to the version in service now ({@link ModelVersions#pin}). */
    public ScoringOptions pinned() {
        return new ScoringOptions(ModelVersions.pin(modelPath), batchSize, batchTimeoutMillis, maxTextChars,
                inferenceThreads, trustedKeys, explainTop);
    }
}
