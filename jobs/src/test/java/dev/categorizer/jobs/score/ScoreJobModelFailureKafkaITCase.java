package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.categorizer.common.codec.PredictionJsonCodec;
import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.kafka.KafkaSettings;
import dev.categorizer.jobs.sink.OutputSpec;
import dev.categorizer.jobs.testutil.KafkaTestCluster;
import dev.categorizer.jobs.testutil.ModelFixture;
import dev.categorizer.jobs.testutil.OverflowingModel;
import dev.categorizer.model.predict.ModelFailureException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model that fails on whole batches fails the Kafka job instead of dead-lettering the stream, and commits no
 * input offset past the failed batch: a later run with a good model on the same consumer group picks up exactly
 * where the failure was, so that a {@code read_committed} consumer sees every video's prediction once, none lost
 * and none twice, and no dead letter.
 */
class ScoreJobModelFailureKafkaITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String GROUP = "model-failure-it";

    @TempDir
    static Path tmp;

    static KafkaTestCluster kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = new KafkaTestCluster();
        kafka.createTopic("videos", 2);
        kafka.createTopic("predictions", 2);
        kafka.createTopic("dead-letters", 1);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) kafka.close();
    }

    @Test
    void aFailingModelFailsTheJobAndAGoodOneLaterScoresEveryVideoExactlyOnce() throws Exception {
        List<Video> ordinary = ModelFixture.sampleTest(20);
        assertThat(ordinary).noneSatisfy(v -> assertThat(v.description()).containsIgnoringCase(OverflowingModel.WORD));
        List<Video> poisoned = new ArrayList<>();
        for (int i = 0; i < 20; i++) poisoned.add(OverflowingModel.videoWithTheWord("poisoned-" + i));
        Path failsOnWord = OverflowingModel.onWord(tmp.resolve("fails-on-word"));

        // 1. The model scores the ordinary videos, then fails on every batch of the poisoned ones.
        JobClient first = start(failsOnWord);
        Throwable failure;
        try {
            kafka.produce("videos", encode(ordinary));
            kafka.readCommitted("predictions", v -> predictedIds(v).containsAll(ids(ordinary)), TIMEOUT, Duration.ZERO);
            awaitCommittedOffsets(ordinary.size());
            kafka.produce("videos", encode(poisoned));
            failure = catchThrowable(() -> first.getJobExecutionResult().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } finally {
            if (!first.getJobStatus().get().isTerminalState()) first.cancel().get(1, TimeUnit.MINUTES);
        }
        assertThat(failure).as("the job failed").isNotNull();
        assertThat(ExceptionUtils.findThrowable(failure, ModelFailureException.class)).isPresent();
        assertThat(committedOffsets()).as("nothing past the failed batch").isEqualTo(ordinary.size());

        // 2. A good model on the same group goes on from there.
        JobClient second = start(ModelFixture.tinyModel());
        try {
            List<Video> all = new ArrayList<>(ordinary);
            all.addAll(poisoned);
            List<String> predictions = kafka.readCommitted("predictions",
                    v -> predictedIds(v).containsAll(ids(all)), TIMEOUT, Duration.ofSeconds(3));
            Map<String, Long> copies = predictions.stream().map(PredictionJsonCodec::decode)
                    .collect(Collectors.groupingBy(Prediction::id, Collectors.counting()));
            assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(ids(all));
            assertThat(copies).allSatisfy((id, n) -> assertThat(n).as("copies of %s", id).isEqualTo(1));
            assertThat(kafka.readCommitted("dead-letters", v -> false, Duration.ofSeconds(2), Duration.ZERO)).isEmpty();
        } finally {
            second.cancel().get(1, TimeUnit.MINUTES);
        }
    }

    /** The score job as deployed, on the same group and transactional ids each run; one restart, then it fails. */
    private static JobClient start(Path model) throws Exception {
        String brokers = kafka.bootstrapServers();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        ScorePipeline.builder()
                .input(VideoInput.parse("kafka://" + brokers + "/videos", null, null))
                // A scoring thread per task: the failure comes from there.
                .scoring(ScoringOptions.builder(model.toString()).batchSize(8).batchTimeoutMillis(100)
                        .inferenceThreads(1).build())
                .predictions(OutputSpec.parse("kafka:predictions", null, brokers))
                .deadLetters(OutputSpec.parse("kafka:dead-letters", null, brokers))
                .kafka(KafkaSettings.builder().groupId(GROUP).startingOffsets("committed")
                        .transactionalIdPrefix(GROUP).build())
                .checkpointIntervalMillis(300)
                .restarts(1, Duration.ofMillis(200))
                .build()
                .attach(env);
        return env.executeAsync("score kafka, model " + model.getFileName());
    }

    /** Waits until the group has committed {@code expected} offsets in all: the source commits on checkpoints. */
    private static void awaitCommittedOffsets(long expected) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (committedOffsets() < expected && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(committedOffsets()).isEqualTo(expected);
    }

    /** The group's committed offsets summed over the partitions of the input: how many records it has done. */
    private static long committedOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Map<?, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
            return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        }
    }

    private static List<Map.Entry<String, byte[]>> encode(List<Video> videos) {
        VideoJsonCodec codec = new VideoJsonCodec();
        List<Map.Entry<String, byte[]>> out = new ArrayList<>();
        for (Video v : videos) out.add(new SimpleEntry<>(v.id(), codec.encode(v).getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    private static Set<String> ids(List<Video> videos) {
        return videos.stream().map(Video::id).collect(Collectors.toSet());
    }

    private static Set<String> predictedIds(List<String> json) {
        return json.stream().map(PredictionJsonCodec::decode).map(Prediction::id).collect(Collectors.toSet());
    }
}
