package dev.categorizer.model.explain;

import dev.categorizer.common.record.Contribution;
import java.util.List;

/**
 * Why a video got one category: its score, its logit, and the logit split into the features that pushed it most,
 * the rest of the features, and the biases. {@code bias + sum of top + rest == logit} up to float rounding
 * ({@link Explainer#TOLERANCE}).
 *
 * <pre>{@code
 * Explanation war = explainer.explain(video, 5).categories().get(0);
 * war.top().get(0);   // Contribution[word=battle, field=title, contribution=2.10]
 * war.total();        // == war.logit(), within Explainer.TOLERANCE
 * }</pre>
 *
 * @param label the category
 * @param score its probability, {@code sigmoid(logit)}
 * @param logit the network's output for it
 * @param bias what no feature carries: the output bias plus the hidden biases through the active units
 * @param top the features that pushed it most, strongest first (positive contributions only)
 * @param rest the sum of the contributions of every other feature of the video, positive or negative
 */
public record Explanation(String label, double score, double logit, double bias, List<Contribution> top, double rest) {

    public Explanation {
        top = List.copyOf(top);
    }

    /** {@code bias + top + rest}: the logit again, from its parts. */
    public double total() {
        double total = bias + rest;
        for (Contribution c : top) total += c.contribution();
        return total;
    }
}
