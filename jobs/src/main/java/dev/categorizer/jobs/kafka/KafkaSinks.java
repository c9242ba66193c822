package dev.categorizer.jobs.kafka;

import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * Kafka sinks with the job's delivery guarantee. With {@link DeliveryGuarantee#EXACTLY_ONCE} each sink writes in
 * Kafka transactions committed on checkpoints, so a {@code read_committed} consumer sees every output once even
 * after a failure; the checkpoint interval is then the output latency.
 */
public final class KafkaSinks {

    private KafkaSinks() {}

    /**
     * @param purpose distinguishes the sinks of one job (e.g. "predictions", "dead-letters"): two transactional
     *     sinks must not share a transactional id prefix
     */
    public static <T> KafkaSink<T> create(
            KafkaEndpoint endpoint,
            KafkaSettings settings,
            KafkaRecordSerializationSchema<T> serializer,
            String purpose) {
        Properties producer = new Properties();
        // Flink's default (1 hour) is above the broker's default maximum (15 minutes) and would be refused.
        producer.setProperty("transaction.timeout.ms", KafkaSettings.DEFAULT_TRANSACTION_TIMEOUT_MS);
        producer.putAll(settings.clientProperties());
        var builder = KafkaSink.<T>builder()
                .setBootstrapServers(endpoint.bootstrapServers())
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(settings.deliveryGuarantee());
        if (settings.deliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
            builder.setTransactionalIdPrefix(settings.transactionalIdPrefixFor(endpoint, purpose));
        }
        return builder.build();
    }
}
