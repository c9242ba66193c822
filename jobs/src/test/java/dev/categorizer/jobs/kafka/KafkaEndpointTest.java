package dev.categorizer.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KafkaEndpointTest {

    @Test
    void parsesBrokersAndTopic() {
        KafkaEndpoint e = KafkaEndpoint.parse("kafka://broker-1:9092,broker-2:9093/videos", null);
        assertThat(e.bootstrapServers()).isEqualTo("broker-1:9092,broker-2:9093");
        assertThat(e.topic()).isEqualTo("videos");
        assertThat(e).hasToString("kafka://broker-1:9092,broker-2:9093/videos");
    }

    @Test
    void usesTheDefaultBrokersWhenTheLocationNamesNone() {
        assertThat(KafkaEndpoint.parse("kafka:///videos", "b:9092")).isEqualTo(new KafkaEndpoint("b:9092", "videos"));
        assertThat(KafkaEndpoint.parse("kafka:videos", "b:9092")).isEqualTo(new KafkaEndpoint("b:9092", "videos"));
        assertThat(KafkaEndpoint.parse("KAFKA://x:1/videos.v2/", "b:9092"))
                .isEqualTo(new KafkaEndpoint("x:1", "videos.v2"));
    }

    @Test
    void tellsFilesFromTopics() {
        assertThat(KafkaEndpoint.isKafka("kafka://b:9092/t")).isTrue();
        assertThat(KafkaEndpoint.isKafka("s3://bucket/videos")).isFalse();
        assertThat(KafkaEndpoint.isKafka("data/kafka.jsonl")).isFalse();
    }

    @Test
    void explainsWhatIsMissing() {
        assertThatThrownBy(() -> KafkaEndpoint.parse("kafka:///videos", null)).hasMessageContaining("--kafka-bootstrap");
        assertThatThrownBy(() -> KafkaEndpoint.parse("kafka://b:9092", null)).hasMessageContaining("no topic");
        assertThatThrownBy(() -> KafkaEndpoint.parse("kafka://b:9092/", null)).hasMessageContaining("no Kafka topic");
        assertThatThrownBy(() -> KafkaEndpoint.parse("kafka://b:9092/a b", null)).hasMessageContaining("invalid");
    }

    @Test
    void refusesCredentialsWithoutEchoingThem() {
        assertThatThrownBy(() -> KafkaEndpoint.parse("kafka://scorer:hunter2@b:9092/videos", null))
                .hasMessageContaining("--kafka-properties-file").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> KafkaEndpoint.parse("kafka:scorer:hunter2@videos", "b:9092"))
                .hasMessageContaining("cannot carry credentials").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new KafkaEndpoint("scorer:hunter2@b:9092", "videos"))
                .hasMessageContaining("cannot carry credentials").hasMessageNotContaining("hunter2");
    }
}
