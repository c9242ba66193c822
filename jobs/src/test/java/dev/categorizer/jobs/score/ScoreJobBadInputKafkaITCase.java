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
import dev.categorizer.jobs.testutil.BadRecordCorpus;
import dev.categorizer.jobs.testutil.KafkaTestCluster;
import dev.categorizer.jobs.testutil.ModelFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;
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
 * The generated corpus of hostile records ({@link BadRecordCorpus}: over a thousand records of about thirty
 * kinds, 10 MB fields and empty values included) sent to a topic as a careless producer would, one record per
 * line, through the streaming score job as deployed (exactly once). Every record sent ends as one committed
 * prediction or one committed dead letter with its reason, and the job is still running at the end.
 */
class ScoreJobBadInputKafkaITCase {

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

    @Test
    void everyHostileRecordFromATopicIsScoredOrDeadLetteredWithItsReason() throws Exception {
        Path model = ModelFixture.tinyModel();
        VideoJsonCodec codec = new VideoJsonCodec();
        List<String> good = ModelFixture.sampleTest(60).stream().map(codec::encode).toList();
        BadRecordCorpus corpus = BadRecordCorpus.generate(good, 11);
        List<byte[]> records = corpus.lines(); // an empty or blank value is a record on a topic
        assertThat(records).hasSizeGreaterThanOrEqualTo(1000);

        JobClient job = start(model);
        try {
            kafka.produce("videos", records.stream().map(r -> (Map.Entry<String, byte[]>) new SimpleEntry<String, byte[]>(null, r)).toList());

            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            List<String> predictions;
            List<String> deadLetters;
            do {
                predictions = readAll("predictions");
                deadLetters = readAll("dead-letters");
            } while (predictions.size() + deadLetters.size() < records.size() && System.nanoTime() < deadline);
            Thread.sleep(3000); // late duplicates would show now
            predictions = readAll("predictions");
            deadLetters = readAll("dead-letters");

            assertThat(predictions.size() + deadLetters.size()).as("predictions + dead letters = records sent")
                    .isEqualTo(records.size());
            List<DeadLetter> dead = deadLetters.stream().map(DeadLetterJsonCodec::decode).toList();
            assertThat(dead).allSatisfy(d -> assertThat(d.reason()).isNotBlank());
            Map<String, Long> copies = predictions.stream().map(PredictionJsonCodec::decode)
                    .collect(Collectors.groupingBy(Prediction::id, Collectors.counting()));
            // No deduplication: the first three good records were sent eleven times (ten duplicates and the good one).
            for (int i = 0; i < 3; i++) assertThat(copies.get(codec.decode(good.get(i)).id())).isEqualTo(10);
            for (int i = 3; i < good.size(); i++) {
                Video v = codec.decode(good.get(i));
                assertThat(copies).as("the good record %s", v.id()).containsKey(v.id());
            }
            assertThat(job.getJobStatus().get(30, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
        } finally {
            job.cancel().get(1, TimeUnit.MINUTES);
        }
    }

    private static List<String> readAll(String topic) {
        return kafka.readCommitted(topic, v -> false, Duration.ofSeconds(1), Duration.ZERO);
    }

    private static JobClient start(Path model) throws Exception {
        String brokers = kafka.bootstrapServers();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        ScorePipeline.builder()
                .input(VideoInput.parse("kafka://" + brokers + "/videos", null, null))
                .scoring(ScoringOptions.builder(model.toString()).batchSize(16).batchTimeoutMillis(50).build())
                .predictions(OutputSpec.parse("kafka:predictions", null, brokers))
                .deadLetters(OutputSpec.parse("kafka:dead-letters", null, brokers))
                .kafka(KafkaSettings.builder().groupId("bad-input").startingOffsets("earliest").build())
                .checkpointIntervalMillis(500)
                .build()
                .attach(env);
        return env.executeAsync("score hostile records from kafka");
    }
}
