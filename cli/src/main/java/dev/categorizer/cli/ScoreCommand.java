package dev.categorizer.cli;

import dev.categorizer.cli.progress.ProgressReporter;
import dev.categorizer.cli.progress.ReadProgressLine;
import dev.categorizer.common.config.Locations;
import dev.categorizer.common.config.SecretKeys;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.jobs.kafka.KafkaSettings;
import dev.categorizer.jobs.progress.LocalProgress;
import dev.categorizer.jobs.score.ScorePipeline;
import dev.categorizer.jobs.score.ScoringMetrics;
import dev.categorizer.jobs.score.ScoringOptions;
import dev.categorizer.jobs.score.VideoInput;
import dev.categorizer.jobs.sink.OutputSpec;
import dev.categorizer.flink.bundle.LocalBundle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code categorizer score}: scores videos from files or a Kafka topic with a model bundle and writes the
 * predictions (JSON lines, Parquet or Kafka) and the records that could not be scored (dead letters).
 */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Scores videos with a model bundle: files in (bounded; ends when all is scored) or a Kafka topic "
                    + "(unbounded, exactly once with Kafka outputs).",
            "Outputs are directories of part files (JSON lines, or Parquet when the name ends in .parquet or with "
                    + "--output-format parquet) or Kafka topics (kafka://host:port/topic; JSON keyed by video id).",
            "Example: categorizer score --model models/films --input data/sample/test.jsonl --output out/predictions"
        })
