package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.codec.PredictionJsonCodec;
import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.sink.OutputSpec;
import dev.categorizer.jobs.io.ParsedVideo;
import dev.categorizer.jobs.kafka.KafkaEndpoint;
import dev.categorizer.jobs.kafka.KafkaSettings;
import dev.categorizer.jobs.kafka.KafkaVideoSource;
import dev.categorizer.jobs.sink.PredictionSinks;
import dev.categorizer.jobs.testutil.KafkaTestCluster;
import dev.categorizer.jobs.testutil.ModelFixture;
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
 * Two exactly-once scoring jobs on one Flink cluster and one Kafka cluster, both with the default transactional
 * id prefix, do not fence each other: each writes every prediction exactly once to its own topic. With one fixed
 * default prefix for every job (before issue 12) the second job's producers took the first one's transactional
 * ids, and their commits failed.
 */
class TwoScoringJobsKafkaITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    static KafkaTestCluster kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = new KafkaTestCluster();
        kafka.createTopic("videos", 1);
        for (String t : List.of("predictions-a", "predictions-b", "dead-a", "dead-b")) kafka.createTopic(t, 1);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) kafka.close();
    }

    private static JobClient start(Path bundle, String group, String suffix) throws Exception {
        KafkaSettings settings = KafkaSettings.builder().groupId(group).startingOffsets("earliest").build();
        String brokers = kafka.bootstrapServers();
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        env.enableCheckpointing(300);
        DataStream<ParsedVideo> input = KafkaVideoSource.stream(env, new KafkaEndpoint(brokers, "videos"), settings);
        ScoredStreams<Prediction> scored = ScoreJob.score(input,
                ScoringOptions.builder(bundle.toString()).batchSize(4).batchTimeoutMillis(50).build());
        PredictionSinks.predictions(scored.results(),
                OutputSpec.parse("kafka:predictions-" + suffix, null, brokers), settings);
        PredictionSinks.deadLetters(scored.deadLetters(), OutputSpec.parse("kafka:dead-" + suffix, null, brokers),
                settings);
        return env.executeAsync("score " + suffix);
    }

    @Test
    void twoJobsWithDefaultPrefixesEachScoreEveryVideoExactlyOnce() throws Exception {
        Path bundle = ModelFixture.tinyModel();
        List<Video> videos = ModelFixture.sampleTest(60);
        Set<String> ids = videos.stream().map(Video::id).collect(Collectors.toSet());
        VideoJsonCodec codec = new VideoJsonCodec();
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        for (Video v : videos) records.add(new SimpleEntry<>(v.id(), codec.encode(v).getBytes(StandardCharsets.UTF_8)));

        JobClient a = start(bundle, "group-a", "a");
        JobClient b = start(bundle, "group-b", "b");
        try {
            // In three parts, so that both jobs commit transactions over several checkpoints side by side.
            for (int part = 0; part < 3; part++) {
                kafka.produce("videos", records.subList(part * 20, part * 20 + 20));
                Thread.sleep(700);
            }
            for (String topic : List.of("predictions-a", "predictions-b")) {
                List<String> out = kafka.readCommitted(topic, v -> predictedIds(v).containsAll(ids), TIMEOUT,
                        Duration.ofSeconds(2));
                Map<String, Long> counts = out.stream().map(PredictionJsonCodec::decode)
                        .collect(Collectors.groupingBy(Prediction::id, Collectors.counting()));
                assertThat(counts.keySet()).as(topic).containsExactlyInAnyOrderElementsOf(ids);
                assertThat(counts).as(topic).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            }
            assertThat(a.getJobStatus().get(10, TimeUnit.SECONDS).isGloballyTerminalState()).isFalse();
            assertThat(b.getJobStatus().get(10, TimeUnit.SECONDS).isGloballyTerminalState()).isFalse();
        } finally {
            a.cancel().get(1, TimeUnit.MINUTES);
            b.cancel().get(1, TimeUnit.MINUTES);
        }
    }

    private static Set<String> predictedIds(List<String> json) {
        return json.stream().map(PredictionJsonCodec::decode).map(Prediction::id).collect(Collectors.toSet());
    }
}
