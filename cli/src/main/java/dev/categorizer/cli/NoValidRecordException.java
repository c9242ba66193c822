package dev.categorizer.cli;

import dev.categorizer.jobs.evaluate.EvaluationRun;

/**
 * An evaluation that read not one valid labelled video: its metrics would be zeros that look like a very bad
 * model, while the input is what is wrong. {@link FailureReport} prints its message as the command's one line:
 * {@code categorizer evaluate: no valid labelled video read from /etc/passwd: 32 records dead-lettered, e.g.
 * malformed JSON: Unrecognized token 'root' ... (line 1)}.
 *
 * <pre>{@code
 * if (run.noValidVideo()) throw new NoValidRecordException("data/test.jsonl", run);
 * }</pre>
 */
final class NoValidRecordException extends RuntimeException {

    NoValidRecordException(String testSet, EvaluationRun run) {
        super(message(testSet, run));
    }

    private static String message(String testSet, EvaluationRun run) {
        String line = "no valid labelled video read from " + testSet + ": " + run.deadLettered()
                + " records dead-lettered";
        if (run.sampleReasons().isEmpty()) return line + " (the input has no records)";
        return line + ", e.g. " + firstLine(run.sampleReasons().get(0));
    }

    /** A reason can quote a parser's message of several lines; the failure is one line. */
    private static String firstLine(String reason) {
        int newline = reason.indexOf('\n');
        return newline < 0 ? reason : reason.substring(0, newline) + " ...";
    }
}
