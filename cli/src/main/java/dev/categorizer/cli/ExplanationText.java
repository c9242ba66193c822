package dev.categorizer.cli;

import dev.categorizer.common.record.Contribution;
import dev.categorizer.common.record.Video;
import dev.categorizer.model.explain.Explanation;
import dev.categorizer.model.explain.VideoExplanation;
import java.util.Locale;

/**
 * An explained prediction as text for people, what {@code categorizer explain} prints by default:
 * <pre>
 * tt0120815  "Saving Private Ryan"
 *   War        0.93   +2.10 "battle" (title)  +1.40 "soldier" (description)  +0.52 "#ww2" (tags)
 *              logit 2.61 = bias -1.45 + these 4.02 + the other words 0.04
 * </pre>
 */
final class ExplanationText {
    private static final int TITLE_CHARS = 70;

    private ExplanationText() {}

    static String format(Video video, VideoExplanation explained) {
        StringBuilder out = new StringBuilder();
        out.append(explained.id());
        if (!video.title().isBlank()) out.append("  \"").append(abbreviate(video.title())).append('"');
        out.append('\n');
        if (explained.knownFeatures() == 0) {
            out.append("  (no word or tag the model knows: no category)\n");
        } else if (explained.categories().isEmpty()) {
            out.append("  (no category over its threshold)\n");
        }
        int width = explained.categories().stream().mapToInt(e -> e.label().length()).max().orElse(0);
        for (Explanation e : explained.categories()) {
            out.append(String.format(Locale.ROOT, "  %-" + width + "s  %.2f ", e.label(), e.score()));
            for (Contribution c : e.top()) {
                out.append(String.format(Locale.ROOT, "  %+.2f \"%s\" (%s)", c.contribution(), c.word(), c.field()));
            }
            if (e.top().isEmpty()) out.append("  (no word pushed it: the biases alone)");
            double these = e.top().stream().mapToDouble(Contribution::contribution).sum();
            out.append('\n').append(" ".repeat(width + 4)).append(String.format(Locale.ROOT,
                    "logit %.2f = bias %.2f + these %.2f + the other words %.2f%n", e.logit(), e.bias(), these, e.rest()));
        }
        return out.toString();
    }

    private static String abbreviate(String title) {
        return title.length() <= TITLE_CHARS ? title : title.substring(0, TITLE_CHARS - 3) + "...";
    }
}
