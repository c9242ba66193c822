package dev.categorizer.cli;

import dev.categorizer.model.predict.ModelFailureException;
import java.util.Optional;
import org.apache.flink.util.SerializedThrowable;

/**
 * Finds a job that failed because its model did ({@link ModelFailureException}, once Flink's restarts are used
 * up) among the causes Flink wraps it in, so that {@link FailureReport} names it: {@code score failed: model v1
 * (models/v1) failed on every video of a batch (16, each alone too): ...}.
 *
 * <pre>{@code
 * Optional<String> why = ModelFailureReport.modelFailure(jobExecutionException);
 * }</pre>
 */
final class ModelFailureReport {

    private ModelFailureReport() {}

    /** The message of the first model failure among the causes of {@code error}. */
    static Optional<String> modelFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ModelFailureException) return Optional.ofNullable(t.getMessage());
            // A cause whose class the client could not load arrives as Flink's stand-in, "class: message".
            String name = ModelFailureException.class.getName();
            if (t instanceof SerializedThrowable s && s.getOriginalErrorClassName().equals(name)) {
                String message = String.valueOf(s.getMessage());
                return Optional.of(message.startsWith(name + ": ") ? message.substring(name.length() + 2) : message);
            }
        }
        return Optional.empty();
    }
}
