package dev.categorizer.model.bundle;

/** A model bundle that is missing, damaged or of another format; the message names the file at fault. */
public final class InvalidBundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidBundleException(String message) {
        super(message);
    }

    public InvalidBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
