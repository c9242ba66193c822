package dev.categorizer.jobs.testutil;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A one-broker KRaft Kafka cluster in this JVM, with helpers to make topics, produce and read committed data. */
public final class KafkaTestCluster implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    public KafkaTestCluster() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
    }

    /** Sends each (key, value) pair; a null value is a tombstone. */
    public void produce(String topic, List<Map.Entry<String, byte[]>> records) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        p.put("acks", "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, byte[]> r : records) {
                byte[] key = r.getKey() == null ? null : r.getKey().getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topic, key, r.getValue())).get();
            }
        }
    }

    /**
     * Reads the topic from the start with {@code read_committed} until {@code done} holds for what was read (then
     * reads on for {@code settle} more, to catch late duplicates) or {@code timeout} passes.
     */
    public List<String> readCommitted(String topic, Predicate<List<String>> done, Duration timeout, Duration settle) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        p.put("isolation.level", "read_committed");
        p.put("auto.offset.reset", "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(consumer.partitionsFor(topic).stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition())).toList());
            consumer.seekToBeginning(consumer.assignment());
            long deadline = System.nanoTime() + timeout.toNanos();
            long settledAt = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settledAt)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(new String(r.value(), StandardCharsets.UTF_8));
                }
                if (settledAt == Long.MAX_VALUE && done.test(values)) settledAt = System.nanoTime() + settle.toNanos();
            }
        }
        return values;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
