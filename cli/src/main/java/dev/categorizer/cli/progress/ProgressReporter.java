package dev.categorizer.cli.progress;

import java.io.PrintStream;
import java.util.function.LongFunction;

/**
 * Shows a running job's progress while the command waits for it. On a terminal it redraws one line in place five
 * times a second (log lines clear it first, see {@code CliLog}, and it is drawn again below them); elsewhere, when
 * the output goes to a file or a pipe, it prints the same line as a plain line every 30 seconds. Closing it stops
 * it and clears the line.
 *
 * <pre>{@code
 * try (ProgressReporter progress = ProgressReporter.start(now -> "epoch 1 " + ProgressText.bar(0.5, 20))) {
 *     job.run();
 * }
 * }</pre>
 */
public final class ProgressReporter implements AutoCloseable {
    private static final long TERMINAL_EVERY_MILLIS = 200;
    private static final long PLAIN_EVERY_MILLIS = 30_000;

    private final LongFunction<String> line;
    private final PrintStream out;
    private final boolean terminal;
    private final Thread thread;
    private volatile boolean stopped;
    private boolean drawn;

    private ProgressReporter(LongFunction<String> line, PrintStream out, boolean terminal) {
        this.line = line;
        this.out = out;
        this.terminal = terminal;
        this.thread = new Thread(this::loop, "categorizer progress");
        this.thread.setDaemon(true);
    }

    /**
     * Starts showing {@code line}, a function of the current time in milliseconds that returns the line to show,
     * or null while there is nothing to show yet, on standard output.
     */
    public static ProgressReporter start(LongFunction<String> line) {
        ProgressReporter reporter = new ProgressReporter(line, System.out, onTerminal());
        reporter.thread.start();
        return reporter;
    }

    /** Whether this process writes to a terminal that can redraw a line. */
    public static boolean onTerminal() {
        String term = System.getenv("TERM");
        return System.console() != null && !"dumb".equals(term);
    }

    private void loop() {
        long every = terminal ? TERMINAL_EVERY_MILLIS : PLAIN_EVERY_MILLIS;
        while (!stopped) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            String text = line.apply(System.currentTimeMillis());
            if (text == null || stopped) continue;
            synchronized (this) {
                if (terminal) {
                    out.print("\r" + text + "\033[K");
                    drawn = true;
                } else {
                    out.println(text);
                }
                out.flush();
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (drawn) {
                out.print("\r\033[K");
                out.flush();
            }
        }
    }
}
