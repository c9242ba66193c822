package dev.categorizer.cli;

import dev.categorizer.cli.progress.ProgressReporter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * Where the command line's full log goes: Flink's INFO lines stay out of the terminal (which shows the project's
 * progress and every warning) and go to a file named on the first line of a command that starts a job,
 * {@code categorizer: Flink's log: /tmp/categorizer-logs/score-20261202-142301-4242.log}. The file is
 * {@code -Dcategorizer.log.file} if set (e.g. through {@code JAVA_OPTS}); it is created only if something is
 * logged. Under {@code flink run} the cluster's log configuration applies and nothing here does.
 *
 * <pre>{@code
 * CliLog.start(args); // before anything logs: log4j2.properties reads the property once
 * ...
 * CliLog.announce();  // once the command line parsed: "categorizer: Flink's log: ..."
 * }</pre>
 */
final class CliLog {
    static final String FILE_PROPERTY = "categorizer.log.file";
    /** What the terminal's log lines start with (log4j2.properties): on a terminal, clearing the progress line. */
    static final String LINE_PREFIX_PROPERTY = "categorizer.log.line-prefix";

    /** The commands that start a Flink job (or an embedded cluster). */
    private static final Set<String> JOB_COMMANDS = Set.of("train", "evaluate", "score", "sql", "demo", "bench");

    private CliLog() {}

    static void start(String[] args) {
        if (System.getProperty("log4j.configurationFile") != null || System.getProperty("log4j2.configurationFile") != null) {
            return; // Flink's client (flink run) or the user configured logging: theirs applies, nothing to announce
        }
        String command = args.length > 0 && JOB_COMMANDS.contains(args[0]) ? args[0] : null;
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            file = Path.of(System.getProperty("java.io.tmpdir"), "categorizer-logs",
                    (command == null ? "categorizer" : command) + "-" + stamp + "-" + ProcessHandle.current().pid() + ".log")
                    .toString();
            System.setProperty(FILE_PROPERTY, file);
        }
        if (ProgressReporter.onTerminal()) {
            System.setProperty(LINE_PREFIX_PROPERTY, "\r\033[K"); // a log line first clears the progress bar
        }
        announced = command == null; // a command that starts no job has nothing to log
    }

    private static boolean announced = true;

    /** Names the log file on standard error, once, when a command that starts a job has parsed its options. */
    static synchronized void announce() {
        if (announced) return;
        announced = true;
        System.err.println("categorizer: Flink's log: " + System.getProperty(FILE_PROPERTY));
    }
}
