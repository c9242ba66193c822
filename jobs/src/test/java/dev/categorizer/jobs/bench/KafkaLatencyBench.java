package dev.categorizer.jobs.bench;

import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.kafka.KafkaEndpoint;
import dev.categorizer.jobs.kafka.KafkaSettings;
import dev.categorizer.jobs.kafka.KafkaVideoSource;
import dev.categorizer.jobs.score.ScoreJob;
import dev.categorizer.jobs.score.ScoredStreams;
import dev.categorizer.jobs.score.ScoringOptions;
import dev.categorizer.jobs.sink.OutputSpec;
import dev.categorizer.jobs.sink.PredictionSinks;
import dev.categorizer.jobs.testutil.KafkaTestCluster;
import dev.categorizer.common.record.Prediction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Latency per record of the streaming score job under a steady Kafka load: a benchmark, not a test (its name
 * ends in neither Test nor ITCase, so CI does not run it). Run it with
 *
 * <pre>
 * mvn -B -ntp -pl jobs -am test -Dtest=KafkaLatencyBench -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.model=BUNDLE_DIR -Dbench.input=VIDEOS.jsonl [-Dbench.seconds=20] [-Dbench.batch=64]
 * </pre>
 *
 * It starts a one-broker Kafka in this JVM and the score job (parallelism 1, Kafka in and out, at-least-once
 * output so that a read_uncommitted consumer sees results as soon as they are written; exactly-once output is
 * visible to read_committed consumers only at each checkpoint). First it floods the input topic to find the
 * maximum rate; then it produces at half that rate for {@code bench.seconds} and measures, for every record, the
 * time from handing it to the producer to reading its prediction from the output topic. Prints one line of
 * results (see target/surefire-reports/*-output.txt).
 */
class KafkaLatencyBench {
    private static final String IN = "videos";
    private static final String OUT = "predictions";

    @Test
    void latencyAtHalfTheMaximumRate() throws Exception {
        Path model = Path.of(System.getProperty("bench.model"));
        List<Video> videos = JsonLinesFiles.readVideos(Path.of(System.getProperty("bench.input")));
        int seconds = Integer.getInteger("bench.seconds", 20);
        VideoJsonCodec codec = new VideoJsonCodec();
        try (KafkaTestCluster kafka = new KafkaTestCluster()) {
            kafka.createTopic(IN, 1);
            kafka.createTopic(OUT, 1);
            kafka.createTopic("dead-letters", 1);
            KafkaSettings settings = KafkaSettings.builder().groupId("latency-bench").startingOffsets("latest")
                    .deliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE).build();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            env.enableCheckpointing(10_000);
            String brokers = kafka.bootstrapServers();
            ScoredStreams<Prediction> scored = ScoreJob.score(
                    KafkaVideoSource.stream(env, new KafkaEndpoint(brokers, IN), settings),
                    ScoringOptions.builder(model.toAbsolutePath().toString())
                            .batchSize(Integer.getInteger("bench.batch", ScoringOptions.DEFAULT_STREAMING_BATCH_SIZE))
                            .build());
            PredictionSinks.predictions(scored.results(), OutputSpec.parse("kafka:" + OUT, null, brokers), settings);
            PredictionSinks.deadLetters(scored.deadLetters(), OutputSpec.parse("kafka:dead-letters", null, brokers),
                    settings);
            JobClient job = env.executeAsync("kafka latency bench");
            try (Receiver receiver = new Receiver(brokers);
                    KafkaProducer<byte[], byte[]> producer = producer(brokers)) {
                // Warm up (and let the source find its partition) until predictions flow.
                send(producer, codec, videos, "warm", 2_000, receiver);
                receiver.awaitCount("warm", 2_000, Duration.ofMinutes(2));

                int flood = Math.max(50_000, videos.size());
                long start = System.nanoTime();
                send(producer, codec, videos, "max", flood, receiver);
                receiver.awaitCount("max", flood, Duration.ofMinutes(5));
                double maxRate = flood / ((System.nanoTime() - start) / 1e9);

                double rate = maxRate / 2;
                int total = (int) (rate * seconds);
                long period = (long) (1e9 / rate * 100); // send in bursts of 100 records
                long next = System.nanoTime();
                for (int sent = 0; sent < total; sent += 100) {
                    while (System.nanoTime() < next) Thread.onSpinWait();
                    sendRange(producer, codec, videos, "steady", sent, Math.min(total, sent + 100), receiver);
                    next += period;
                }
                receiver.awaitCount("steady", total, Duration.ofMinutes(5));
                long[] latencies = receiver.latencies("steady");
                Arrays.sort(latencies);
                System.out.printf(
                        "kafka latency bench: model %s, batch %d, max rate %.0f docs/s, steady %.0f docs/s for %d s (%d docs):"
                                + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        model.getFileName(), Integer.getInteger("bench.batch", ScoringOptions.DEFAULT_STREAMING_BATCH_SIZE), maxRate, rate, seconds, latencies.length,
                        latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6,
                        latencies[latencies.length - 1] / 1e6);
            } finally {
                job.cancel().get();
            }
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String brokers) {
        Properties p = new Properties();
        p.put("bootstrap.servers", brokers);
        p.put("linger.ms", "1");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, VideoJsonCodec codec, List<Video> videos,
            String phase, int count, Receiver receiver) {
        sendRange(producer, codec, videos, phase, 0, count, receiver);
        producer.flush();
    }

    private static void sendRange(KafkaProducer<byte[], byte[]> producer, VideoJsonCodec codec, List<Video> videos,
            String phase, int from, int to, Receiver receiver) {
        for (int i = from; i < to; i++) {
            Video v = videos.get(i % videos.size());
            String id = phase + "-" + i;
            Video copy = new Video(id, v.title(), v.description(), v.tags(), v.labels());
            receiver.sent.put(id, System.nanoTime());
            producer.send(new ProducerRecord<>(IN, id.getBytes(StandardCharsets.UTF_8),
                    codec.encode(copy).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Reads the output topic (read_uncommitted) on its own thread and notes when each prediction arrives. */
    private static final class Receiver implements AutoCloseable {
        final Map<String, Long> sent = new ConcurrentHashMap<>();
        final Map<String, Long> received = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong count = new AtomicLong();
        private final Thread thread;

        Receiver(String brokers) {
            Properties p = new Properties();
            p.put("bootstrap.servers", brokers);
            p.put("isolation.level", "read_uncommitted");
            KafkaConsumer<byte[], byte[]> consumer =
                    new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            consumer.assign(List.of(new TopicPartition(OUT, 0)));
            consumer.seekToBeginning(consumer.assignment());
            thread = new Thread(() -> {
                try (consumer) {
                    while (running.get()) {
                        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(5))) {
                            received.putIfAbsent(new String(r.key(), StandardCharsets.UTF_8), System.nanoTime());
                            count.incrementAndGet();
                        }
                    }
                }
            }, "latency-receiver");
            thread.start();
        }

        void awaitCount(String phase, int expected, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (received.keySet().stream().filter(k -> k.startsWith(phase + "-")).count() < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only part of phase " + phase + " came back in " + timeout);
                }
                Thread.sleep(20);
            }
        }

        long[] latencies(String phase) {
            List<Long> out = new ArrayList<>();
            received.forEach((id, at) -> {
                if (id.startsWith(phase + "-")) out.add(at - sent.get(id));
            });
            return out.stream().mapToLong(Long::longValue).toArray();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
