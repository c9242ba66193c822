package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.codec.DeadLetterJsonCodec;
import dev.categorizer.common.codec.PredictionJsonCodec;
import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.kafka.KafkaSettings;
import dev.categorizer.jobs.sink.OutputSpec;
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
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The streaming score job as deployed (its own restart strategy, exactly once) while Kafka goes away: the broker
 * is stopped with records in flight, stays down for 20 checkpoint intervals, and comes back on the same port and
 * log directories. Shorter than the checkpoint timeout, the outage only holds the pending checkpoint (the sink's
 * pre-commit waits for the broker); longer, the checkpoint expires and the job restarts from the last completed
 * one while the broker is still down. Either way the job recovers by itself and a {@code read_committed}
 * consumer sees every video's prediction and every bad record's dead letter exactly once.
 */
class ScoreJobBrokerOutageITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(2)
                    .setNumberSlotsPerTaskManager(1)
                    .build());

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final long CHECKPOINT_MILLIS = 1000;
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    static KafkaTestCluster kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = new KafkaTestCluster();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) kafka.close();
    }

    @Test
    void anOutageShorterThanTheCheckpointTimeoutIsRiddenOutWithoutARestart() throws Exception {
        Set<JobStatus> seen = scoreThroughAnOutage("", Duration.ofMinutes(10));
        assertThat(seen).containsOnly(JobStatus.RUNNING);
    }

    @Test
    void anOutageLongerThanTheCheckpointTimeoutRestartsTheJobFromItsLastCheckpoint() throws Exception {
        // The timeout is 10 minutes by default; 5 s here, so that a 20 s outage expires a checkpoint and restarts
        // the job (the deployed strategy: 3 restarts 10 s apart) while the broker is still down.
        Set<JobStatus> seen = scoreThroughAnOutage("-long", Duration.ofSeconds(5));
        assertThat(seen).contains(JobStatus.RESTARTING);
    }

    /**
     * Scores a first part, sends a second and stops the broker at once (records read, perhaps scored, surely not
     * committed), waits {@link #OUTAGE}, starts the broker again, sends a third part, and checks that every id
     * was predicted once and every bad record dead-lettered once. Returns the job statuses seen in the outage.
     */
    private Set<JobStatus> scoreThroughAnOutage(String suffix, Duration checkpointTimeout) throws Exception {
        for (String topic : List.of("videos", "predictions")) kafka.createTopic(topic + suffix, 2);
        kafka.createTopic("dead-letters" + suffix, 1);
        Path bundle = ModelFixture.tinyModel();
        List<Video> videos = ModelFixture.sampleTest(60);
        VideoJsonCodec codec = new VideoJsonCodec();
        List<List<Map.Entry<String, byte[]>>> parts = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            List<Map.Entry<String, byte[]>> part = new ArrayList<>();
            for (Video v : videos.subList(p * 20, p * 20 + 20)) part.add(new SimpleEntry<>(v.id(), bytes(codec.encode(v))));
            part.add(new SimpleEntry<>("bad-" + p, bytes("{\"id\": \"bad-" + p + "\", ")));
            parts.add(part);
        }

        JobClient job = start(bundle, suffix, checkpointTimeout);
        try {
            kafka.produce("videos" + suffix, parts.get(0));
            awaitPredictions(suffix, videos.subList(0, 20));

            kafka.produce("videos" + suffix, parts.get(1));
            kafka.stopBroker();
            Set<JobStatus> seen;
            try {
                seen = statusesDuring(job, OUTAGE);
            } finally {
                kafka.startBroker();
            }
            System.out.println("job statuses seen during the outage: " + seen);

            kafka.produce("videos" + suffix, parts.get(2));
            List<String> predictions = awaitPredictions(suffix, videos);
            Map<String, Long> counts = predictions.stream().map(PredictionJsonCodec::decode)
                    .collect(Collectors.groupingBy(Prediction::id, Collectors.counting()));
            assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(ids(videos));
            assertThat(counts).allSatisfy((id, n) -> assertThat(n).as("copies of %s", id).isEqualTo(1));

            List<DeadLetter> dead = kafka.readCommitted("dead-letters" + suffix, v -> v.size() >= 3, TIMEOUT,
                    Duration.ofSeconds(2)).stream().map(DeadLetterJsonCodec::decode).toList();
            assertThat(dead).extracting(DeadLetter::raw).containsExactlyInAnyOrder(
                    "{\"id\": \"bad-0\", ", "{\"id\": \"bad-1\", ", "{\"id\": \"bad-2\", ");
            assertThat(dead).allSatisfy(d -> assertThat(d.reason()).isNotBlank());
            assertThat(job.getJobStatus().get(30, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
            return seen;
        } finally {
            job.cancel().get(1, TimeUnit.MINUTES);
        }
    }

    /** The score job with the deployed defaults (restarts, exactly once) but a short checkpoint interval. */
    private static JobClient start(Path model, String suffix, Duration checkpointTimeout) throws Exception {
        String brokers = kafka.bootstrapServers();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(CHECKPOINT_MILLIS);
        env.getCheckpointConfig().setCheckpointTimeout(checkpointTimeout.toMillis());
        ScorePipeline.builder()
                .input(VideoInput.parse("kafka://" + brokers + "/videos" + suffix, null, null))
                .scoring(ScoringOptions.builder(model.toString()).batchSize(4).batchTimeoutMillis(50).build())
                .predictions(OutputSpec.parse("kafka:predictions" + suffix, null, brokers))
                .deadLetters(OutputSpec.parse("kafka:dead-letters" + suffix, null, brokers))
                .kafka(KafkaSettings.builder().groupId("outage" + suffix).startingOffsets("earliest").build())
                .build()
                .attach(env);
        return env.executeAsync("score through a broker outage" + suffix);
    }

    private static Set<JobStatus> statusesDuring(JobClient job, Duration period) throws Exception {
        Set<JobStatus> seen = java.util.EnumSet.noneOf(JobStatus.class);
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            seen.add(job.getJobStatus().get(10, TimeUnit.SECONDS));
            Thread.sleep(100);
        }
        return seen;
    }

    private static List<String> awaitPredictions(String suffix, List<Video> expected) {
        Set<String> ids = ids(expected);
        return kafka.readCommitted("predictions" + suffix, v -> v.stream().map(PredictionJsonCodec::decode).map(Prediction::id)
                .collect(Collectors.toSet()).containsAll(ids), TIMEOUT, Duration.ofSeconds(2));
    }

    private static Set<String> ids(List<Video> videos) {
        return videos.stream().map(Video::id).collect(Collectors.toCollection(HashSet::new));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
