package dev.categorizer.jobs.train;

import dev.categorizer.common.config.Locations;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a training job did: the bundle it wrote, its labels and vocabulary size, the documents it read and
 * rejected, the validation metrics of the model and how long it took.
 *
 * @param validationDocuments documents of the given validation set, or 0 when validation was split off training
 */
public record TrainResult(
        String model,
        String modelVersion,
        List<String> labels,
        int vocabularySize,
        long trainDocuments,
        long validationDocuments,
        long deadLetters,
        String deadLetterDirectory,
        Map<String, Double> validationMetrics,
        double seconds) {

    public TrainResult {
        labels = List.copyOf(labels);
        validationMetrics = Map.copyOf(validationMetrics);
    }

    /** A few lines for people, as the train command prints at the end. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "model bundle     %s (version %s)%n", Locations.redact(model),
                modelVersion));
        s.append(String.format(Locale.ROOT, "labels           %d: %s%n", labels.size(), String.join(", ", labels)));
        s.append(String.format(Locale.ROOT, "vocabulary       %d terms%n", vocabularySize));
        s.append(String.format(Locale.ROOT, "documents        %d training%s%n", trainDocuments,
                validationDocuments > 0 ? ", " + validationDocuments + " validation" : ""));
        s.append(String.format(Locale.ROOT, "dead letters     %d%s%n", deadLetters,
                deadLetters > 0 ? " (in " + Locations.redact(deadLetterDirectory) + ")" : ""));
        new TreeMap<>(validationMetrics).forEach((name, value) -> s.append(String.format(Locale.ROOT, "%-16s %s%n",
                name.replace('_', ' '), value == Math.rint(value) ? Long.toString(value.longValue())
                        : String.format(Locale.ROOT, "%.4f", value))));
        s.append(String.format(Locale.ROOT, "time             %.1f s%n", seconds));
        return s.toString();
    }
}
