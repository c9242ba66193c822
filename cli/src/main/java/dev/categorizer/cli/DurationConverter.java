package dev.categorizer.cli;

import java.time.Duration;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine;

/** Reads durations as Flink does: {@code 10s}, {@code 200ms}, {@code 1min}, {@code 2 h}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return TimeUtils.parseDuration(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("not a duration: '" + value + "' (try 10s, 200ms, 1min)");
        }
    }
}
