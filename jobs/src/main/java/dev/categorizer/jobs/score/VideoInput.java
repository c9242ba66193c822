package dev.categorizer.jobs.score;

import dev.categorizer.common.config.Locations;
import java.io.IOException;
import dev.categorizer.jobs.io.ParsedVideo;
import dev.categorizer.jobs.io.VideoFiles;
import dev.categorizer.jobs.kafka.KafkaEndpoint;
import dev.categorizer.jobs.kafka.KafkaSettings;
import dev.categorizer.jobs.kafka.KafkaVideoSource;
import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where the videos to score come from: files (a file or directory of JSON lines or Parquet; bounded) or a Kafka
 * topic (unbounded).
 *
 * <pre>{@code
 * VideoInput files = VideoInput.parse("data/sample/test.jsonl", null, null);
 * VideoInput topic = VideoInput.parse(null, "videos", "broker:9092");   // --kafka-topic, --kafka-bootstrap
 * }</pre>
 */
public record VideoInput(String path, KafkaEndpoint kafka) implements Serializable {

    public VideoInput {
        if ((path == null) == (kafka == null)) throw new IllegalArgumentException("give either a path or a topic");
    }

    /**
     * @param location {@code --input}: a path, a URI or a {@code kafka:} location; may be null with a topic
     * @param kafkaTopic {@code --kafka-topic}; may be null
     * @param kafkaBootstrap {@code --kafka-bootstrap}; may be null
     */
    public static VideoInput parse(String location, String kafkaTopic, String kafkaBootstrap) {
        if (location != null && kafkaTopic != null) {
            throw new IllegalArgumentException("give --input or --kafka-topic, not both");
        }
        if (kafkaTopic != null) return new VideoInput(null, new KafkaEndpoint(kafkaBootstrap, kafkaTopic));
        if (location == null) throw new IllegalArgumentException("no input: give --input or --kafka-topic");
        if (KafkaEndpoint.isKafka(location)) return new VideoInput(null, KafkaEndpoint.parse(location, kafkaBootstrap));
        return new VideoInput(location, null);
    }

    public boolean isBounded() {
        return kafka == null;
    }

    /**
     * The videos as a stream. Kafka partitions are already spread, so their records stay in the task that reads
     * them. Files: when they make at least as many ranges as scoring tasks (a large file is split), each task
     * reads its ranges and scores them itself, chained, without a network exchange; fewer (a small file is read
     * by one task) are spread over all scoring tasks.
     */
    public DataStream<ParsedVideo> open(StreamExecutionEnvironment env, KafkaSettings settings) {
        if (!isBounded()) return KafkaVideoSource.stream(env, kafka, settings);
        DataStream<ParsedVideo> files = VideoFiles.read(env, path);
        return readersCanScoreAlone(env.getParallelism()) ? files : files.rebalance();
    }

    private boolean readersCanScoreAlone(int parallelism) {
        if (parallelism == 1) return true;
        try {
            return parallelism > 1 && VideoFiles.splits(path, parallelism) >= parallelism;
        } catch (IOException e) {
            return false; // the source reports an unreadable path itself
        }
    }

    @Override
    public String toString() {
        return isBounded() ? Locations.redact(path) : kafka.toString();
    }
}
