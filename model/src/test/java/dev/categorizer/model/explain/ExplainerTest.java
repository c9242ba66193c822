package dev.categorizer.model.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.categorizer.common.record.Contribution;
import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.SparseVector;
import dev.categorizer.common.record.Video;
import dev.categorizer.model.predict.Attribution;
import dev.categorizer.model.predict.Predictor;
import dev.categorizer.model.testutil.PlantedBundles;
import dev.categorizer.model.testutil.ToyBundle;
import dev.categorizer.model.train.NetworkWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explanations add up: on real bundles (the toy model, and the golden bundles of both formats on the sample's
 * films), every label's contributions plus its bias are the logit of the same network the predictor scores with,
 * within {@link Explainer#TOLERANCE}; the contributions are gradient x input as computed from the weights by
 * hand; and an explanation lists the strongest pushes first, with the fields they come from.
 */
class ExplainerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void contributionsPlusBiasAddUpToTheLogitOnTheToyBundle() {
        Path bundle = ToyBundle.write(tmp.resolve("toy"), "toy-1", null);
        try (Predictor predictor = Predictor.load(bundle)) {
            assertAddsUp(predictor, ToyBundle.data().test);
        }
    }

    @Test
    void contributionsPlusBiasAddUpToTheLogitOnTheGoldenBundles() throws IOException {
        for (String format : List.of("format-1", "format-2")) {
            Path bundle = PlantedBundles.copyResource("/bundles/" + format, tmp.resolve(format));
            try (Predictor predictor = Predictor.load(bundle)) {
                assertAddsUp(predictor, sampleFilms());
            }
        }
    }

    @Test
    void contributionsAreGradientTimesInputComputedFromTheWeights() throws IOException {
        Path bundle = PlantedBundles.copyResource("/bundles/format-2", tmp.resolve("b"));
        try (Predictor predictor = Predictor.load(bundle)) {
            NetworkWeights weights = predictor.bundle().weights();
            float[] w1 = weights.w1();
            float[] b1 = weights.toArray("b1");
            float[] w2 = weights.w2();
            float[] b2 = weights.toArray("b2");
            int hidden = b1.length;
            int labels = b2.length;
            for (Video film : sampleFilms()) {
                SparseVector x = predictor.vectorize(film);
                Attribution a = predictor.attribute(List.of(x)).get(0);
                double[] h = new double[hidden];
                for (int j = 0; j < hidden; j++) h[j] = b1[j];
                for (int k = 0; k < x.nonZeros(); k++) {
                    for (int j = 0; j < hidden; j++) h[j] += x.values()[k] * w1[x.indices()[k] * hidden + j];
                }
                for (int c = 0; c < labels; c++) {
                    double bias = b2[c];
                    for (int j = 0; j < hidden; j++) if (h[j] > 0) bias += b1[j] * w2[j * labels + c];
                    assertThat(a.bias()[c]).isCloseTo((float) bias, within(1e-4f));
                    for (int k = 0; k < x.nonZeros(); k++) {
                        double gradient = 0; // d logit_c / d x_i through the active units
                        for (int j = 0; j < hidden; j++) {
                            if (h[j] > 0) gradient += w1[x.indices()[k] * hidden + j] * w2[j * labels + c];
                        }
                        assertThat(a.contributions()[k][c]).isCloseTo((float) (x.values()[k] * gradient), within(1e-5f));
                    }
                }
            }
        }
    }

    @Test
    void explainsEachPredictedCategoryWithItsStrongestWordsAndTheirFields() {
        Path bundle = ToyBundle.write(tmp.resolve("toy"), "toy-1", null);
        try (Predictor predictor = Predictor.load(bundle)) {
            Video video = Video.unlabelled("v", "rocket launch", "the rocket reached orbit around the planet today",
                    List.of("nasa"));
            VideoExplanation why = new Explainer(predictor).explain(video, 3);
            List<LabelScore> predicted = predictor.predict(List.of(video)).get(0).categories();
            assertThat(why.categories()).extracting(Explanation::label)
                    .containsExactlyElementsOf(predicted.stream().map(LabelScore::label).toList());
            assertThat(why.categories()).extracting(Explanation::label).contains("space");
            Explanation space = why.categories().stream().filter(e -> e.label().equals("space")).findFirst().orElseThrow();
            assertThat(space.top()).hasSizeLessThanOrEqualTo(3).isNotEmpty();
            assertThat(space.top()).extracting(Contribution::contribution)
                    .allSatisfy(c -> assertThat(c).isPositive())
                    .isSortedAccordingTo((p, q) -> Double.compare(q, p));
            List<String> words = space.top().stream().map(Contribution::word).toList();
            assertThat(words).containsAnyOf("rocket", "orbit", "planet", "launch");
            for (Contribution c : space.top()) {
                if (c.word().equals("rocket")) assertThat(c.field()).isEqualTo("title+description");
                if (c.word().equals("launch")) assertThat(c.field()).isEqualTo("title");
                if (c.word().equals("orbit") || c.word().equals("planet")) assertThat(c.field()).isEqualTo("description");
            }
            assertThat(space.score()).isCloseTo(predicted.get(predicted.indexOf(
                    predicted.stream().filter(l -> l.label().equals("space")).findFirst().orElseThrow())).score(),
                    within(1e-6));
            assertThat(Explainer.addsUp(space.total(), space.logit(), magnitude(space))).isTrue();
        }
    }

    @Test
    void aVideoWithoutAKnownWordHasNothingToExplain() {
        Path bundle = ToyBundle.write(tmp.resolve("toy"), "toy-1", null);
        try (Predictor predictor = Predictor.load(bundle)) {
            VideoExplanation why = new Explainer(predictor).explain(Video.unlabelled("v", "zzzq", "", List.of()), 5);
            assertThat(why.categories()).isEmpty();
            assertThat(why.knownFeatures()).isZero();
            assertThat(new Explainer(predictor).explain(Video.unlabelled("w", "", "", List.of()), List.of(), 5)).isEmpty();
        }
    }

    /**
     * For every video and label: bias + every contribution is the logit of the same call, whose sigmoid is the
     * predictor's own score; and the explanation of each predicted category (top 2 + rest + bias) is it too.
     */
    private static void assertAddsUp(Predictor predictor, List<Video> videos) {
        List<SparseVector> vectors = videos.stream().map(predictor::vectorize).toList();
        List<Attribution> attributions = predictor.attribute(vectors);
        float[][] scores = predictor.scores(vectors);
        double worst = 0;
        for (int v = 0; v < videos.size(); v++) {
            Attribution a = attributions.get(v);
            for (int c = 0; c < predictor.labels().size(); c++) {
                double magnitude = Math.abs(a.bias()[c]);
                for (float[] feature : a.contributions()) magnitude += Math.abs(feature[c]);
                assertThat(Explainer.addsUp(a.sum(c), a.logits()[c], magnitude))
                        .as("video %s, label %s: %s + contributions = %s, logit %s", videos.get(v).id(),
                                predictor.labels().get(c), a.bias()[c], a.sum(c), a.logits()[c])
                        .isTrue();
                worst = Math.max(worst, Math.abs(a.sum(c) - a.logits()[c]) / (1 + magnitude));
                assertThat(1 / (1 + Math.exp(-a.logits()[c]))).isCloseTo(scores[v][c], within(1e-6));
                assertThat(a.scores()[c]).isCloseTo(scores[v][c], within(1e-6f));
            }
        }
        assertThat(worst).isLessThan(Explainer.TOLERANCE);
        for (VideoExplanation why : new Explainer(predictor).explain(videos, 2)) {
            for (Explanation e : why.categories()) {
                assertThat(Explainer.addsUp(e.total(), e.logit(), magnitude(e))).as(why.id() + " " + e).isTrue();
            }
        }
    }

    /** A bound of the parts' absolute values: enough for the tolerance of one explanation. */
    private static double magnitude(Explanation e) {
        double magnitude = Math.abs(e.bias()) + Math.abs(e.rest());
        for (Contribution c : e.top()) magnitude += Math.abs(c.contribution());
        return magnitude;
    }

    /** The first 20 films of the bundled sample's test set, which the golden bundles' scores were recorded on. */
    private static List<Video> sampleFilms() throws IOException {
        List<Video> videos = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../data/sample/test.jsonl")).subList(0, 20)) {
            JsonNode n = JSON.readTree(line);
            List<String> tags = new ArrayList<>();
            n.path("tags").forEach(t -> tags.add(t.asText()));
            videos.add(Video.unlabelled(n.get("id").asText(), n.path("title").asText(), n.path("description").asText(),
                    tags));
        }
        return videos;
    }
}
