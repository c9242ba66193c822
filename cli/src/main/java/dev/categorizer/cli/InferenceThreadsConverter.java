package dev.categorizer.cli;

import dev.categorizer.jobs.score.ScoringOptions;
import picocli.CommandLine;

/** Reads {@code --inference-threads}: {@code auto} or a count of 0 or more. */
final class InferenceThreadsConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        if (value.equalsIgnoreCase("auto")) {
            return ScoringOptions.AUTO_INFERENCE_THREADS;
        }
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads >= 0) return threads;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandLine.TypeConversionException("not a thread count: '" + value + "' (auto, 0, 1, 2, ...)");
    }
}
