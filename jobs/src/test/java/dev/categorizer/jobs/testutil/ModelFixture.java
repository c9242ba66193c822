package dev.categorizer.jobs.testutil;

import dev.categorizer.common.io.FileTrees;
import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.common.record.SparseVector;
import dev.categorizer.common.record.Video;
import dev.categorizer.common.text.TextConfig;
import dev.categorizer.common.text.TextPipeline;
import dev.categorizer.common.vocab.TermCount;
import dev.categorizer.common.vocab.Vectorizer;
import dev.categorizer.common.vocab.Vocabulary;
import dev.categorizer.common.vocab.VocabularySelector;
import dev.categorizer.common.vocab.Weighting;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.model.examples.Example;
import dev.categorizer.model.train.HyperParameters;
import dev.categorizer.model.train.TrainedModel;
import dev.categorizer.model.train.TrainingData;
import dev.categorizer.model.train.TrainingRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A tiny model bundle for tests, trained in-process on the first few hundred films of the demo sample
 * ({@code data/sample/train.jsonl}): hidden 32, 3 epochs, a few seconds. Trained once per JVM and shared.
 *
 * <pre>{@code
 * Path bundle = ModelFixture.tinyModel();
 * List<Video> test = ModelFixture.sampleTest(50);
 * }</pre>
 */
public final class ModelFixture {

    private static final int TRAIN_DOCS = 500;
    private static final int MIN_LABEL_DOCS = 10;
    private static Path bundle;

    private ModelFixture() {}

    /** The shared tiny bundle directory (trained on first use). */
    public static synchronized Path tinyModel() {
        if (bundle == null) {
            try {
                Path dir = Files.createTempDirectory("categorizer-test-model-");
                deleteOnExit(dir);
                bundle = train(dir.resolve("bundle"), sampleTrain(TRAIN_DOCS));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bundle;
    }

    /** The first {@code n} films of the demo sample's training set. */
    public static List<Video> sampleTrain(int n) {
        return read(sample("train.jsonl"), n);
    }

    /** The first {@code n} films of the demo sample's test set (unseen by the tiny model). */
    public static List<Video> sampleTest(int n) {
        return read(sample("test.jsonl"), n);
    }

    /** A file of the demo sample: {@code data/sample/} in the repository. */
    public static Path sample(String name) {
        return repoRoot().resolve("data/sample").resolve(name);
    }

    /** The repository root: the nearest directory up from the working directory that holds {@code data/sample}. */
    public static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("data/sample"))) return p;
        }
        throw new IllegalStateException("no data/sample above " + Path.of("").toAbsolutePath());
    }

    /** Trains a tiny model on {@code videos} and writes its bundle into {@code dir}. */
    public static Path train(Path dir, List<Video> videos) {
        TextConfig text = TextConfig.defaults();
        TextPipeline pipeline = new TextPipeline(text);
        List<List<String>> features = videos.stream().map(pipeline::features).toList();

        Map<String, Long> df = new HashMap<>();
        for (List<String> f : features) {
            for (String term : new HashSet<>(f)) df.merge(term, 1L, Long::sum);
        }
        List<TermCount> counts = df.entrySet().stream().map(e -> new TermCount(e.getKey(), e.getValue())).toList();
        Vocabulary vocabulary = VocabularySelector.builder().minDocumentFrequency(2).maxDocumentFraction(0.5)
                .maxSize(5000).build().select(counts, videos.size());
        Vectorizer vectorizer = new Vectorizer(vocabulary, Weighting.TFIDF);

        Map<String, Integer> labelDocs = new TreeMap<>();
        videos.forEach(v -> v.labels().forEach(l -> labelDocs.merge(l, 1, Integer::sum)));
        List<String> labels = labelDocs.entrySet().stream().filter(e -> e.getValue() >= MIN_LABEL_DOCS)
                .map(Map.Entry::getKey).toList();

        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < videos.size(); i++) {
            SparseVector x = vectorizer.vectorize(features.get(i));
            int[] y = videos.get(i).labels().stream().mapToInt(labels::indexOf).filter(j -> j >= 0).toArray();
            if (!x.isEmpty() && y.length > 0) examples.add(new Example(x, y));
        }
        int validation = examples.size() / 5;
        TrainingData data = new TrainingData(examples.subList(validation, examples.size()),
                examples.subList(0, validation), labels, vocabulary.size());
        HyperParameters hp = HyperParameters.builder().hidden(32).epochs(3).batchSize(32).seed(7).build();
        TrainedModel model = TrainingRun.trainToEnd(data, hp, p -> {});
        ModelBundle.write(dir, model, vocabulary, text, Weighting.TFIDF, Map.of("train", "data/sample/train.jsonl"));
        return dir;
    }

    private static List<Video> read(Path file, int n) {
        try {
            List<Video> all = JsonLinesFiles.readVideos(file);
            return List.copyOf(all.subList(0, Math.min(n, all.size())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteOnExit(Path dir) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTrees.deleteQuietly(dir)));
    }

    /** Labels of the bundle as a set, for assertions. */
    public static Set<String> labels(Path bundleDir) {
        return new HashSet<>(ModelBundle.read(bundleDir).manifest().labels());
    }
}
