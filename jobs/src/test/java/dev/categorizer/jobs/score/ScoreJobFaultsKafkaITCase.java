package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.codec.DeadLetterJsonCodec;
import dev.categorizer.common.codec.PredictionJsonCodec;
import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.io.ParsedVideo;
import dev.categorizer.jobs.kafka.KafkaEndpoint;
import dev.categorizer.jobs.kafka.KafkaSettings;
import dev.categorizer.jobs.kafka.KafkaVideoSource;
import dev.categorizer.jobs.sink.OutputSpec;
import dev.categorizer.jobs.sink.PredictionSinks;
import dev.categorizer.jobs.testutil.KafkaTestCluster;
import dev.categorizer.jobs.testutil.ModelFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming score job (Kafka to Kafka, exactly once) through the faults of a real deployment: a whole task
 * manager lost mid-stream, then a stop with a savepoint and a restart at parallelism 1, then again at parallelism
 * 2. The task manager is lost after the job wrote the second part of the input but before a checkpoint covered
 * it, so what it wrote must not count. A {@code read_committed} consumer sees every video's prediction exactly once and every bad record exactly
 * once among the dead letters: none lost, none duplicated.
 */
class ScoreJobFaultsKafkaITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(2)
                    .setNumberSlotsPerTaskManager(2)
                    .setConfiguration(spreadOut())
                    .build());

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    static KafkaTestCluster kafka;

    @TempDir
    Path tmp;

    private static Configuration spreadOut() {
        Configuration conf = new Configuration();
        conf.setString("taskmanager.load-balance.mode", "SLOTS"); // both task managers run tasks of the job
        return conf;
    }

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = new KafkaTestCluster();
        kafka.createTopic("videos", 2);
        kafka.createTopic("predictions", 2);
        kafka.createTopic("dead-letters", 1);
        kafka.createTopic("videos-r", 2);
        kafka.createTopic("predictions-r", 2);
        kafka.createTopic("dead-letters-r", 1);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) kafka.close();
    }

    private JobClient start(Path bundle, int parallelism, String savepoint, long checkpointMillis) throws Exception {
        return start(bundle, parallelism, savepoint, checkpointMillis, "", new Configuration());
    }

    /** The job between the topics {@code videos<suffix>}, {@code predictions<suffix>}, {@code dead-letters<suffix>}. */
    private JobClient start(Path bundle, int parallelism, String restoreFrom, long checkpointMillis, String suffix,
            Configuration extra) throws Exception {
        KafkaSettings settings = KafkaSettings.builder().groupId("faults" + suffix).startingOffsets("earliest").build();
        String brokers = kafka.bootstrapServers();
        Configuration conf = new Configuration(extra);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 10);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(300));
        if (restoreFrom != null) conf.setString("execution.state-recovery.path", restoreFrom);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.setMaxParallelism(8);
        env.enableCheckpointing(checkpointMillis);
        DataStream<ParsedVideo> input = KafkaVideoSource.stream(env, new KafkaEndpoint(brokers, "videos" + suffix),
                settings);
        ScoredStreams<Prediction> scored = ScoreJob.score(input,
                ScoringOptions.builder(bundle.toString()).batchSize(4).batchTimeoutMillis(50).inferenceThreads(1)
                        .build());
        PredictionSinks.predictions(scored.results(), OutputSpec.parse("kafka:predictions" + suffix, null, brokers),
                settings);
        PredictionSinks.deadLetters(scored.deadLetters(),
                OutputSpec.parse("kafka:dead-letters" + suffix, null, brokers), settings);
        return env.executeAsync("score faults p" + parallelism);
    }

    @Test
    void nothingIsLostOrDuplicatedThroughATaskManagerLossAndRescalingThroughSavepoints(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        Path bundle = ModelFixture.tinyModel();
        List<Video> videos = ModelFixture.sampleTest(80);
        List<List<Map.Entry<String, byte[]>>> parts = new ArrayList<>();
        VideoJsonCodec codec = new VideoJsonCodec();
        for (int p = 0; p < 4; p++) {
            List<Map.Entry<String, byte[]>> part = new ArrayList<>();
            for (Video v : videos.subList(p * 20, p * 20 + 20)) part.add(new SimpleEntry<>(v.id(), bytes(codec.encode(v))));
            part.add(new SimpleEntry<>("bad-" + p, bytes("{\"id\": \"bad-" + p + "\", ")));
            parts.add(part);
        }
        Set<String> ids = new HashSet<>();

        // Checkpoints seconds apart, so that the task manager is lost with output written after the last one.
        JobClient first = start(bundle, 2, null, 3000);
        kafka.produce("videos", parts.get(0));
        awaitPredictions(ids, videos.subList(0, 20));
        kafka.produce("videos", parts.get(1));
        Set<String> secondIds = videos.subList(20, 40).stream().map(Video::id).collect(Collectors.toSet());
        kafka.readUncommitted("predictions", v -> v.stream().map(PredictionJsonCodec::decode).map(Prediction::id)
                .collect(Collectors.toSet()).containsAll(secondIds), TIMEOUT);
        cluster.terminateTaskManager(0).get(30, TimeUnit.SECONDS); // a whole task manager, not a thrown exception
        awaitPredictions(ids, videos.subList(20, 40));
        String savepoint1 = first.stopWithSavepoint(false, tmp.resolve("savepoints").toUri().toString(),
                SavepointFormatType.CANONICAL).get(1, TimeUnit.MINUTES);

        JobClient second = start(bundle, 1, savepoint1, 300);
        kafka.produce("videos", parts.get(2));
        awaitPredictions(ids, videos.subList(40, 60));
        String savepoint2 = second.stopWithSavepoint(false, tmp.resolve("savepoints").toUri().toString(),
                SavepointFormatType.CANONICAL).get(1, TimeUnit.MINUTES);

        JobClient third = start(bundle, 2, savepoint2, 300);
        try {
            kafka.produce("videos", parts.get(3));
            List<String> predictions = awaitPredictions(ids, videos.subList(60, 80));
            Map<String, Long> counts = predictions.stream().map(PredictionJsonCodec::decode)
                    .collect(Collectors.groupingBy(Prediction::id, Collectors.counting()));
            assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(counts).allSatisfy((id, n) -> assertThat(n).as("copies of %s", id).isEqualTo(1));

            List<DeadLetter> dead = kafka.readCommitted("dead-letters", v -> v.size() >= 4, TIMEOUT,
                    Duration.ofSeconds(2)).stream().map(DeadLetterJsonCodec::decode).toList();
            assertThat(dead).extracting(DeadLetter::raw).containsExactlyInAnyOrder(
                    "{\"id\": \"bad-0\", ", "{\"id\": \"bad-1\", ", "{\"id\": \"bad-2\", ", "{\"id\": \"bad-3\", ");
            assertThat(dead).allSatisfy(d -> assertThat(d.reason()).isNotBlank());
        } finally {
            third.cancel().get(1, TimeUnit.MINUTES);
        }
    }

    @Test
    void aNewJobRestoredFromTheRetainedCheckpointOfACancelledOneLosesAndRepeatsNothing() throws Exception {
        Path bundle = ModelFixture.tinyModel();
        List<Video> videos = ModelFixture.sampleTest(60);
        VideoJsonCodec codec = new VideoJsonCodec();
        Path checkpoints = tmp.resolve("checkpoints");
        Configuration retained = new Configuration();
        retained.setString("state.checkpoints.dir", checkpoints.toUri().toString());
        retained.setString("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        Set<String> ids = new HashSet<>();

        // Checkpoints seconds apart, so that the job is cancelled with output written after the last one.
        JobClient first = start(bundle, 2, null, 3000, "-r", retained);
        kafka.produce("videos-r", encode(codec, videos.subList(0, 20)));
        awaitPredictions("predictions-r", ids, videos.subList(0, 20));
        kafka.produce("videos-r", encode(codec, videos.subList(20, 40)));
        Set<String> secondIds = videos.subList(20, 40).stream().map(Video::id).collect(Collectors.toSet());
        kafka.readUncommitted("predictions-r", v -> v.stream().map(PredictionJsonCodec::decode).map(Prediction::id)
                .collect(Collectors.toSet()).containsAll(secondIds), TIMEOUT);
        first.cancel().get(1, TimeUnit.MINUTES);
        String latest = latestCheckpoint(checkpoints.resolve(first.getJobID().toString()));

        JobClient second = start(bundle, 1, latest, 300, "-r", retained);
        try {
            kafka.produce("videos-r", encode(codec, videos.subList(40, 60)));
            awaitPredictions("predictions-r", ids, videos.subList(20, 40));
            List<String> predictions = awaitPredictions("predictions-r", ids, videos.subList(40, 60));
            Map<String, Long> counts = predictions.stream().map(PredictionJsonCodec::decode)
                    .collect(Collectors.groupingBy(Prediction::id, Collectors.counting()));
            assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(counts).allSatisfy((id, n) -> assertThat(n).as("copies of %s", id).isEqualTo(1));
        } finally {
            second.cancel().get(1, TimeUnit.MINUTES);
        }
    }

    private static String latestCheckpoint(Path jobCheckpoints) throws java.io.IOException {
        try (var dirs = java.nio.file.Files.list(jobCheckpoints)) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .filter(p -> java.nio.file.Files.exists(p.resolve("_metadata")))
                    .max(java.util.Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4))))
                    .orElseThrow(() -> new AssertionError("no retained checkpoint in " + jobCheckpoints))
                    .toUri().toString();
        }
    }

    private static List<Map.Entry<String, byte[]>> encode(VideoJsonCodec codec, List<Video> videos) {
        List<Map.Entry<String, byte[]>> out = new ArrayList<>();
        for (Video v : videos) out.add(new SimpleEntry<>(v.id(), bytes(codec.encode(v))));
        return out;
    }

    /** Waits until the committed predictions hold {@code more} too, and returns all of them. */
    private static List<String> awaitPredictions(Set<String> ids, List<Video> more) {
        return awaitPredictions("predictions", ids, more);
    }

    private static List<String> awaitPredictions(String topic, Set<String> ids, List<Video> more) {
        more.forEach(v -> ids.add(v.id()));
        return kafka.readCommitted(topic, v -> v.stream().map(PredictionJsonCodec::decode).map(Prediction::id)
                .collect(Collectors.toSet()).containsAll(ids), TIMEOUT, Duration.ofSeconds(1));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
