package dev.categorizer.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Kafka credentials reach the job only through a Kubernetes Secret: the manifests name the Secret and its keys,
 * the pods get the values as environment variables, and the Kafka client resolves {@code ${env:...}} references.
 */
class KafkaSecurityTest {

    /** Set by surefire (pom.xml) as stand-ins for what Kubernetes fills from the Secret. */
    private static final String JAAS = System.getenv("KAFKA_SASL_JAAS_CONFIG");
    private static final String TRUSTSTORE_PASSWORD = System.getenv("KAFKA_SSL_TRUSTSTORE_PASSWORD");

    private final RenderedChart sasl = Variant.SCORE_KAFKA_SASL.render();

    @Test
    void podsGetTheCredentialsFromTheSecretByReference() {
        JsonNode env = sasl.mainContainer().path("env");

        assertThat(secretRef(env, "KAFKA_SASL_JAAS_CONFIG")).isEqualTo("categorizer-kafka/sasl.jaas.config");
        assertThat(secretRef(env, "KAFKA_SSL_TRUSTSTORE_PASSWORD")).isEqualTo("categorizer-kafka/truststore.password");
        JsonNode truststore = volume(sasl, "kafka-truststore");
        assertThat(truststore.at("/secret/secretName").asString()).isEqualTo("categorizer-kafka");
        assertThat(truststore.at("/secret/items/0/key").asString()).isEqualTo("truststore.p12");
    }

    @Test
    void jobArgumentsReferenceTheEnvironmentNotTheCredentials() {
        Map<String, String> properties = sasl.kafkaProperties();

        assertThat(properties)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "${env:KAFKA_SASL_JAAS_CONFIG}")
                .containsEntry("ssl.truststore.location", "/etc/categorizer/kafka/truststore.p12")
                .containsEntry("ssl.truststore.password", "${env:KAFKA_SSL_TRUSTSTORE_PASSWORD}")
                .containsEntry("config.providers", "env")
                .containsEntry("client.dns.lookup", "use_all_dns_ips");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void noManifestCarriesASecretValue(Variant variant) {
        RenderedChart chart = variant.render();

        assertThat(chart.ofKind("Secret")).isEmpty();
        assertThat(chart.text())
                .doesNotContain(JAAS)
                .doesNotContain(TRUSTSTORE_PASSWORD)
                .doesNotContainIgnoringCase("LoginModule")
                .doesNotContainPattern("(?i)password\\s*=\\s*\"");
    }

    @Test
    void kafkaClientResolvesTheReferencesFromTheEnvironment() {
        Map<String, Object> consumer = new HashMap<>(sasl.kafkaProperties());
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka.example.com:9093");
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Map<String, Object> producer = new HashMap<>(sasl.kafkaProperties());
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka.example.com:9093");
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);

        ConsumerConfig consumerConfig = new ConsumerConfig(consumer);
        ProducerConfig producerConfig = new ProducerConfig(producer);

        assertThat(consumerConfig.getPassword(SaslConfigs.SASL_JAAS_CONFIG)).extracting(Password::value).isEqualTo(JAAS);
        assertThat(producerConfig.getPassword(SaslConfigs.SASL_JAAS_CONFIG)).extracting(Password::value).isEqualTo(JAAS);
        assertThat(consumerConfig.getPassword(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG))
                .extracting(Password::value).isEqualTo(TRUSTSTORE_PASSWORD);
    }

    @Test
    void credentialsInValuesAreRefused() {
        String inKafkaProperties = ChartRenderer.defaults()
                .set("kafka.properties.sasl\\.jaas\\.config", "PlainLoginModule required password=oops")
                .renderError();
        String inFlinkConfiguration = ChartRenderer.defaults()
                .set("flinkConfiguration.s3\\.secret-key", "oops")
                .renderError();

        assertThat(inKafkaProperties).contains("kafka.properties.sasl.jaas.config looks like a credential");
        assertThat(inFlinkConfiguration).contains("flinkConfiguration.s3.secret-key looks like a credential");
    }

    @Test
    void theChartRefusesWhatTheJobRefusesAndNothingElse() {
        // The same rule as the job's SecretKeys: tokens and API keys too, but not an endpoint URL.
        assertThat(ChartRenderer.defaults().set("kafka.properties.sasl\\.oauthbearer\\.token", "t").renderError())
                .contains("looks like a credential");
        assertThat(ChartRenderer.defaults().set("flinkConfiguration.metrics\\.api-key", "k").renderError())
                .contains("looks like a credential");
        assertThat(ChartRenderer.defaults()
                .set("kafka.properties.sasl\\.oauthbearer\\.token\\.endpoint\\.url", "https://idp/token")
                .render().kafkaProperties()).containsKey("sasl.oauthbearer.token.endpoint.url");
    }

    @Test
    void securityOffMeansNoSecurityProperties() {
        assertThat(Variant.DEFAULT.render().kafkaProperties()).isEmpty();
        assertThat(Variant.DEFAULT.render().mainContainer().has("env")).isFalse();
    }

    private static String secretRef(JsonNode env, String name) {
        for (JsonNode variable : env) {
            if (name.equals(variable.path("name").asString(""))) {
                assertThat(variable.has("value")).as("%s must not have a literal value", name).isFalse();
                JsonNode ref = variable.at("/valueFrom/secretKeyRef");
                return ref.path("name").asString() + "/" + ref.path("key").asString();
            }
        }
        throw new AssertionError("no env " + name + " in " + env);
    }

    static JsonNode volume(RenderedChart chart, String name) {
        List<JsonNode> volumes = chart.podSpec().path("volumes").valueStream()
                .filter(v -> name.equals(v.path("name").asString(""))).toList();
        assertThat(volumes).as("volume %s", name).hasSize(1);
        return volumes.get(0);
    }
}
