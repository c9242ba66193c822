package dev.categorizer.jobs.testutil;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Everything logged in this JVM while it is open, from every logger at INFO and above (more than the command
 * line's own configuration shows: Flink's and Kafka's INFO too), with the exceptions' stack traces.
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.start()) {
 *     CategorizerCli.run("score", ...);
 *     assertThat(log.text()).doesNotContain(secret);
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {

    private final StringWriter text = new StringWriter();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final WriterAppender appender;
    private final Level rootLevel;

    private LogCapture() {
        Configuration config = context.getConfiguration();
        appender = WriterAppender.newBuilder()
                .setName("capture-" + System.identityHashCode(this))
                .setTarget(text)
                .setLayout(PatternLayout.newBuilder().withConfiguration(config).withPattern("%p %c %m%n%throwable").build())
                .build();
        appender.start();
        LoggerConfig root = config.getRootLogger();
        rootLevel = root.getLevel();
        root.addAppender(appender, Level.INFO, null);
        if (rootLevel.isMoreSpecificThan(Level.INFO)) root.setLevel(Level.INFO);
        for (LoggerConfig logger : config.getLoggers().values()) {
            if (logger != root && !logger.isAdditive()) logger.addAppender(appender, Level.INFO, null);
        }
        context.updateLoggers();
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** What was logged so far. */
    public String text() {
        synchronized (text) {
            return text.toString();
        }
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        for (LoggerConfig logger : config.getLoggers().values()) logger.removeAppender(appender.getName());
        config.getRootLogger().removeAppender(appender.getName());
        config.getRootLogger().setLevel(rootLevel);
        context.updateLoggers();
        appender.stop();
    }
}
