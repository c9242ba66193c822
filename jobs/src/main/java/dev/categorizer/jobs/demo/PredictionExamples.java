package dev.categorizer.jobs.demo;

import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.Video;
import dev.categorizer.model.predict.Predictor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints a few test videos with the categories a model predicts for them next to their true labels. */
public final class PredictionExamples {

    private static final int TITLE_CHARS = 60;

    private PredictionExamples() {}

    /** Scores {@code count} videos spread evenly over the test file and prints them. */
    public static void print(Path model, Path testFile, int count, PrintStream out) throws IOException {
        List<Video> all = JsonLinesFiles.readVideos(testFile);
        List<Video> chosen = new ArrayList<>();
        for (int i = 0; i < count && i < all.size(); i++) {
            chosen.add(all.get((int) ((long) i * all.size() / count)));
        }
        List<Prediction> predictions;
        try (Predictor predictor = Predictor.load(model)) {
            predictions = predictor.predict(chosen);
        }
        for (int i = 0; i < chosen.size(); i++) {
            Video video = chosen.get(i);
            out.printf(Locale.ROOT, "%s  \"%s\"%n", video.id(), abbreviate(video.title()));
            out.printf(Locale.ROOT, "    predicted: %s%n", describe(predictions.get(i).categories()));
            out.printf(Locale.ROOT, "    true:      %s%n", String.join(", ", video.labels()));
        }
    }

    static String describe(List<LabelScore> categories) {
        if (categories.isEmpty()) {
            return "(no category over its threshold)";
        }
        return categories.stream()
                .map(c -> String.format(Locale.ROOT, "%s %.2f", c.label(), c.score()))
                .collect(Collectors.joining(", "));
    }

    private static String abbreviate(String title) {
        return title.length() <= TITLE_CHARS ? title : title.substring(0, TITLE_CHARS - 3) + "...";
    }
}
