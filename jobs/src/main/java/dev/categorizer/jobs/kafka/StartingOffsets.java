package dev.categorizer.jobs.kafka;

import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Where a new consumer group starts reading: {@code earliest}, {@code latest}, {@code committed} (the group's
 * committed offsets, earliest when it has none) or {@code timestamp:<epoch millis>}. A job restored from a
 * checkpoint or savepoint ignores this and resumes from its state.
 */
public final class StartingOffsets {

    private StartingOffsets() {}

    @SuppressWarnings("deprecation") // OffsetResetStrategy is what OffsetsInitializer.committedOffsets takes
    public static OffsetsInitializer parse(String spec) {
        String s = spec.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("earliest")) return OffsetsInitializer.earliest();
        if (s.equals("latest")) return OffsetsInitializer.latest();
        if (s.equals("committed")) return OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        if (s.startsWith("timestamp:")) {
            try {
                return OffsetsInitializer.timestamp(Long.parseLong(s.substring("timestamp:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid timestamp in starting offsets '" + spec + "'");
            }
        }
        throw new IllegalArgumentException(
                "unknown starting offsets '" + spec + "': use earliest, latest, committed or timestamp:<millis>");
    }
}
