package dev.categorizer.jobs.kafka;

import dev.categorizer.common.codec.InvalidRecordException;
import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.jobs.io.ParsedVideo;
import dev.categorizer.jobs.io.ParsedVideoTypeInfo;
import dev.categorizer.jobs.deadletter.Rejections;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes a Kafka record's value, taken as raw bytes, into a {@link ParsedVideo}. Whatever is wrong with one
 * record (a null value or tombstone, invalid UTF-8, malformed JSON, missing or wrong-typed fields) makes it a
 * dead letter naming its topic, partition and offset; this never throws, so one bad record cannot stop the job.
 */
public final class VideoRecordDeserializer implements KafkaRecordDeserializationSchema<ParsedVideo> {
    private static final long serialVersionUID = 1L;

    private final VideoJsonCodec codec;

    public VideoRecordDeserializer(VideoJsonCodec codec) {
        this.codec = codec;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ParsedVideo> out) {
        out.collect(decode(record));
    }

    ParsedVideo decode(ConsumerRecord<byte[], byte[]> record) {
        String where = " (" + record.topic() + "-" + record.partition() + "@" + record.offset() + ")";
        byte[] value = record.value();
        if (value == null) {
            String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
            return ParsedVideo.rejected(Rejections.of("", "null value (tombstone), key '" + key + "'" + where));
        }
        try {
            return ParsedVideo.ok(codec.decode(value));
        } catch (InvalidRecordException e) {
            return ParsedVideo.rejected(Rejections.of(lossy(value), e.reason() + where));
        } catch (RuntimeException e) {
            // A codec bug must not stop the job; the record is kept with what went wrong.
            return ParsedVideo.rejected(Rejections.of(lossy(value), "cannot decode: " + e + where));
        }
    }

    /** The value for humans; invalid UTF-8 shows as U+FFFD, the reason says what was wrong. */
    private static String lossy(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public TypeInformation<ParsedVideo> getProducedType() {
        return ParsedVideoTypeInfo.INSTANCE;
    }
}
