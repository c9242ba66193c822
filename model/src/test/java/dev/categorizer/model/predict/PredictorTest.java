package dev.categorizer.model.predict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.metrics.MultiLabelEvaluation;
import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.Video;
import dev.categorizer.common.vocab.Weighting;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.model.testutil.ToyData;
import dev.categorizer.model.train.HyperParameters;
import dev.categorizer.model.train.TrainedModel;
import dev.categorizer.model.train.TrainingRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictorTest {
    @TempDir
    static Path tmp;

    private static ToyData toy;
    private static TrainedModel model;
    private static Predictor predictor;

    @BeforeAll
    static void trainAndLoad() {
        toy = new ToyData(21, 400, 100);
        model = TrainingRun.trainToEnd(toy.trainingData(),
                HyperParameters.builder().hidden(16).epochs(5).batchSize(16).learningRate(0.01f).seed(3).build(),
                p -> {});
        ModelBundle.write(tmp.resolve("m"), model, toy.vocabulary, toy.text, Weighting.TFIDF,
                Map.of("model_version", "toy-7"));
        predictor = Predictor.load(tmp.resolve("m"));
    }

    @AfterAll
    static void close() {
        predictor.close();
    }

    @Test
    void predictsTheToyCategoriesOfUnseenVideos() {
        MultiLabelEvaluation evaluation = new MultiLabelEvaluation(ToyData.LABELS);
        List<Prediction> predictions = predictor.predict(toy.test);
        for (int i = 0; i < toy.test.size(); i++) {
            List<String> labels = predictions.get(i).categories().stream().map(LabelScore::label).toList();
            evaluation.add(toy.test.get(i).labels(), labels, labels.isEmpty() ? null : labels.get(0));
        }
        assertThat(evaluation.result().microF1()).isGreaterThan(0.9);
        assertThat(predictions).allSatisfy(p -> assertThat(p.modelVersion()).isEqualTo("toy-7"));
    }

    @Test
    void categoriesAreThoseOverTheirThresholdsBestFirst() {
        float[] scores = predictor.scoreVideos(List.of(toy.test.get(0)))[0];
        List<LabelScore> decided = predictor.decide(scores);
        List<Double> thresholds = predictor.bundle().manifest().thresholds();
        boolean anyOver = false;
        int best = 0;
        for (int j = 0; j < scores.length; j++) {
            anyOver |= scores[j] >= thresholds.get(j);
            if (scores[j] > scores[best]) best = j;
        }
        boolean fallback = predictor.bundle().manifest().topLabelFallback();
        for (int j = 0; j < scores.length; j++) {
            boolean over = scores[j] >= thresholds.get(j) || (fallback && !anyOver && j == best);
            String label = predictor.labels().get(j);
            assertThat(decided.stream().anyMatch(s -> s.label().equals(label))).isEqualTo(over);
        }
        for (int k = 1; k < decided.size(); k++) {
            assertThat(decided.get(k).score()).isLessThanOrEqualTo(decided.get(k - 1).score());
        }
    }

    @Test
    void aModelWithTheTopLabelFallbackGivesAVideoUnderEveryThresholdItsBestLabel() {
        float[] high = new float[model.labels().size()];
        java.util.Arrays.fill(high, 0.9999f); // nothing clears these
        try (Predictor plain = load("high", high, false); Predictor fallback = load("high-fallback", high, true)) {
            for (Video video : toy.test.subList(0, 20)) {
                float[] scores = plain.scoreVideos(List.of(video))[0];
                int best = 0;
                for (int j = 1; j < scores.length; j++) if (scores[j] > scores[best]) best = j;
                assertThat(plain.decide(scores)).isEmpty();
                assertThat(fallback.decide(scores)).extracting(LabelScore::label).containsExactly(model.labels().get(best));
                assertThat(fallback.predict(List.of(video)).get(0).categories()).hasSize(1);
            }
            assertThat(fallback.bundle().manifest().topLabelFallback()).isTrue();
        }
    }

    private static Predictor load(String name, float[] thresholds, boolean fallback) {
        TrainedModel changed = new TrainedModel(model.labels(), thresholds, model.weights(), model.hyperParameters(),
                model.validationMetrics(), model.epochsRun(), model.history(), fallback);
        ModelBundle.write(tmp.resolve(name), changed, toy.vocabulary, toy.text, Weighting.TFIDF,
                Map.of("model_version", name));
        return Predictor.load(tmp.resolve(name));
    }

    @Test
    void aVideoWithoutKnownWordsGetsAnEmptyVectorAndStillScores() {
        Video unknown = Video.unlabelled("x", "zzqx", "", List.of());
        assertThat(predictor.vectorize(unknown).isEmpty()).isTrue();
        assertThat(predictor.scoreVideos(List.of(unknown))[0]).hasSize(ToyData.LABELS.size());
        assertThat(predictor.scores(List.of())).isEmpty();
        assertThat(predictor.predict(List.of(unknown)).get(0).categories()).isEmpty();
    }

    @Test
    void manyThreadsGetTheSameScoresAsOne() throws Exception {
        float[][] expected = predictor.scoreVideos(toy.test);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) futures.add(pool.submit(() -> predictor.scoreVideos(toy.test)));
            for (Future<float[][]> f : futures) assertThat(f.get()).isDeepEqualTo(expected);
        } finally {
            pool.shutdown();
        }
    }
}