public final class ScoreCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Model bundle directory (local path or file system URI such as s3://...).")
    String model;

    @Option(names = "--input", paramLabel = "SRC",
            description = "File or directory of JSON lines / Parquet videos, or kafka://host:port/topic.")
    String input;

    @Option(names = "--output", required = true, paramLabel = "SINK",
            description = "Predictions: a directory (JSON lines or .parquet) or kafka://host:port/topic.")
    String output;

    @Option(names = "--output-format", paramLabel = "FORMAT",
            description = "jsonl or parquet (default: parquet when SINK ends in .parquet, else jsonl).")
    String outputFormat;

    @Option(names = "--dead-letter", paramLabel = "SINK",
            description = "Where records that cannot be scored go, as {\"raw\",\"reason\",\"at\"}: a directory or "
                    + "kafka://host:port/topic (default: <output>-dead-letters).")
    String deadLetter;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Parallel tasks (default: the cluster's default, or all cores locally).")
    Integer parallelism;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Most videos scored by one model call (default: " + ScoringOptions.DEFAULT_BATCH_SIZE
                    + " from files, " + ScoringOptions.DEFAULT_STREAMING_BATCH_SIZE + " from Kafka, for latency).")
    Integer batchSize;

    @Option(names = "--batch-timeout", paramLabel = "DURATION", defaultValue = "50ms",
            description = "Longest a video waits for its batch to fill, e.g. 50ms, 1s (default: ${DEFAULT-VALUE}).")
    String batchTimeout;

    @Option(names = "--explain", paramLabel = "K", defaultValue = "0",
            description = "Explain each predicted category with the K words or tags that pushed it most: "
                    + "\"explanation\": [{word, field, contribution}] in each category (one more model call per "
                    + "video; default ${DEFAULT-VALUE}: none, and no extra work).")
    int explain;

    @Mixin
    TrustOptions trust = new TrustOptions();

    @Mixin
    InferenceThreadsOption inferenceThreads = new InferenceThreadsOption();

    @Option(names = "--max-text-chars", paramLabel = "N", defaultValue = "" + ScoringOptions.DEFAULT_MAX_TEXT_CHARS,
            description = "Longest title + description + tags scored; longer is a dead letter (default: ${DEFAULT-VALUE}).")
    int maxTextChars;

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers for kafka: locations that name none and for --kafka-topic.")
    String kafkaBootstrap;

    @Option(names = "--kafka-topic", paramLabel = "TOPIC", description = "Input topic (instead of --input).")
    String kafkaTopic;

    @Option(names = "--kafka-group-id", paramLabel = "ID", defaultValue = KafkaSettings.DEFAULT_GROUP_ID,
            description = "Consumer group of the input (default: ${DEFAULT-VALUE}).")
    String kafkaGroupId;

    @Option(names = "--kafka-starting-offsets", paramLabel = "WHERE", defaultValue = "committed",
            description = "earliest, latest, committed (earliest when none) or timestamp:<millis>; ignored when "
                    + "restoring from a checkpoint (default: ${DEFAULT-VALUE}).")
    String kafkaStartingOffsets;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = "Kafka client property for every client, repeatable; e.g. security.protocol=SASL_SSL, "
                    + "sasl.mechanism=SCRAM-SHA-512, ssl.truststore.location=/etc/kafka/truststore.p12. Credentials "
                    + "(sasl.jaas.config, *.password, keys with secret, token or key) are refused here, where ps and "
                    + "the job's arguments show them: put them in --kafka-properties-file, or give a Kafka "
                    + "config-provider reference resolved by the client, e.g. "
                    + "sasl.jaas.config=$${env:KAFKA_SASL_JAAS_CONFIG} with config.providers=env and "
                    + "config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider "
                    + "(or file / FileConfigProvider: $${file:/path/to.properties:KEY}). kafka-clients 4.2 allows "
                    + "every provider class unless the JVM system property org.apache.kafka.automatic.config.providers "
                    + "lists the allowed ones.")
    List<String> kafkaProperties = List.of();

    @Option(names = "--kafka-properties-file", paramLabel = "FILE",
            description = "A .properties file of Kafka client properties, credentials included (keep it readable by "
                    + "the job's user only); --kafka-property wins. Printed with its credentials as ******.")
    Path kafkaPropertiesFile;

    @Option(names = "--delivery-guarantee", paramLabel = "GUARANTEE", defaultValue = "exactly-once",
            description = "Kafka outputs: exactly-once (transactions committed on checkpoints), at-least-once or "
                    + "none (default: ${DEFAULT-VALUE}).")
    String deliveryGuarantee;

    @Option(names = "--transactional-id-prefix", paramLabel = "PREFIX",
            description = "Prefix of the Kafka transactional ids, unique per job on a Kafka cluster. Default: derived "
                    + "from the consumer group and the output topic, so two jobs never fence each other; give "
                    + KafkaSettings.LEGACY_TRANSACTIONAL_ID_PREFIX + " to upgrade a job that ran with the old fixed "
                    + "default from its savepoint.")
    String transactionalIdPrefix;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", defaultValue = "10s",
            description = "Checkpoint interval of a Kafka-input job when the cluster sets none (default: ${DEFAULT-VALUE}).")
    String checkpointInterval;

    @Option(names = "--restart-attempts", paramLabel = "N",
            defaultValue = "" + ScorePipeline.DEFAULT_RESTART_ATTEMPTS,
            description = "Restarts after a failure (e.g. a model that fails on whole batches) before the job fails, "
                    + "when the cluster configures no restart strategy (default: ${DEFAULT-VALUE}).")
    int restartAttempts;

    @Option(names = "--restart-delay", paramLabel = "DURATION", defaultValue = "10s",
            description = "Wait before each restart (default: ${DEFAULT-VALUE}).")
    String restartDelay;

    /** The scoring settings; the batch size defaults by the kind of input: files for throughput, Kafka for latency. */
    ScoringOptions scoringOptions(VideoInput source) {
        int size = batchSize != null ? batchSize
                : source.isBounded() ? ScoringOptions.DEFAULT_BATCH_SIZE : ScoringOptions.DEFAULT_STREAMING_BATCH_SIZE;
        return ScoringOptions.builder(model)
                .batchSize(size)
                .batchTimeoutMillis(TimeUtils.parseDuration(batchTimeout).toMillis())
                .maxTextChars(maxTextChars)
                .inferenceThreads(inferenceThreads.value())
                .trustedKeys(trust.keys())
                .explainTop(explain)
                .build();
    }

    @Override
    public Integer call() throws Exception {
        VideoInput source;
        OutputSpec predictions;
        OutputSpec deadLetters;
        KafkaSettings kafka;
        ScoringOptions scoring;
        try {
            source = VideoInput.parse(input, kafkaTopic, kafkaBootstrap);
            predictions = OutputSpec.parse(output, outputFormat, kafkaBootstrap);
            deadLetters = deadLetter == null
                    ? predictions.defaultDeadLetters()
                    : OutputSpec.parse(deadLetter, null, kafkaBootstrap);
            kafka = kafkaSettings();
            scoring = scoringOptions(source).pinned(); // reads the trusted keys
        } catch (IllegalArgumentException e) { // unusable options: a usage error (exit code 2)
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        checkModel(scoring);
        if (source.isBounded()) Preflight.inputPresent("--input", input);
        if (predictions.format() != OutputSpec.Format.KAFKA) Preflight.outputWritable("--output", predictions.path());
        if (deadLetters.format() != OutputSpec.Format.KAFKA) {
            Preflight.outputWritable(deadLetter == null ? "the dead letters (next to --output)" : "--dead-letter",
                    deadLetters.path());
        }
        ScorePipeline pipeline = ScorePipeline.builder()
                .input(source)
                .scoring(scoring)
                .predictions(predictions)
                .deadLetters(deadLetters)
                .kafka(kafka)
                .checkpointIntervalMillis(TimeUtils.parseDuration(checkpointInterval).toMillis())
                .restarts(restartAttempts, TimeUtils.parseDuration(restartDelay))
                .build();

        StreamExecutionEnvironment env = EmbeddedCluster.environment();
        TensorFlowPreload.startIfLocal(env);
        if (parallelism != null) env.setParallelism(parallelism);
        pipeline.attach(env);
        System.out.printf("scoring %s with %s -> %s (dead letters -> %s)%n", source, Locations.redact(model),
                predictions, deadLetters);
        if (usesKafka(source, predictions, deadLetters) && !kafka.properties().isEmpty()) {
            System.out.println("kafka client properties: " + kafka.shownProperties());
        }
        JobExecutionResult result;
        LocalProgress.reset();
        try (ProgressReporter bar = ProgressReporter.start(source.isBounded()
                ? new ReadProgressLine("scoring", LocalProgress::recordsRead, LocalProgress::bytesRead,
                        localBytes(input), System.currentTimeMillis())
                : now -> null)) { // a stream has no end to show
            result = env.execute("categorizer score " + source);
        }
        if (pipeline.isBounded()) pipeline.cleanUpAfterSuccess();
        printSummary(result);
        return 0;
    }

    /** The size of the local input file or directory tree, or 0 if it is not local. */
    static long localBytes(String location) {
        Path path = Preflight.localPath(location);
        if (path == null) return 0;
        try (java.util.stream.Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // no total: the line shows the count and the rate
        }
    }

    /**
     * Reads and checks the bundle before the job starts, so that a refused bundle is one line now, not a task
     * failure later; the tasks check it again where they load it.
     */
    private static void checkModel(ScoringOptions scoring) {
        try (LocalBundle dir = LocalBundle.of(scoring.modelPath())) {
            ModelBundle.read(dir.directory(), scoring.trustedKeys());
        }
    }

    private static boolean usesKafka(VideoInput source, OutputSpec... outputs) {
        return !source.isBounded() || Arrays.stream(outputs).anyMatch(o -> o.format() == OutputSpec.Format.KAFKA);
    }

    KafkaSettings kafkaSettings() throws IOException {
        Map<String, String> props = new LinkedHashMap<>();
        if (kafkaPropertiesFile != null) {
            Properties file = new Properties();
            try (InputStream in = Files.newInputStream(kafkaPropertiesFile)) {
                file.load(in);
            }
            file.stringPropertyNames().forEach(k -> props.put(k, file.getProperty(k)));
        }
        for (String kv : kafkaProperties) {
            Map.Entry<String, String> e = KafkaSettings.parseProperty(kv);
            refuseCredential(e.getKey(), e.getValue());
            props.put(e.getKey(), e.getValue());
        }
        return KafkaSettings.builder()
                .groupId(kafkaGroupId)
                .startingOffsets(kafkaStartingOffsets)
                .deliveryGuarantee(guarantee(deliveryGuarantee))
                .transactionalIdPrefix(transactionalIdPrefix)
                .properties(props)
                .build();
    }

    /**
     * A credential on the command line is seen by every user of the machine (ps), kept in shell histories and
     * shown with the job's arguments; a config-provider reference such as ${env:NAME} is not a credential.
     */
    static void refuseCredential(String key, String value) {
        if (SecretKeys.isSecret(key) && !SecretKeys.isConfigReference(value)) {
            throw new IllegalArgumentException("--kafka-property " + key + " is a credential, which must not be given"
                    + " on the command line: put it in --kafka-properties-file, or pass a Kafka config-provider"
                    + " reference such as " + key + "=${env:NAME} with config.providers=env and"
                    + " config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider");
        }
    }

    static DeliveryGuarantee guarantee(String name) {
        return switch (name.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "exactly-once" -> DeliveryGuarantee.EXACTLY_ONCE;
            case "at-least-once" -> DeliveryGuarantee.AT_LEAST_ONCE;
            case "none" -> DeliveryGuarantee.NONE;
            default -> throw new IllegalArgumentException(
                    "unknown delivery guarantee '" + name + "': use exactly-once, at-least-once or none");
        };
    }

    private static void printSummary(JobExecutionResult result) {
        try {
            long read = count(result, ScoringMetrics.READ);
            long scored = count(result, ScoringMetrics.SCORED);
            long dead = count(result, ScoringMetrics.DEAD_LETTERED);
            double seconds = result.getNetRuntime() / 1000.0;
            System.out.printf(Locale.ROOT, "read %d, scored %d, dead-lettered %d in %.1f s%n", read, scored, dead,
                    seconds);
        } catch (RuntimeException e) {
            // A detached submission (flink run -d) has no result to report.
        }
    }

    private static long count(JobExecutionResult result, String name) {
        Object v = result.getAccumulatorResult(name);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
