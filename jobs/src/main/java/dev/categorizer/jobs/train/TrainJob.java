package dev.categorizer.jobs.train;

import dev.categorizer.common.config.Locations;
import dev.categorizer.common.text.TextConfig;
import dev.categorizer.common.vocab.Vocabulary;
import dev.categorizer.common.vocab.VocabularySelector;
import dev.categorizer.jobs.io.FilePaths;
import dev.categorizer.model.publish.BundlePublisher;
import dev.categorizer.model.trust.SigningKey;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.model.train.HyperParameters;
import dev.categorizer.flink.bundle.LocalBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a model bundle from video files, as two Flink jobs.
 *
 * <ol>
 *   <li><b>prepare</b> (BATCH, parallel): reads the videos, runs the text pipeline, writes the prepared documents
 *       to {@code <work>/prepared/}, writes dead letters, and counts document frequencies and labels in keyed
 *       state. The client then selects the vocabulary and writes it to {@code <work>/vocabulary.tsv}.</li>
 *   <li><b>train</b> (STREAMING, checkpointed, one replica per subtask): a {@link TrainingSource} whose readers
 *       each run a mini-batch per poll on their share of the batches and merge their weights every few
 *       batches; from time to time they save the run's tensors as files next to Flink's checkpoints, whose
 *       state names the newest save, so a failed job resumes from it; the first replica emits the trained model
 *       (a reference to its weights' files), which a sink writes as a bundle with {@link ModelBundle#write}.</li>
 * </ol>
 *
 * <pre>{@code
 * TrainResult result = TrainJob.builder()
 *         .train("data/sample/train.jsonl")
 *         .model("models/films")
 *         .hyperParameters(HyperParameters.builder().epochs(10).build())
 *         .workDir("work/films")
 *         .build()
 *         .run();
 * System.out.print(result.summary());
 * }</pre>
 *
 * The environment comes from {@link StreamExecutionEnvironment#getExecutionEnvironment(Configuration)}: an
 * embedded MiniCluster from the command line, the cluster under {@code flink run}, the test cluster in tests.
 * On a cluster, the work directory must be on a file system that every task manager sees.
 */
public final class TrainJob {
    private static final Logger LOG = LoggerFactory.getLogger(TrainJob.class);

    public static final long DEFAULT_MIN_DF = 2;
    public static final double DEFAULT_MAX_DF_FRACTION = 1.0;
    public static final int DEFAULT_MAX_VOCABULARY = 200_000;
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    private final Builder b;

    private TrainJob(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs both stages and returns what was trained; the bundle is at {@code model} when this returns. */
    public TrainResult run() throws Exception {
        long started = System.nanoTime();
        boolean ownWorkDir = b.workDir == null;
        String work = ownWorkDir ? Files.createTempDirectory("categorizer-train-").toString() : b.workDir;
        String prepared = work + "/prepared";
        String vocabularyFile = work + "/vocabulary.tsv";
        String deadLetters = b.deadLetters != null ? b.deadLetters : work + "/dead-letters";
        PreparedFiles.delete(prepared); // a reused work directory must not mix in an earlier run's documents
        if (b.deadLetters == null) {
            PreparedFiles.delete(deadLetters);
        }

        LOG.info("preparing {}{}", Locations.redact(b.train),
                b.validation == null ? "" : " and " + Locations.redact(b.validation));
        PreparedData data = new PrepareStage(b.train, b.validation, b.textConfig, prepared, deadLetters,
                b.parallelism, b.configuration).run();
        if (data.trainDocuments() == 0) {
            throw new IllegalArgumentException("no valid labelled training documents in " + Locations.redact(b.train)
                    + (data.deadLetters() > 0 ? " (" + data.deadLetters() + " dead letters in "
                            + Locations.redact(deadLetters) + ")" : ""));
        }
        Vocabulary vocabulary = b.vocabularySelector.select(data.termCounts(), data.trainDocuments());
        if (vocabulary.size() == 0) {
            throw new IllegalArgumentException("the vocabulary is empty: no term passes " + b.vocabularySelector);
        }
        PreparedFiles.writeVocabulary(vocabulary, vocabularyFile);
        LOG.info("prepared {} training documents ({} validation, {} dead letters): {} labels, {} of {} terms kept",
                data.trainDocuments(), data.validationDocuments(), data.deadLetters(), data.labels().size(),
                vocabulary.size(), data.termCounts().size());

        String checkpoints = b.checkpointDirectory != null ? b.checkpointDirectory : work + "/checkpoints";
        // One directory per run: saves are named by round, which starts again at 0 in a new run.
        String state = checkpoints + "/training-state-" + java.util.UUID.randomUUID();
        try {
            train(data, vocabulary.size(), vocabularyFile, state, provenance(data), checkpoints);
        } finally {
            PreparedFiles.delete(state); // like Flink's own checkpoints of a job that has ended
        }

        ModelBundle bundle = readBack(b.model);
        if (ownWorkDir) {
            PreparedFiles.delete(work);
        }
        return new TrainResult(b.model, bundle.modelVersion(), data.labels(), vocabulary.size(),
                data.trainDocuments(), data.validationDocuments(), data.deadLetters(), deadLetters,
                bundle.manifest().trainingMetrics(), (System.nanoTime() - started) / 1e9);
    }

    private void train(PreparedData data, int vocabularySize, String vocabularyFile, String state,
            Map<String, String> provenance, String checkpoints) throws Exception {
        Configuration conf = new Configuration(b.configuration);
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, b.checkpointInterval);
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, FilePaths.of(checkpoints).toUri().toString());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, b.restartAttempts);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, b.restartDelay);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        int replicas = b.trainingParallelism;
        TrainingSpec spec = new TrainingSpec(data.trainDirectory(), data.validationDirectory(),
                data.trainDocuments(), data.validationDocuments(), vocabularyFile, data.labels(), b.hyperParameters,
                state, replicas, b.syncSteps, b.checkpointInterval.toMillis());
        if (env instanceof org.apache.flink.streaming.api.environment.LocalStreamEnvironment) {
            // On the embedded cluster the task manager is this process: check that the model fits it.
            TrainingMemory.check(vocabularySize, b.hyperParameters.hidden(), data.labels().size(), replicas,
                    TrainingMemory.availableOutsideHeap());
        }
        LOG.info("training with {} replica{}", replicas, replicas == 1 ? "" : "s, merging every " + b.syncSteps + " batches");

        env.fromSource(new TrainingSource(spec, b.listener), WatermarkStrategy.noWatermarks(), "train model")
                .setParallelism(replicas)
                .flatMap(new ProgressAccumulator())
                .returns(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                .setParallelism(replicas)
                .name("training progress")
                .sinkTo(new BundleSink(b.model, spec.vocabularyFile(), b.textConfig, provenance, b.signingKeyFile,
                        b.keepVersions))
                .setParallelism(1)
                .name("model bundle: " + Locations.redact(b.model));
        String name = "categorizer train: " + Locations.redact(b.train);
        if (env instanceof org.apache.flink.streaming.api.environment.LocalStreamEnvironment) {
            env.execute(name); // the task runs here: its listener and log lines are this process's own
        } else {
            TrainingProgressFollower.follow(env.executeAsync(name), b.clientProgress);
        }
    }

    private Map<String, String> provenance(PreparedData data) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("train", Locations.redact(b.train)); // the manifest travels with the model
        if (b.validation != null) {
            p.put("validation", Locations.redact(b.validation));
        }
        p.put("train_documents", Long.toString(data.trainDocuments()));
        p.put("validation_documents", Long.toString(data.validationDocuments()));
        p.put("dead_letters", Long.toString(data.deadLetters()));
        b.vocabularySelector.toMap().forEach((k, v) -> p.put("vocabulary_" + k, v));
        p.put("trainer", "categorizer TrainJob (Apache Flink " + EnvironmentInformation.getVersion() + ")");
        return p;
    }

    /** The bundle now in service at {@code model}: the one this run published. */
    private static ModelBundle readBack(String model) {
        try (LocalBundle dir = LocalBundle.of(model)) {
            return ModelBundle.read(dir.directory());
        }
    }

    /** Settings of a {@link TrainJob}; only {@code train} and {@code model} are required. */
    public static final class Builder {
        private String train;
        private String validation;
        private String model;
        private String workDir;
        private String deadLetters;
        private String checkpointDirectory;
        private HyperParameters hyperParameters = HyperParameters.defaults();
        private TextConfig textConfig = TextConfig.defaults();
        private VocabularySelector vocabularySelector = VocabularySelector.builder()
                .minDocumentFrequency(DEFAULT_MIN_DF)
                .maxDocumentFraction(DEFAULT_MAX_DF_FRACTION)
                .maxSize(DEFAULT_MAX_VOCABULARY)
                .build();
        private int parallelism = -1;
        private int syncSteps = dev.categorizer.model.train.Replicas.DEFAULT_SYNC_STEPS;
        private int trainingParallelism = 1;
        private Duration checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
        private int restartAttempts = 3;
        private Duration restartDelay = Duration.ofSeconds(1);
        private TrainingListener listener = TrainingListener.NONE;
        private java.util.function.Consumer<String> clientProgress = line -> { };
        private Configuration configuration = new Configuration();
        private String signingKeyFile;
        private int keepVersions = BundlePublisher.DEFAULT_KEEP;

        private Builder() {}

        /** Training videos: a JSON-lines or Parquet file or directory, local or any Flink file system URI. */
        public Builder train(String path) {
            this.train = path;
            return this;
        }

        /** Validation videos (optional); without them a share of the training set is held out. */
        public Builder validation(String path) {
            this.validation = path;
            return this;
        }

        /** Directory of the model bundle to write (replaced if present); local or a Flink file system URI. */
        public Builder model(String directory) {
            this.model = directory;
            return this;
        }

        /** Where prepared documents, the vocabulary and checkpoints go; a temporary directory, removed, if unset. */
        public Builder workDir(String directory) {
            this.workDir = directory;
            return this;
        }

        /** Directory for dead letters as JSON lines; default {@code <work>/dead-letters}. */
        public Builder deadLetters(String directory) {
            this.deadLetters = directory;
            return this;
        }

        /** Checkpoint directory; default {@code <work>/checkpoints}. */
        public Builder checkpointDirectory(String directory) {
            this.checkpointDirectory = directory;
            return this;
        }

        public Builder hyperParameters(HyperParameters hyperParameters) {
            this.hyperParameters = Objects.requireNonNull(hyperParameters);
            return this;
        }

        public Builder textConfig(TextConfig textConfig) {
            this.textConfig = Objects.requireNonNull(textConfig);
            return this;
        }

        public Builder vocabularySelector(VocabularySelector selector) {
            this.vocabularySelector = Objects.requireNonNull(selector);
            return this;
        }

        /** Parallelism of the prepare stage. Default: the environment's. */
        public Builder parallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        /**
         * Replicas that train side by side, each on its share of every epoch's batches, merging their weights
         * every {@link #syncSteps} batches (default 1). Results depend on it: the same seed and training
         * parallelism give the same model.
         */
        public Builder trainingParallelism(int replicas) {
            if (replicas < 1) throw new IllegalArgumentException("training parallelism must be >= 1, got " + replicas);
            this.trainingParallelism = replicas;
            return this;
        }

        /** Batches each training replica runs between two merges of their weights (default 16). */
        public Builder syncSteps(int steps) {
            this.syncSteps = steps;
            return this;
        }

        /**
         * Flink's checkpoint interval, and the least time between two saves of the training state (a save also
         * waits ten times as long as the previous one took).
         */
        public Builder checkpointInterval(Duration interval) {
            this.checkpointInterval = Objects.requireNonNull(interval);
            return this;
        }

        /** Fixed-delay restarts of the training job after a failure. */
        public Builder restarts(int attempts, Duration delay) {
            this.restartAttempts = attempts;
            this.restartDelay = Objects.requireNonNull(delay);
            return this;
        }

        /** Test hook: hears every step and checkpoint of the training source (see {@link TrainingListener}). */
        /**
         * Where the client prints each epoch's line of a job that runs on a cluster ({@code flink run}), e.g.
         * {@code System.out::println}; nothing by default. On the embedded cluster the task runs in this process
         * and {@link #listener} sees every step.
         */
        public Builder clientProgress(java.util.function.Consumer<String> lines) {
            this.clientProgress = Objects.requireNonNull(lines);
            return this;
        }

        public Builder listener(TrainingListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /** Extra Flink configuration for both jobs. */
        /**
         * The Ed25519 private key (PKCS#8 PEM file) that signs the bundle's manifest; read where the bundle is
         * written (the task manager of the bundle sink), so the key never travels with the job.
         */
        public Builder signingKeyFile(String file) {
            this.signingKeyFile = file;
            return this;
        }

        /** How many published versions the model location keeps, the one in service among them (default 3). */
        public Builder keepVersions(int versions) {
            this.keepVersions = versions;
            return this;
        }

        public Builder configuration(Configuration configuration) {
            this.configuration = Objects.requireNonNull(configuration);
            return this;
        }

        public TrainJob build() {
            Objects.requireNonNull(train, "train path");
            Objects.requireNonNull(model, "model directory");
            if (keepVersions < 1) throw new IllegalArgumentException("keep at least 1 model version, not " + keepVersions);
            if (signingKeyFile != null && Files.isRegularFile(java.nio.file.Path.of(signingKeyFile))) {
                SigningKey.read(java.nio.file.Path.of(signingKeyFile)); // a bad key fails now, not after training
            }
            return new TrainJob(this);
        }
    }
}
