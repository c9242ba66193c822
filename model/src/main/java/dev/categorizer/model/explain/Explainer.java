package dev.categorizer.model.explain;

import dev.categorizer.common.record.Contribution;
import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.SparseVector;
import dev.categorizer.common.record.Video;
import dev.categorizer.common.vocab.Vocabulary;
import dev.categorizer.model.predict.Attribution;
import dev.categorizer.model.predict.Predictor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Explains predictions: for each predicted category of a video, the words and tags that pushed it most, with their
 * contribution to the category's logit.
 *
 * <p>The attribution is gradient x input on the sparse TF-IDF features, which is exact for this network, not an
 * approximation: {@code logit_c = b2_c + sum_j W2[j,c] relu(h_j)} with {@code h_j = b1_j + sum_i x_i W1[i,j]}, and
 * for the units {@code j} that the video activates ({@code h_j > 0}) {@code relu(h_j) = h_j}, the others give 0.
 * So {@code logit_c = bias_c + sum_i x_i g_ic} with {@code g_ic = sum_{active j} W1[i,j] W2[j,c]} (the gradient
 * of the logit with respect to {@code x_i}) and {@code bias_c = b2_c + sum_{active j} b1_j W2[j,c]}: the
 * contributions {@code x_i g_ic} and the bias add up to the logit, up to float rounding ({@link #TOLERANCE}).
 * It is computed by TensorFlow from the model's own weights ({@link Predictor#attribute}), gathering only the
 * first-layer rows of the video's features.
 *
 * <pre>{@code
 * try (Predictor predictor = Predictor.load(Path.of("models/films"))) {
 *     Explainer explainer = new Explainer(predictor);
 *     VideoExplanation why = explainer.explain(video, 5);
 *     for (Explanation category : why.categories()) {
 *         System.out.println(category.label() + " " + category.score() + " " + category.top());
 *     }
 * }
 * }</pre>
 */
public final class Explainer {
    /** How many contributions an explanation lists unless told otherwise. */
    public static final int DEFAULT_TOP = 5;
    /**
     * How far {@code bias + contributions} may be from the logit, relative to {@code 1 + |bias| + sum |contribution|}:
     * both are float32 sums of the same products in different orders.
     */
    public static final double TOLERANCE = 1e-4;

    private final Predictor predictor;
    private final Vocabulary vocabulary;

    public Explainer(Predictor predictor) {
        this.predictor = predictor;
        this.vocabulary = predictor.bundle().vocabulary();
    }

    /** The explained prediction of one video, with at most {@code top} contributions per category. */
    public VideoExplanation explain(Video video, int top) {
        return explain(List.of(video), top).get(0);
    }

    /** The explained predictions of several videos, with one model call. */
    public List<VideoExplanation> explain(List<Video> videos, int top) {
        checkTop(top);
        List<SparseVector> vectors = videos.stream().map(predictor::vectorize).toList();
        List<Attribution> attributions = predictor.attribute(vectors);
        List<VideoExplanation> out = new ArrayList<>(videos.size());
        for (int v = 0; v < videos.size(); v++) {
            Attribution a = attributions.get(v);
            // As Predictor.predict: without a known feature there is no evidence, so no category.
            List<LabelScore> categories = vectors.get(v).isEmpty() ? List.of() : predictor.decide(a.scores());
            out.add(new VideoExplanation(videos.get(v).id(), explainAll(videos.get(v), a, categories, top),
                    vectors.get(v).nonZeros(), predictor.bundle().modelVersion()));
        }
        return out;
    }

    /**
     * Explains {@code categories}, already decided for {@code video} (by the scoring path), with one model call:
     * what {@code score --explain} adds to a prediction.
     */
    public List<Explanation> explain(Video video, List<LabelScore> categories, int top) {
        checkTop(top);
        if (categories.isEmpty()) return List.of();
        Attribution a = predictor.attribute(List.of(predictor.vectorize(video))).get(0);
        return explainAll(video, a, categories, top);
    }

    /** Explanations as a prediction carries them: each label's top contributions. */
    public static Map<String, List<Contribution>> byLabel(List<Explanation> explanations) {
        Map<String, List<Contribution>> byLabel = new LinkedHashMap<>();
        for (Explanation e : explanations) byLabel.put(e.label(), e.top());
        return byLabel;
    }

    /** Whether {@code total} is the logit {@code logit} of parts of magnitude {@code magnitude}, within tolerance. */
    public static boolean addsUp(double total, double logit, double magnitude) {
        return Math.abs(total - logit) <= TOLERANCE * (1 + magnitude);
    }

    private List<Explanation> explainAll(Video video, Attribution a, List<LabelScore> categories, int top) {
        if (categories.isEmpty()) return List.of();
        Map<String, String> fields = FeatureFields.of(predictor.bundle().pipeline(), video);
        List<String> labels = predictor.labels();
        List<Explanation> out = new ArrayList<>(categories.size());
        for (LabelScore category : categories) {
            int label = labels.indexOf(category.label());
            if (label < 0) {
                throw new IllegalArgumentException("model " + predictor.bundle().modelVersion() + " has no label '"
                        + category.label() + "'");
            }
            out.add(explainLabel(a, label, category.score(), top, fields));
        }
        return out;
    }

    private Explanation explainLabel(Attribution a, int label, double score, int top, Map<String, String> fields) {
        float[][] contributions = a.contributions();
        TopContributions best = new TopContributions(top);
        double all = 0;
        for (int k = 0; k < contributions.length; k++) {
            float c = contributions[k][label];
            all += c;
            if (c > 0) best.offer(k, c);
        }
        List<Contribution> chosen = new ArrayList<>();
        double chosenSum = 0;
        for (int k : best.features()) {
            String word = vocabulary.term(a.features()[k]);
            double c = contributions[k][label];
            chosen.add(new Contribution(word, fields.getOrDefault(word, ""), c));
            chosenSum += c;
        }
        return new Explanation(labels(label), score, a.logits()[label], a.bias()[label], chosen, all - chosenSum);
    }

    private String labels(int label) {
        return predictor.labels().get(label);
    }

    private static void checkTop(int top) {
        if (top < 0) throw new IllegalArgumentException("top must be >= 0, got " + top);
    }
}
