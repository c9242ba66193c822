package dev.categorizer.benchmarks;

import dev.categorizer.common.record.SparseVector;
import dev.categorizer.common.text.TextConfig;
import dev.categorizer.common.vocab.Vocabulary;
import dev.categorizer.common.vocab.Weighting;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.model.predict.Predictor;
import dev.categorizer.model.train.HyperParameters;
import dev.categorizer.model.train.NetworkWeights;
import dev.categorizer.model.train.TrainedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Loading and scoring a bundle, the model alone: writes a random model of the given size with this build's
 * writer, then times {@code Predictor.load} (median of 5, after one warm-up) and scoring 100,000 random
 * documents of 40 features in batches of 256 (best of 3). Compiles against older builds too, so two versions
 * can be compared in the same session on the same machine.
 *
 * <pre>
 * java -cp "$(cat cli/target/categorizer.classpath):benchmarks/target/classes" \
 *     dev.categorizer.benchmarks.BundleLoadBench /tmp/bench-bundle 200000 256 34
 * </pre>
 */
public final class BundleLoadBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int vocabulary = Integer.parseInt(args[1]);
        int hidden = Integer.parseInt(args[2]);
        int labels = Integer.parseInt(args[3]);
        SplittableRandom random = new SplittableRandom(7);
        float[] w1 = new float[Math.multiplyExact(vocabulary, hidden)];
        for (int i = 0; i < w1.length; i++) w1[i] = (float) (random.nextDouble() - 0.5) * 0.1f;
        float[] b1 = new float[hidden];
        float[] w2 = new float[hidden * labels];
        for (int i = 0; i < w2.length; i++) w2[i] = (float) (random.nextDouble() - 0.5) * 0.1f;
        float[] b2 = new float[labels];
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < vocabulary; i++) terms.add("t" + i);
        long[] df = new long[vocabulary];
        Arrays.fill(df, 5);
        List<String> labelNames = new ArrayList<>();
        for (int j = 0; j < labels; j++) labelNames.add("label" + j);
        float[] thresholds = new float[labels];
        Arrays.fill(thresholds, 0.5f);
        TrainedModel model = new TrainedModel(labelNames, thresholds,
                NetworkWeights.inMemory(vocabulary, hidden, labels, w1, b1, w2, b2),
                HyperParameters.builder().hidden(hidden).build(), Map.of(), 1);
        w1 = null;
        ModelBundle.write(dir, model, Vocabulary.of(terms, df, 1000), TextConfig.defaults(), Weighting.TFIDF,
                Map.of("model_version", "bench"));

        double[] loads = new double[6];
        for (int r = 0; r < loads.length; r++) {
            long t = System.nanoTime();
            try (Predictor p = Predictor.load(dir)) {
                loads[r] = (System.nanoTime() - t) / 1e6;
            }
        }
        double[] measured = Arrays.copyOfRange(loads, 1, loads.length);
        Arrays.sort(measured);

        List<SparseVector> docs = new ArrayList<>();
        for (int d = 0; d < 100_000; d++) {
            int[] idx = random.ints(40, 0, vocabulary).distinct().sorted().toArray();
            float[] val = new float[idx.length];
            Arrays.fill(val, 0.15f);
            docs.add(new SparseVector(idx, val));
        }
        double best = Double.MAX_VALUE;
        try (Predictor p = Predictor.load(dir)) {
            for (int r = 0; r < 3; r++) {
                long t = System.nanoTime();
                for (int i = 0; i < docs.size(); i += 256) p.scores(docs.subList(i, Math.min(docs.size(), i + 256)));
                best = Math.min(best, (System.nanoTime() - t) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "| %d x %d x %d | load %.0f ms (median of 5) | scoring %.0f docs/s (model alone, 1 thread, batches of 256) |%n",
                vocabulary, hidden, labels, measured[2], docs.size() / best);
    }
}
