package dev.categorizer.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.jobs.testutil.KafkaTestCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.provider.EnvVarConfigProvider;
import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the {@code --kafka-property} help and the README say about Kafka config providers holds for the
 * kafka-clients the jobs ship (4.2): against a broker that only lets in clients logging in with SASL, a producer,
 * a consumer and an admin client given {@code sasl.jaas.config=${file:...}} or {@code ${env:...}} resolve the
 * login themselves, with no system property; {@code org.apache.kafka.automatic.config.providers}, when set, only
 * restricts which provider classes may be used.
 */
class KafkaConfigProvidersITCase {

    /** Set by failsafe (jobs/pom.xml) to the test broker's login, as a deployment's environment would be. */
    private static final String JAAS_VARIABLE = "CATEGORIZER_IT_KAFKA_SASL_JAAS_CONFIG";

    static KafkaTestCluster kafka;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = KafkaTestCluster.withSaslPlain();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) kafka.close();
    }

    @Test
    void theFileProviderResolvesTheLoginForEveryClient() throws Exception {
        Properties client = withFileProvider(writeSecrets());

        assertThat(roundTrip(client)).isTrue();
    }

    @Test
    void theEnvProviderResolvesTheLoginFromTheEnvironment() throws Exception {
        assertThat(System.getenv(JAAS_VARIABLE)).as("%s, set by failsafe in jobs/pom.xml", JAAS_VARIABLE)
                .isEqualTo(KafkaTestCluster.saslJaasConfig());
        Properties client = login();
        client.put("config.providers", "env");
        client.put("config.providers.env.class", EnvVarConfigProvider.class.getName());
        client.put("config.providers.env.param.allowlist.pattern", "CATEGORIZER_IT_.*");
        client.put("sasl.jaas.config", "${env:" + JAAS_VARIABLE + "}");

        assertThat(roundTrip(client)).isTrue();
    }

    @Test
    void theSystemPropertyOnlyRestrictsWhichProvidersMayBeUsed() throws Exception {
        Properties client = withFileProvider(writeSecrets());
        String before = System.getProperty(AbstractConfig.AUTOMATIC_CONFIG_PROVIDERS_PROPERTY);
        try {
            System.setProperty(AbstractConfig.AUTOMATIC_CONFIG_PROVIDERS_PROPERTY, EnvVarConfigProvider.class.getName());
            assertThatThrownBy(() -> roundTrip(client))
                    .hasStackTraceContaining(FileConfigProvider.class.getName())
                    .hasStackTraceContaining("not allowed");

            System.setProperty(AbstractConfig.AUTOMATIC_CONFIG_PROVIDERS_PROPERTY,
                    EnvVarConfigProvider.class.getName() + "," + FileConfigProvider.class.getName());
            assertThat(roundTrip(client)).isTrue();
        } finally {
            if (before == null) {
                System.clearProperty(AbstractConfig.AUTOMATIC_CONFIG_PROVIDERS_PROPERTY);
            } else {
                System.setProperty(AbstractConfig.AUTOMATIC_CONFIG_PROVIDERS_PROPERTY, before);
            }
        }
    }

    @Test
    void withoutTheLoginTheBrokerLetsNoClientIn() throws Exception {
        Properties client = withFileProvider(writeSecrets());
        client.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"plain-admin\" password=\"wrong\";");
        client.put("default.api.timeout.ms", "5000");
        client.put("request.timeout.ms", "5000");

        assertThatThrownBy(() -> roundTrip(client)).hasStackTraceContaining("Authentication failed");
    }

    private Path writeSecrets() throws Exception {
        Path file = tmp.resolve("kafka-secrets.properties");
        Properties secrets = new Properties();
        secrets.put("sasl.jaas.config", KafkaTestCluster.saslJaasConfig());
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            secrets.store(out, "the credentials, readable by the job's user only");
        }
        return file;
    }

    private static Properties withFileProvider(Path secrets) {
        Properties client = login();
        client.put("config.providers", "file");
        client.put("config.providers.file.class", FileConfigProvider.class.getName());
        client.put("sasl.jaas.config", "${file:" + secrets + ":sasl.jaas.config}");
        return client;
    }

    /** The connection without the credential: the tests add sasl.jaas.config as a reference. */
    private static Properties login() {
        Properties client = kafka.clientProperties();
        client.remove("sasl.jaas.config");
        return client;
    }

    /** Lists the topics, sends a record and reads it back, with {@code client} for each of the three clients. */
    private static boolean roundTrip(Properties client) throws Exception {
        String topic = "providers-" + UUID.randomUUID();
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1))).all().get();
            // A new topic reaches the broker's metadata a moment after the controller made it.
            long listed = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!admin.listTopics().names().get().contains(topic) && System.nanoTime() < listed) Thread.sleep(50);
            assertThat(admin.listTopics().names().get()).contains(topic);
        }
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "id", "resolved")).get();
        }
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(client, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) values.add(r.value());
            }
        }
        return values.equals(List.of("resolved"));
    }
}
