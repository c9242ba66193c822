package dev.categorizer.cli;

/** A problem {@link Preflight} found before a job started: its message names it and says what to do. */
final class PreflightException extends RuntimeException {
    PreflightException(String message) {
        super(message);
    }
}
