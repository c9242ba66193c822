package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.codec.DeadLetterJsonCodec;
import dev.categorizer.common.codec.PredictionJsonCodec;
import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.io.ParsedVideo;
import dev.categorizer.jobs.io.ParsedVideoTypeInfo;
import dev.categorizer.jobs.kafka.KafkaEndpoint;
import dev.categorizer.jobs.kafka.KafkaSettings;
import dev.categorizer.jobs.testutil.KafkaTestCluster;
import dev.categorizer.jobs.kafka.KafkaVideoSource;
import dev.categorizer.jobs.sink.OutputSpec;
import dev.categorizer.jobs.sink.PredictionSinks;
import dev.categorizer.jobs.testutil.ExpectedPredictions;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The unbounded score job between Kafka topics is exactly once: after a task failure mid-stream and a restart
 * from the last checkpoint, a {@code read_committed} consumer sees every good video's prediction exactly once and
 * every bad record exactly once in the dead-letter topic, with its reason.
 */
class ScoreJobKafkaITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

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

    /** Throws once, the first time it sees the video with the trigger id: a task failure mid-stream. */
    static final class FailOnce implements MapFunction<ParsedVideo, ParsedVideo> {
        static final AtomicBoolean FAILED = new AtomicBoolean();
        private final String triggerId;

        FailOnce(String triggerId) {
            this.triggerId = triggerId;
        }

        @Override
        public ParsedVideo map(ParsedVideo v) {
            if (v.isValid() && v.video().id().equals(triggerId) && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at " + triggerId);
            }
            return v;
        }
    }

    @Test
    void everyGoodVideoIsScoredExactlyOnceAndEveryBadOneDeadLetteredDespiteAFailure() throws Exception {
        Path bundle = ModelFixture.tinyModel();
        List<Video> videos = ModelFixture.sampleTest(80);
        List<Video> first = videos.subList(0, 40);
        List<Video> second = videos.subList(40, 80);
        VideoJsonCodec codec = new VideoJsonCodec();
        byte[] invalidUtf8 = "{\"id\": \"utf\", \"title\": \"caf__\"}".getBytes(StandardCharsets.UTF_8);
        invalidUtf8[invalidUtf8.length - 4] = (byte) 0xC3;
        invalidUtf8[invalidUtf8.length - 3] = (byte) 0x28;

        List<Map.Entry<String, byte[]>> batch1 = encode(first, codec);
        batch1.add(new SimpleEntry<>("broken", bytes("{\"id\": \"broken\", ")));
        batch1.add(new SimpleEntry<>("gone", null));
        batch1.add(new SimpleEntry<>("utf", invalidUtf8));
        List<Map.Entry<String, byte[]>> batch2 = encode(second, codec);
        batch2.add(10, new SimpleEntry<>("empty", bytes("{\"id\": \"empty\", \"title\": \"\", \"description\": \"\"}")));
        batch2.add(20, new SimpleEntry<>("unknown", bytes("{\"id\": \"unknown\", \"title\": \"Qwxzv Plrktz\"}")));
        batch2.add(new SimpleEntry<>("noid", bytes("{\"title\": \"a war film\"}")));
        int badRecords = 6;

        KafkaSettings settings = KafkaSettings.builder()
                .groupId("score-it")
                .startingOffsets("earliest")
                .transactionalIdPrefix("score-it")
                .build();
        String brokers = kafka.bootstrapServers();
        FailOnce.FAILED.set(false);

        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 5);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(500);
        DataStream<ParsedVideo> input = KafkaVideoSource.stream(env, new KafkaEndpoint(brokers, "videos"), settings)
                .map(new FailOnce(second.get(25).id()))
                .returns(ParsedVideoTypeInfo.INSTANCE);
        ScoredStreams<Prediction> scored = ScoreJob.score(input,
                // A scoring thread per task: batches in flight at a barrier and at the failure must not be lost.
                ScoringOptions.builder(bundle.toString()).batchSize(8).batchTimeoutMillis(100).inferenceThreads(1)
                        .build());
        PredictionSinks.predictions(scored.results(), OutputSpec.parse("kafka:predictions", null, brokers), settings);
        PredictionSinks.deadLetters(scored.deadLetters(), OutputSpec.parse("kafka:dead-letters", null, brokers), settings);

        JobClient job = env.executeAsync("score kafka test");
        try {
            kafka.produce("videos", batch1);
            Set<String> firstIds = ids(first);
            // Committed output of the first batch means a checkpoint completed before the failure.
            kafka.readCommitted("predictions", v -> predictedIds(v).containsAll(firstIds), TIMEOUT, Duration.ZERO);
            kafka.produce("videos", batch2);

            List<String> predictions = kafka.readCommitted("predictions",
                    v -> predictedIds(v).containsAll(ids(videos)), TIMEOUT, Duration.ofSeconds(3));
            List<String> deadLetters = kafka.readCommitted("dead-letters", v -> v.size() >= badRecords, TIMEOUT,
                    Duration.ofSeconds(2));

            assertThat(FailOnce.FAILED).isTrue();
            Map<String, Long> counts = predictions.stream().map(PredictionJsonCodec::decode)
                    .collect(Collectors.groupingBy(Prediction::id, Collectors.counting()));
            assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(ids(videos));
            assertThat(counts).allSatisfy((id, n) -> assertThat(n).as("copies of %s", id).isEqualTo(1));
            ExpectedPredictions.assertMatch(
                    predictions.stream().map(PredictionJsonCodec::decode).toList(),
                    ExpectedPredictions.of(bundle, videos));

            List<DeadLetter> dead = deadLetters.stream().map(DeadLetterJsonCodec::decode).toList();
            assertThat(dead).hasSize(badRecords);
            assertThat(dead).allSatisfy(d -> assertThat(d.reason()).isNotBlank());
            assertThat(dead).extracting(DeadLetter::reason)
                    .anySatisfy(r -> assertThat(r).contains("tombstone"))
                    .anySatisfy(r -> assertThat(r).contains("empty text"))
                    .anySatisfy(r -> assertThat(r).contains("no known token"));
            assertThat(dead).anySatisfy(d -> assertThat(d.raw()).isEqualTo("{\"id\": \"broken\", "));
        } finally {
            job.cancel().get(1, TimeUnit.MINUTES);
        }
    }

    private static List<Map.Entry<String, byte[]>> encode(List<Video> videos, VideoJsonCodec codec) {
        List<Map.Entry<String, byte[]>> out = new ArrayList<>();
        for (Video v : videos) out.add(new SimpleEntry<>(v.id(), bytes(codec.encode(v))));
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Set<String> ids(List<Video> videos) {
        return videos.stream().map(Video::id).collect(Collectors.toSet());
    }

    private static Set<String> predictedIds(List<String> json) {
        return json.stream().map(PredictionJsonCodec::decode).map(Prediction::id).collect(Collectors.toCollection(HashSet::new));
    }
}
