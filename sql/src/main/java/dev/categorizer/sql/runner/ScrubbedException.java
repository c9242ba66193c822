package dev.categorizer.sql.runner;

import java.util.function.UnaryOperator;

/**
 * A copy of an exception and its causes with every message scrubbed of credentials, keeping their class names
 * (in {@link #toString()}) and stack traces: the cause of a {@link SqlScriptException}, so that printing its
 * stack trace shows no credential either.
 *
 * <pre>{@code
 * RuntimeException safe = ScrubbedException.of(flinkError, secrets::scrub);
 * }</pre>
 */
final class ScrubbedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String originalClass;

    private ScrubbedException(String originalClass, String message, Throwable cause) {
        super(message, cause);
        this.originalClass = originalClass;
    }

    static ScrubbedException of(Throwable error, UnaryOperator<String> scrub) {
        Throwable cause = error.getCause() == null || error.getCause() == error
                ? null : of(error.getCause(), scrub);
        ScrubbedException copy = new ScrubbedException(error.getClass().getName(), scrub.apply(error.getMessage()), cause);
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    @Override
    public String toString() {
        return getMessage() == null ? originalClass : originalClass + ": " + getMessage();
    }
}
