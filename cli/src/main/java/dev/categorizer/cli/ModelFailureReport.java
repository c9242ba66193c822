package dev.categorizer.cli;

import dev.categorizer.model.predict.ModelFailureException;
import java.util.Optional;
import org.apache.flink.util.SerializedThrowable;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports a job that failed because its model did ({@link ModelFailureException}, once Flink's restarts are used
 * up) as one line on standard error, {@code score failed: model v1 (models/v1) failed on every video of a batch
 * (16, each alone too): ...}, with exit code 1, instead of the pages of a Flink stack trace in which that line is
 * buried; the task managers' logs have the trace. Any other error goes on to picocli's default handling.
 *
 * <pre>{@code
 * new CommandLine(new CategorizerCli()).setExecutionExceptionHandler(new ModelFailureReport()).execute(args);
 * }</pre>
 */
final class ModelFailureReport implements IExecutionExceptionHandler {

    static final int EXIT_CODE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) throws Exception {
        Optional<String> failure = modelFailure(e);
        if (failure.isEmpty()) throw e;
        command.getErr().println(command.getCommandName() + " failed: " + failure.get());
        return EXIT_CODE;
    }

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
