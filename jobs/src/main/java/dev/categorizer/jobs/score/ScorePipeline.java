package dev.categorizer.jobs.score;

import dev.categorizer.common.record.Prediction;
import dev.categorizer.jobs.kafka.KafkaSettings;
import dev.categorizer.jobs.sink.LeftoverPartFiles;
import dev.categorizer.jobs.sink.OutputSpec;
import dev.categorizer.jobs.sink.PredictionSinks;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The whole score job as deployed: input, scoring, predictions and dead letters to their outputs. Files in make
 * a bounded BATCH job that ends when everything is scored and leaves complete files; Kafka in makes an unbounded
 * STREAMING job, checkpointed (every {@code checkpointIntervalMillis} unless the cluster configures it), which
 * with Kafka outputs and {@code EXACTLY_ONCE} gives exactly-once results. A failure (a model that fails on
 * whole batches, say) restarts the job a few times, from the last checkpoint for Kafka, then fails it with the
 * error, unless the cluster configures its own restart strategy.
 *
 * <pre>{@code
 * ScorePipeline.builder()
 *         .input(VideoInput.parse("kafka://broker:9092/videos", null, null))
 *         .scoring(ScoringOptions.builder("models/films").build())
 *         .predictions(OutputSpec.parse("kafka:predictions", null, "broker:9092"))
 *         .deadLetters(OutputSpec.parse("kafka:videos-dead-letters", null, "broker:9092"))
 *         .kafka(KafkaSettings.builder().build())
 *         .build()
 *         .attach(env);
 * env.execute("score");
 * }</pre>
 */
public final class ScorePipeline {

    public static final long DEFAULT_CHECKPOINT_INTERVAL_MILLIS = 10_000;
    public static final int DEFAULT_RESTART_ATTEMPTS = 3;
    public static final Duration DEFAULT_RESTART_DELAY = Duration.ofSeconds(10);

    private final VideoInput input;
    private final ScoringOptions scoring;
    private final OutputSpec predictions;
    private final OutputSpec deadLetters;
    private final KafkaSettings kafka;
    private final long checkpointIntervalMillis;
    private final int restartAttempts;
    private final Duration restartDelay;

    private ScorePipeline(Builder b) {
        this.input = Objects.requireNonNull(b.input, "input");
        this.scoring = Objects.requireNonNull(b.scoring, "scoring");
        this.predictions = Objects.requireNonNull(b.predictions, "predictions");
        this.deadLetters = Objects.requireNonNull(b.deadLetters, "deadLetters");
        this.kafka = b.kafka;
        this.checkpointIntervalMillis = b.checkpointIntervalMillis;
        this.restartAttempts = b.restartAttempts;
        this.restartDelay = Objects.requireNonNull(b.restartDelay, "restartDelay");
        if (restartAttempts < 0) {
            throw new IllegalArgumentException("restart attempts must be >= 0, got " + restartAttempts);
        }
        if (deadLetters.format() == OutputSpec.Format.PARQUET) {
            throw new IllegalArgumentException("dead letters are written as JSON lines or to Kafka, not Parquet");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isBounded() {
        return input.isBounded();
    }

    /**
     * After a bounded job has finished successfully: removes the in-progress files that attempts which failed and
     * were restarted left in the file outputs ({@link LeftoverPartFiles}). Nothing to do for Kafka outputs.
     */
    public void cleanUpAfterSuccess() throws java.io.IOException {
        for (OutputSpec spec : java.util.List.of(predictions, deadLetters)) {
            if (spec.format() != OutputSpec.Format.KAFKA) LeftoverPartFiles.delete(spec.path());
        }
    }

    /**
     * Sets the execution mode (and checkpointing for an unbounded input), the restarts unless {@code env} has a
     * restart strategy, turns on object reuse, and adds the job to {@code env}.
     */
    public void attach(StreamExecutionEnvironment env) {
        ScoreJob.reuseObjects(env);
        if (env.getConfiguration().getOptional(RestartStrategyOptions.RESTART_STRATEGY).isEmpty()) {
            // Flink's default never restarts a file job (one lost task manager fails it) and restarts a
            // checkpointed one forever (a broken model would never fail it, and nobody would hear of it).
            Configuration restarts = new Configuration();
            restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, restartAttempts);
            restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, restartDelay);
            env.configure(restarts);
        }
        if (input.isBounded()) {
            env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        } else {
            env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
            if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
                // File outputs finish files and Kafka outputs commit transactions on checkpoints only.
                env.enableCheckpointing(checkpointIntervalMillis);
            }
        }
        ScoredStreams<Prediction> scored = ScoreJob.score(input.open(env, kafka), scoring);
        PredictionSinks.predictions(scored.results(), predictions, kafka, scoring.explainTop() > 0);
        PredictionSinks.deadLetters(scored.deadLetters(), deadLetters, kafka);
    }

    /** Builder of {@link ScorePipeline}. */
    public static final class Builder {
        private VideoInput input;
        private ScoringOptions scoring;
        private OutputSpec predictions;
        private OutputSpec deadLetters;
        private KafkaSettings kafka = KafkaSettings.builder().build();
        private long checkpointIntervalMillis = DEFAULT_CHECKPOINT_INTERVAL_MILLIS;
        private int restartAttempts = DEFAULT_RESTART_ATTEMPTS;
        private Duration restartDelay = DEFAULT_RESTART_DELAY;

        public Builder input(VideoInput v) {
            input = v;
            return this;
        }

        public Builder scoring(ScoringOptions v) {
            scoring = v;
            return this;
        }

        public Builder predictions(OutputSpec v) {
            predictions = v;
            return this;
        }

        public Builder deadLetters(OutputSpec v) {
            deadLetters = v;
            return this;
        }

        public Builder kafka(KafkaSettings v) {
            kafka = v;
            return this;
        }

        /** Checkpoint interval of an unbounded job when the cluster configures none. */
        public Builder checkpointIntervalMillis(long v) {
            checkpointIntervalMillis = v;
            return this;
        }

        /** Fixed-delay restarts after a failure, when the cluster configures no restart strategy; 0: none. */
        public Builder restarts(int attempts, Duration delay) {
            restartAttempts = attempts;
            restartDelay = delay;
            return this;
        }

        public ScorePipeline build() {
            return new ScorePipeline(this);
        }
    }
}
