package dev.categorizer.jobs.soak;

import dev.categorizer.common.codec.PredictionJsonCodec;
import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.io.ParsedVideo;
import dev.categorizer.jobs.kafka.KafkaEndpoint;
import dev.categorizer.jobs.kafka.KafkaSettings;
import dev.categorizer.jobs.kafka.KafkaVideoSource;
import dev.categorizer.jobs.score.ScoreJob;
import dev.categorizer.jobs.score.ScoredStreams;
import dev.categorizer.jobs.score.ScoringOptions;
import dev.categorizer.jobs.sink.OutputSpec;
import dev.categorizer.jobs.sink.PredictionSinks;
import dev.categorizer.jobs.testutil.KafkaTestCluster;
import dev.categorizer.jobs.testutil.ModelFixture;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A soak benchmark, not a test: the streaming score job (Kafka to Kafka, exactly once, checkpoints every second) on
 * an embedded cluster and an in-process broker, under a steady load for a given time. Prints a line a minute:
 * records in and out, committed-latency p50/p99 (input record timestamp to the committed prediction, read
 * {@code read_committed}), the highest heap after any collection in that minute, and the live heap after a full
 * collection at the end of the minute (the broker, the cluster and this harness share the JVM). Run it with {@code benchmarks/soak} (see there for the arguments).
 */
public final class ScoringSoak {
    public static void main(String[] args) throws Exception {
        int minutes = Integer.parseInt(args[0]);
        int rate = Integer.parseInt(args[1]); // records per second
        AtomicLong maxAfterGc = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(u -> u.getUsed()).sum();
                maxAfterGc.accumulateAndGet(used, Math::max);
            }, null, null);
        }
        try (KafkaTestCluster kafka = new KafkaTestCluster()) {
            kafka.createTopic("videos", 2);
            kafka.createTopic("predictions", 2);
            kafka.createTopic("dead-letters", 1);
            String brokers = kafka.bootstrapServers();
            KafkaSettings settings = KafkaSettings.builder().groupId("soak").startingOffsets("earliest").build();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            env.enableCheckpointing(1000);
            DataStream<ParsedVideo> input = KafkaVideoSource.stream(env, new KafkaEndpoint(brokers, "videos"), settings);
            ScoredStreams<dev.categorizer.common.record.Prediction> scored = ScoreJob.score(input,
                    ScoringOptions.builder(ModelFixture.tinyModel().toString())
                            .batchSize(ScoringOptions.DEFAULT_STREAMING_BATCH_SIZE).build());
            PredictionSinks.predictions(scored.results(), OutputSpec.parse("kafka:predictions", null, brokers), settings);
            PredictionSinks.deadLetters(scored.deadLetters(), OutputSpec.parse("kafka:dead-letters", null, brokers), settings);
            JobClient job = env.executeAsync("soak");

            List<Video> videos = ModelFixture.sampleTest(1963);
            VideoJsonCodec codec = new VideoJsonCodec();
            List<byte[]> encoded = videos.stream().map(v -> codec.encode(v).getBytes(StandardCharsets.UTF_8)).toList();
            AtomicLong sent = new AtomicLong();
            long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
            Thread producer = new Thread(() -> produce(kafka, encoded, videos, rate, end, sent), "soak-producer");
            producer.start();

            Properties p = kafka.clientProperties();
            p.put("isolation.level", "read_committed");
            p.put("auto.offset.reset", "earliest");
            p.put("group.id", "soak-reader");
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            long received = 0;
            long minuteStart = System.nanoTime();
            int minute = 0;
            long lastSent = 0;
            long lastReceived = 0;
            System.out.println("| minute | sent/s | committed/s | latency p50 ms | p99 ms | max heap after a GC, MB | live heap after a full GC, MB |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of("predictions"));
                while (System.nanoTime() < end + Duration.ofSeconds(5).toNanos()) {
                    long now = System.currentTimeMillis();
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        received++;
                        String json = new String(r.value(), StandardCharsets.UTF_8);
                        Long at = SENT_AT.remove(PredictionJsonCodec.decode(json).id());
                        if (at != null) latencies.add(now - at);
                    }
                    if (System.nanoTime() - minuteStart >= 60_000_000_000L) {
                        minute++;
                        // A full collection once a minute: what is left is the live set, the figure that grows
                        // when something leaks (heap after a young collection also holds old garbage).
                        long maxAfterAnyGc = maxAfterGc.getAndSet(0);
                        System.gc();
                        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                        List<Long> l = new ArrayList<>(latencies);
                        latencies.clear();
                        Collections.sort(l);
                        double secs = (System.nanoTime() - minuteStart) / 1e9;
                        System.out.printf(Locale.ROOT, "| %d | %.0f | %.0f | %d | %d | %d | %d |%n", minute,
                                (sent.get() - lastSent) / secs, (received - lastReceived) / secs,
                                l.isEmpty() ? -1 : l.get(l.size() / 2), l.isEmpty() ? -1 : l.get((int) (l.size() * 0.99)),
                                maxAfterAnyGc >> 20, live >> 20);
                        lastSent = sent.get();
                        lastReceived = received;
                        minuteStart = System.nanoTime();
                    }
                }
            }
            producer.join();
            System.out.printf("sent %d, committed predictions read %d%n", sent.get(), received);
            job.cancel().get();
        }
        System.exit(0);
    }

    /** When each id in flight was sent; ids repeat across rounds, so a round's id is made unique. */
    private static final ConcurrentHashMap<String, Long> SENT_AT = new ConcurrentHashMap<>();

    private static void produce(KafkaTestCluster kafka, List<byte[]> encoded, List<Video> videos, int rate, long end,
            AtomicLong sent) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.clientProperties(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            long n = 0;
            while (System.nanoTime() < end) {
                long due = start + n * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                int i = (int) (n % encoded.size());
                String id = videos.get(i).id() + "#" + n;
                String json = new String(encoded.get(i), StandardCharsets.UTF_8)
                        .replaceFirst("\"id\"\\s*:\\s*\"[^\"]*\"", "\"id\":\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
                SENT_AT.put(id, System.currentTimeMillis());
                producer.send(new ProducerRecord<>("videos", id.getBytes(StandardCharsets.UTF_8),
                        json.getBytes(StandardCharsets.UTF_8)));
                n++;
                sent.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
