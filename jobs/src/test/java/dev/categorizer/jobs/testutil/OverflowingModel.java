package dev.categorizer.jobs.testutil;

import dev.categorizer.common.record.Video;
import dev.categorizer.common.text.TextConfig;
import dev.categorizer.common.text.TextPipeline;
import dev.categorizer.common.vocab.Vocabulary;
import dev.categorizer.common.vocab.Weighting;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.model.train.HyperParameters;
import dev.categorizer.model.train.NetworkWeights;
import dev.categorizer.model.train.TrainedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Model bundles whose real weights make TensorFlow's scores NaN, for the tests of a failing model: huge but finite
 * weights on the words that should fail. Hidden unit 0 has the largest float as its bias and as the weight of
 * each such word, so a video with one of them overflows it to inf, and inf times the output's weight of 0 is NaN;
 * without such a word the unit stays finite and adds nothing. Hidden unit 1 sums the weights of all words, so
 * that those videos get ordinary scores. The vocabulary is the demo sample's words (those in at least two of its
 * first 500 training films) plus {@link #WORD}. This is the one place that writes these bundles.
 *
 * <pre>{@code
 * Path failsOnWord = OverflowingModel.onWord(tmp.resolve("m1"));      // NaN for videos that contain WORD only
 * Path failsAlways = OverflowingModel.everywhere(tmp.resolve("m2"));  // NaN for every video with a known word
 * }</pre>
 */
public final class OverflowingModel {

    /** The word whose weights overflow in {@link #onWord}. */
    public static final String WORD = "overflow";
    public static final String ON_WORD_VERSION = "overflow-on-word";
    public static final String EVERYWHERE_VERSION = "overflow-everywhere";

    private static final List<String> LABELS = List.of("Comedy", "Drama");
    private static final float HUGE = Float.MAX_VALUE;
    private static final int HIDDEN = 2;

    private OverflowingModel() {}

    /** A bundle that gives NaN scores to the videos containing {@link #WORD}, finite ones to the others. */
    public static Path onWord(Path directory) {
        return write(directory, ON_WORD_VERSION, WORD::equals);
    }

    /** A bundle that gives NaN scores to every video with a word it knows. */
    public static Path everywhere(Path directory) {
        return write(directory, EVERYWHERE_VERSION, term -> true);
    }

    /** A video of ordinary words and {@link #WORD}. */
    public static Video videoWithTheWord(String id) {
        return Video.unlabelled(id, "A western " + WORD, "The film stars a sheriff and his horse.", List.of());
    }

    private static Path write(Path directory, String version, Predicate<String> overflows) {
        Vocabulary vocabulary = vocabulary();
        int terms = vocabulary.size();
        float[] w1 = new float[terms * HIDDEN];
        for (int t = 0; t < terms; t++) {
            // A sum overflows (bias + value * weight), not a product: fused multiply-adds keep a product unrounded.
            if (overflows.test(vocabulary.term(t))) w1[t * HIDDEN] = HUGE;
            w1[t * HIDDEN + 1] = 1;
        }
        float[] b1 = {HUGE, 0};
        float[] w2 = {0, 0, 2, -2}; // rows: hidden units; columns: labels
        NetworkWeights weights = NetworkWeights.inMemory(terms, HIDDEN, LABELS.size(), w1, b1, w2, new float[] {-1, 0});
        TrainedModel model = new TrainedModel(LABELS, new float[] {0.5f, 0.5f}, weights,
                HyperParameters.builder().hidden(HIDDEN).build(), Map.of(), 0);
        ModelBundle.write(directory, model, vocabulary, TextConfig.defaults(), Weighting.TFIDF,
                Map.of("model_version", version));
        return directory;
    }

    private static Vocabulary vocabulary() {
        TextPipeline pipeline = new TextPipeline(TextConfig.defaults());
        List<Video> videos = ModelFixture.sampleTrain(500);
        Map<String, Long> df = new TreeMap<>();
        for (Video v : videos) {
            for (String term : new HashSet<>(pipeline.features(v))) df.merge(term, 1L, Long::sum);
        }
        df.values().removeIf(n -> n < 2);
        df.remove(WORD);
        List<String> terms = new ArrayList<>(df.keySet());
        terms.add(WORD);
        long[] frequencies = new long[terms.size()];
        for (int i = 0; i < frequencies.length - 1; i++) frequencies[i] = df.get(terms.get(i));
        frequencies[frequencies.length - 1] = 1;
        return Vocabulary.of(terms, frequencies, videos.size());
    }
}
