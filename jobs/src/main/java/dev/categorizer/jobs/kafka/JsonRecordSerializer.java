package dev.categorizer.jobs.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes each element to a topic as a UTF-8 JSON value, keyed by a string taken from the element (the video id
 * for predictions, so that all predictions of one video land in one partition) or without a key.
 *
 * @param <T> the element type
 */
public final class JsonRecordSerializer<T> implements KafkaRecordSerializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final SerializableFunction<T, String> key;
    private final SerializableFunction<T, String> json;

    /**
     * @param key the record key of an element, or null for records without a key
     * @param json the JSON text of an element
     */
    public JsonRecordSerializer(String topic, SerializableFunction<T, String> key, SerializableFunction<T, String> json) {
        this.topic = topic;
        this.key = key;
        this.json = json;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        byte[] k = key == null ? null : key.apply(element).getBytes(StandardCharsets.UTF_8);
        byte[] v = json.apply(element).getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(topic, null, timestamp, k, v);
    }
}
