package dev.categorizer.jobs.kafka;

import dev.categorizer.common.config.Locations;
import java.io.Serializable;

/**
 * A Kafka topic and the brokers that serve it, written {@code kafka://host:port[,host:port...]/topic}. The
 * brokers may be left out ({@code kafka:///topic} or {@code kafka:topic}) when a default bootstrap list is given,
 * such as the {@code --kafka-bootstrap} option. Credentials have no place in it ({@code kafka://user:pass@host...}
 * is refused): they belong in the client properties, where they are never printed.
 *
 * <pre>{@code
 * KafkaEndpoint in = KafkaEndpoint.parse("kafka://broker-1:9092,broker-2:9092/videos", null);
 * KafkaEndpoint out = KafkaEndpoint.parse("kafka:predictions", in.bootstrapServers());
 * }</pre>
 */
public record KafkaEndpoint(String bootstrapServers, String topic) implements Serializable {

    public static final String SCHEME = "kafka:";

    static final String NO_CREDENTIALS = "a Kafka location or bootstrap list cannot carry credentials (user:password@):"
            + " put sasl.jaas.config in --kafka-properties-file";

    public KafkaEndpoint {
        // Kafka would echo the whole bootstrap entry, user info included, in its "invalid url" error.
        if (bootstrapServers != null && bootstrapServers.contains("@")) throw new IllegalArgumentException(NO_CREDENTIALS);
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("no Kafka bootstrap servers for topic '" + topic
                    + "': write kafka://host:port/" + topic + " or give --kafka-bootstrap");
        }
        if (topic == null || topic.isBlank()) throw new IllegalArgumentException("no Kafka topic given");
        if (!topic.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("invalid Kafka topic name '" + topic + "'");
        }
    }

    /** Whether {@code location} names a Kafka topic rather than a file or directory. */
    public static boolean isKafka(String location) {
        return location != null && location.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /**
     * Parses a {@code kafka:} location.
     *
     * @param defaultBootstrap brokers to use when the location names none; may be null
     */
    public static KafkaEndpoint parse(String location, String defaultBootstrap) {
        if (!isKafka(location)) throw new IllegalArgumentException("not a kafka: location: " + Locations.redact(location));
        if (location.contains("@")) throw new IllegalArgumentException(NO_CREDENTIALS);
        String rest = location.substring(SCHEME.length());
        String brokers;
        String topic;
        if (rest.startsWith("//")) {
            String authorityAndPath = rest.substring(2);
            int slash = authorityAndPath.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("no topic in '" + location + "': write kafka://host:port/topic");
            }
            brokers = authorityAndPath.substring(0, slash);
            topic = authorityAndPath.substring(slash + 1);
        } else {
            brokers = "";
            topic = rest;
        }
        if (topic.endsWith("/")) topic = topic.substring(0, topic.length() - 1);
        return new KafkaEndpoint(brokers.isEmpty() ? defaultBootstrap : brokers, topic);
    }

    @Override
    public String toString() {
        return "kafka://" + bootstrapServers + "/" + topic;
    }
}
