package dev.categorizer.jobs.sink;

import dev.categorizer.common.config.Locations;
import dev.categorizer.jobs.kafka.KafkaEndpoint;
import java.io.Serializable;
import java.util.Locale;

/**
 * Where and how a job writes: a Kafka topic ({@code kafka://host:port/topic}) or a directory of JSON-lines or
 * Parquet part files. The file format is given explicitly or read from the location's extension
 * ({@code .parquet}; anything else is JSON lines).
 *
 * <pre>{@code
 * OutputSpec out = OutputSpec.parse("out/predictions.parquet", null, null);   // Parquet part files
 * OutputSpec dlq = OutputSpec.parse("kafka:dead-letters", "jsonl", "broker:9092");
 * }</pre>
 */
public record OutputSpec(Format format, String path, KafkaEndpoint kafka) implements Serializable {

    /** The output formats. */
    public enum Format {
        JSON_LINES,
        PARQUET,
        KAFKA
    }

    /**
     * @param location a Kafka location or a file system path or URI
     * @param format {@code jsonl}, {@code json}, {@code parquet}, or null to infer it from the location
     * @param defaultBootstrap brokers for a Kafka location that names none; may be null
     */
    public static OutputSpec parse(String location, String format, String defaultBootstrap) {
        if (location == null || location.isBlank()) throw new IllegalArgumentException("no output location given");
        if (KafkaEndpoint.isKafka(location)) {
            if (format != null && !format.equalsIgnoreCase("jsonl") && !format.equalsIgnoreCase("json")) {
                throw new IllegalArgumentException("Kafka outputs are JSON; format '" + format + "' is not possible");
            }
            return new OutputSpec(Format.KAFKA, null, KafkaEndpoint.parse(location, defaultBootstrap));
        }
        return new OutputSpec(fileFormat(location, format), location, null);
    }

    private static Format fileFormat(String location, String format) {
        if (format == null) {
            String l = location.toLowerCase(Locale.ROOT);
            while (l.endsWith("/")) l = l.substring(0, l.length() - 1);
            return l.endsWith(".parquet") ? Format.PARQUET : Format.JSON_LINES;
        }
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "jsonl", "json", "json-lines" -> Format.JSON_LINES;
            case "parquet" -> Format.PARQUET;
            default -> throw new IllegalArgumentException(
                    "unknown output format '" + format + "': use jsonl or parquet");
        };
    }

    /**
     * Where dead letters go when no place is given: next to the output, as {@code <output>-dead-letters} (a JSON
     * lines directory without the output's extension, or a topic on the same brokers).
     */
    public OutputSpec defaultDeadLetters() {
        if (format == Format.KAFKA) {
            return new OutputSpec(Format.KAFKA, null,
                    new KafkaEndpoint(kafka.bootstrapServers(), kafka.topic() + "-dead-letters"));
        }
        String base = path;
        while (base.endsWith("/") && base.length() > 1) base = base.substring(0, base.length() - 1);
        base = base.replaceFirst("(?i)\\.(parquet|jsonl|json)$", "");
        return new OutputSpec(Format.JSON_LINES, base + "-dead-letters", null);
    }

    @Override
    public String toString() {
        return format == Format.KAFKA ? kafka.toString() : Locations.redact(path) + " (" + format.name().toLowerCase(Locale.ROOT) + ")";
    }
}
