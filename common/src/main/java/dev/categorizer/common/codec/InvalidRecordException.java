package dev.categorizer.common.codec;

/**
 * A record that cannot be decoded. {@link #reason()} is short and human, fit for a dead letter, e.g.
 * "missing field 'id'" or "invalid UTF-8 at byte 17". Carries no stack trace: bad records are expected data,
 * not bugs, and can be frequent.
 */
public final class InvalidRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String reason) {
        super(reason, null, false, false);
    }

    /** Why the record was rejected; the same as {@link #getMessage()}. */
    public String reason() {
        return getMessage();
    }
}
