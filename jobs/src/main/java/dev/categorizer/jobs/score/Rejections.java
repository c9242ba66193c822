package dev.categorizer.jobs.score;

import dev.categorizer.common.record.DeadLetter;
import java.time.Instant;

/**
 * Makes dead letters stamped with the current time. The raw input is cut to {@link #MAX_RAW_CHARS} so that one
 * enormous record cannot break the dead-letter output (a Kafka topic refuses messages over about 1 MB).
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
