package dev.categorizer.jobs.deadletter;

import dev.categorizer.common.record.DeadLetter;
import java.time.Instant;

/**
 * Makes the score job's dead letters, stamped with the current time: of records its sources reject (the Kafka
 * deserializer) and of videos the model failed on (the scoring operator); a package of its own, so that neither
 * the Kafka package nor the scoring one needs the other for it. The raw input is cut to {@link #MAX_RAW_CHARS} so
 * that one enormous record cannot break the dead-letter output (a Kafka topic refuses messages over about 1 MB).
 *
 * <pre>{@code
 * DeadLetter rejected = Rejections.of(rawRecord, "null value (tombstone)");
 * }</pre>
 */
public final class Rejections {

    /** Longest raw text kept in a dead letter. */
    public static final int MAX_RAW_CHARS = 100_000;

    private Rejections() {}

    public static DeadLetter of(String raw, String reason) {
        return new DeadLetter(truncate(raw == null ? "" : raw), reason, Instant.now().toString());
    }

    static String truncate(String raw) {
        if (raw.length() <= MAX_RAW_CHARS) return raw;
        return raw.substring(0, MAX_RAW_CHARS) + "... [truncated, " + raw.length() + " characters in all]";
    }
}
