package dev.categorizer.jobs.kafka;

import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.jobs.io.ParsedVideo;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Reads videos from a Kafka topic as an unbounded stream of {@link ParsedVideo}. Values are read as bytes and
 * decoded by {@link VideoRecordDeserializer}; offsets are committed to the consumer group on checkpoints (for
 * monitoring; the job resumes from its own checkpointed offsets). Reads only committed transactional data.
 *
 * <pre>{@code
 * DataStream<ParsedVideo> videos = KafkaVideoSource.stream(env,
 *         KafkaEndpoint.parse("kafka://broker:9092/videos", null), KafkaSettings.builder().build());
 * }</pre>
 */
public final class KafkaVideoSource {

    private KafkaVideoSource() {}

    public static KafkaSource<ParsedVideo> create(KafkaEndpoint endpoint, KafkaSettings settings) {
        return KafkaSource.<ParsedVideo>builder()
                .setBootstrapServers(endpoint.bootstrapServers())
                .setTopics(endpoint.topic())
                .setGroupId(settings.groupId())
                .setStartingOffsets(StartingOffsets.parse(settings.startingOffsets()))
                .setDeserializer(new VideoRecordDeserializer(new VideoJsonCodec()))
                .setProperty("isolation.level", "read_committed")
                .setProperties(settings.clientProperties())
                .build();
    }

    public static DataStream<ParsedVideo> stream(
            StreamExecutionEnvironment env, KafkaEndpoint endpoint, KafkaSettings settings) {
        return env.fromSource(create(endpoint, settings), WatermarkStrategy.noWatermarks(),
                        "Kafka videos " + endpoint.topic())
                .uid("kafka-videos");
    }
}
