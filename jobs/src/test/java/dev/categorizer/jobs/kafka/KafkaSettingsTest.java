package dev.categorizer.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

    @Test
    void parsesKeyValuePropertiesKeepingEqualsSignsInTheValue() {
        assertThat(KafkaSettings.parseProperty("sasl.jaas.config=a=b c=d"))
                .isEqualTo(Map.entry("sasl.jaas.config", "a=b c=d"));
        assertThatThrownBy(() -> KafkaSettings.parseProperty("no-equals")).hasMessageContaining("key=value");
        assertThatThrownBy(() -> KafkaSettings.parseProperty("=v")).hasMessageContaining("key=value");
    }

    @Test
    void passesPropertiesThroughToClients() {
        KafkaSettings s = KafkaSettings.builder().property("security.protocol", "SASL_SSL")
                .deliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE).build();
        assertThat(s.clientProperties()).containsEntry("security.protocol", "SASL_SSL");
        assertThat(s.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(s.groupId()).isEqualTo(KafkaSettings.DEFAULT_GROUP_ID);
    }

    @Test
    void parsesStartingOffsets() {
        assertThat(StartingOffsets.parse("earliest")).isInstanceOf(OffsetsInitializer.class);
        assertThat(StartingOffsets.parse("latest")).isNotNull();
        assertThat(StartingOffsets.parse("committed")).isNotNull();
        assertThat(StartingOffsets.parse("timestamp:1700000000000")).isNotNull();
        assertThatThrownBy(() -> StartingOffsets.parse("timestamp:yesterday")).hasMessageContaining("timestamp");
        assertThatThrownBy(() -> KafkaSettings.builder().startingOffsets("beginning").build())
                .hasMessageContaining("unknown starting offsets");
    }

    @Test
    void showsItsCredentialsRedacted() {
        KafkaSettings s = KafkaSettings.builder().property("security.protocol", "SASL_SSL")
                .property("sasl.jaas.config", "ScramLoginModule required password=\"hunter2\";").build();

        assertThat(s.toString()).contains("security.protocol=SASL_SSL", "sasl.jaas.config=******")
                .doesNotContain("hunter2");
        assertThat(s.shownProperties()).containsEntry("sasl.jaas.config", "******");
        assertThat(s.clientProperties()).containsEntry("sasl.jaas.config", "ScramLoginModule required password=\"hunter2\";");
        assertThatThrownBy(() -> KafkaSettings.parseProperty("hunter2")).hasMessageNotContaining("hunter2");
    }

    @Test
    void eachJobDerivesItsOwnTransactionalIdPrefixUnlessOneIsSet() {
        KafkaEndpoint out = new KafkaEndpoint("broker:9092", "predictions");
        KafkaSettings a = KafkaSettings.builder().groupId("a").build();
        KafkaSettings b = KafkaSettings.builder().groupId("b").build();
        assertThat(a.transactionalIdPrefixFor(out, "predictions"))
                .isEqualTo(KafkaSettings.builder().groupId("a").build().transactionalIdPrefixFor(out, "predictions"))
                .isNotEqualTo(b.transactionalIdPrefixFor(out, "predictions"))
                .isNotEqualTo(a.transactionalIdPrefixFor(new KafkaEndpoint("broker:9092", "other"), "predictions"))
                .isNotEqualTo(a.transactionalIdPrefixFor(out, "dead-letters"))
                .startsWith("categorizer-predictions-");
        assertThat(KafkaSettings.builder().transactionalIdPrefix("tx").build().transactionalIdPrefixFor(out, "predictions"))
                .isEqualTo("tx-predictions");
    }
}
