package dev.categorizer.cli;

import dev.categorizer.model.bundle.InvalidBundleException;
import java.io.PrintWriter;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.util.SerializedThrowable;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * How a command that failed says so: one line on standard error that starts with the command and names the root
 * cause ({@code categorizer score: Failed to create the parent directory: /proc/x (IOException)}), exit code 1,
 * instead of the pages of a Flink stack trace in which that line is buried. With {@code --verbose} the stack
 * trace follows the line. A refused model bundle and a job failed by its model ({@link ModelFailureReport}) are
 * named by what the project knows of them, not by their deepest cause.
 *
 * <pre>{@code
 * new CommandLine(new CategorizerCli()).setExecutionExceptionHandler(new FailureReport()).execute(args);
 * }</pre>
 */
final class FailureReport implements IExecutionExceptionHandler {

    /** picocli's exit code of a command whose business logic failed. */
    static final int EXIT_CODE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        err.println(line(command.getCommandName(), e));
        if (verbose(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return EXIT_CODE;
    }

    /** The one line that says what went wrong in {@code command}. */
    static String line(String command, Throwable error) {
        Optional<String> modelFailure = ModelFailureReport.modelFailure(error);
        if (modelFailure.isPresent()) {
            return command + " failed: " + modelFailure.get(); // the model's fault, not the input's or the user's
        }
        return "categorizer " + command + ": " + describe(error);
    }

    /** What went wrong, without the command's name. */
    static String describe(Throwable error) {
        for (Throwable t : causes(error)) {
            if (t instanceof InvalidBundleException || t instanceof PreflightException
                    || t instanceof NoValidRecordException) {
                return t.getMessage();
            }
        }
        Throwable root = rootCause(error);
        String type = root instanceof SerializedThrowable s ? simpleName(s.getOriginalErrorClassName())
                : root.getClass().getSimpleName();
        String message = root instanceof SerializedThrowable s ? stripClassName(s) : root.getMessage();
        if (message == null || message.isBlank()) {
            return type;
        }
        // An argument or state the code refused says it all; other types add what kind of failure it was.
        boolean plain = root instanceof IllegalArgumentException || root instanceof IllegalStateException;
        return plain ? message : message + " (" + type + ")";
    }

    /** The deepest cause, ignoring cycles. */
    static Throwable rootCause(Throwable error) {
        Throwable root = error;
        for (Throwable t : causes(error)) {
            root = t;
        }
        return root;
    }

    private static Iterable<Throwable> causes(Throwable error) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, true) == null; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) return true;
        }
        return false;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Flink's stand-in for a class the client cannot load has the message "class: message". */
    private static String stripClassName(SerializedThrowable s) {
        String message = s.getMessage();
        String prefix = s.getOriginalErrorClassName() + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
