package dev.categorizer.common.record;

import java.time.Instant;
import java.util.Objects;

/**
 * An input record that could not be processed, kept for inspection instead of failing the job.
 *
 * @param raw the record as received (possibly truncated, see {@link #of}); never null
 * @param reason why it was rejected, short and human
 * @param at ISO-8601 instant at which it was rejected
 */
public record DeadLetter(String raw, String reason, String at) {

    /** The longest {@code raw} kept by {@link #of}: a 10 MB record must not become a 10 MB dead letter. */
    public static final int MAX_RAW_CHARS = 64 * 1024;

    public DeadLetter {
        raw = raw == null ? "" : raw;
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }

    /** A dead letter with {@code raw} cut to {@link #MAX_RAW_CHARS} characters (never inside a surrogate pair). */
    public static DeadLetter of(String raw, String reason, Instant at) {
        String kept = raw;
        if (raw != null && raw.length() > MAX_RAW_CHARS) {
            int end = MAX_RAW_CHARS;
            if (Character.isHighSurrogate(raw.charAt(end - 1))) {
                end--;
            }
            kept = raw.substring(0, end) + "...[" + (raw.length() - end) + " more chars]";
        }
        return new DeadLetter(kept, reason, at.toString());
    }
}
