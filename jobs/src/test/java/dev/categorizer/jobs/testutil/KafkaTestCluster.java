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
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A one-broker KRaft Kafka cluster in this JVM, with helpers to make topics, produce and read committed data. The
 * broker takes plain connections, or with {@link #withSaslPlain()} only clients that log in with SASL PLAIN (the
 * test kit's user {@value JaasUtils#KAFKA_PLAIN_ADMIN}; the helpers log in as it).
 *
 * <pre>{@code
 * try (KafkaTestCluster kafka = KafkaTestCluster.withSaslPlain()) {
 *     kafka.createTopic("videos", 1);
 *     Properties client = kafka.clientProperties(); // bootstrap.servers, security.protocol, sasl.jaas.config
 * }
 * }</pre>
 */
public final class KafkaTestCluster implements AutoCloseable {

    /** The largest record the broker and {@link #produce} take: room for the bad-input corpus's 10 MB fields. */
    public static final int MAX_RECORD_BYTES = 32 << 20;

    private final KafkaClusterTestKit cluster;
    private final SecurityProtocol protocol;

    public KafkaTestCluster() throws Exception {
        this(SecurityProtocol.PLAINTEXT);
    }

    /** A broker that authenticates its clients with SASL PLAIN. */
    public static KafkaTestCluster withSaslPlain() throws Exception {
        return new KafkaTestCluster(SecurityProtocol.SASL_PLAINTEXT);
    }

    /** The {@code sasl.jaas.config} that logs in to a {@link #withSaslPlain()} broker. */
    public static String saslJaasConfig() {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + JaasUtils.KAFKA_PLAIN_ADMIN + "\" password=\"" + JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD + "\";";
    }

    private KafkaTestCluster(SecurityProtocol protocol) throws Exception {
        this.protocol = protocol;
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .setBrokerSecurityProtocol(protocol)
                        .setControllerSecurityProtocol(protocol)
                        .build())
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("message.max.bytes", String.valueOf(MAX_RECORD_BYTES))
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    /**
     * Stops the broker (the controller of the combined node keeps running) and waits until it is down. Its port
     * stays reserved and its log directories stay in place for {@link #startBroker()}.
     */
    public void stopBroker() {
        for (kafka.server.BrokerServer broker : cluster.brokers().values()) {
            broker.shutdown();
            broker.awaitShutdown();
        }
    }

    /** Starts the broker stopped by {@link #stopBroker()} again, on the same port and log directories. */
    public void startBroker() throws Exception {
        for (kafka.server.BrokerServer broker : cluster.brokers().values()) broker.startup();
        cluster.waitForReadyBrokers();
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** What a client needs to connect: the bootstrap servers and, with SASL, the login. */
    public Properties clientProperties() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        if (protocol == SecurityProtocol.SASL_PLAINTEXT) {
            p.put("security.protocol", protocol.name);
            p.put("sasl.mechanism", "PLAIN");
            p.put("sasl.jaas.config", saslJaasConfig());
        }
        return p;
    }

    public void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = Admin.create(clientProperties())) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
    }

    /** Sends each (key, value) pair; a null value is a tombstone. */
    public void produce(String topic, List<Map.Entry<String, byte[]>> records) throws Exception {
        Properties p = clientProperties();
        p.put("acks", "all");
        p.put("max.request.size", String.valueOf(MAX_RECORD_BYTES));
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
        return read(topic, "read_committed", done, timeout, settle);
    }

    /** As {@link #readCommitted}, but sees records of open transactions too: what was written, committed or not. */
    public List<String> readUncommitted(String topic, Predicate<List<String>> done, Duration timeout) {
        return read(topic, "read_uncommitted", done, timeout, Duration.ZERO);
    }

    private List<String> read(String topic, String isolation, Predicate<List<String>> done, Duration timeout,
            Duration settle) {
        Properties p = clientProperties();
        p.put("isolation.level", isolation);
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
