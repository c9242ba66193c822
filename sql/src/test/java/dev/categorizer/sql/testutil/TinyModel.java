package dev.categorizer.sql.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.categorizer.common.codec.JsonLinesFiles;
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
import dev.categorizer.model.trust.TrustedKeys;
import dev.categorizer.sql.bundle.ModelAccess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A tiny model bundle for tests: trained once per JVM on the first few hundred videos of the film sample (hidden
 * 32, 2 epochs), written into the directory a test gives (its {@code @TempDir}). Tests are skipped when the sample
 * is absent.
 *
 * <pre>{@code
 * @TempDir Path tmp;
 * Path bundle = TinyModel.writeBundle(tmp.resolve("model"));
 * }</pre>
 */
public final class TinyModel {
    static {
        // The tests' bundles are in temporary directories: let SQL load from there, as a model root would.
        ModelAccess.install(ModelAccess.of(List.of(System.getProperty("java.io.tmpdir")), TrustedKeys.none()));
    }


    private static final int TRAIN = 320;
    private static final int VALIDATION = 80;

    private static Trained trained;
    private static Trained other;

    private TinyModel() {}

    /** Writes the tiny model's bundle into {@code directory} and returns it. */
    public static synchronized Path writeBundle(Path directory) {
        if (trained == null) {
            trained = train(sampleVideos("train.jsonl", TRAIN + VALIDATION), TRAIN,
                    HyperParameters.builder().hidden(32).epochs(2).batchSize(32).seed(7).build());
        }
        ModelBundle.write(directory, trained.model(), trained.vocabulary(), trained.text(), Weighting.TFIDF,
                Map.of("train", "film sample (first " + (TRAIN + VALIDATION) + " videos)"));
        return directory;
    }

    /** Writes a second, different model (other seed, smaller hidden layer) into {@code directory}. */
    public static synchronized Path writeOtherBundle(Path directory) {
        if (other == null) {
            other = train(sampleVideos("train.jsonl", TRAIN + VALIDATION), TRAIN,
                    HyperParameters.builder().hidden(16).epochs(2).batchSize(32).seed(11).build());
        }
        ModelBundle.write(directory, other.model(), other.vocabulary(), other.text(), Weighting.TFIDF,
                Map.of("train", "film sample (other seed)"));
        return directory;
    }

    /** A JSON-lines file of the film sample ({@code train.jsonl} or {@code test.jsonl}); skips the test if absent. */
    public static Path sampleFile(String name) {
        Path root = RepoRoot.find();
        for (Path candidate : List.of(root.resolve("data/sample").resolve(name),
                root.resolve("../shared/sample-video").resolve(name))) {
            if (Files.isRegularFile(candidate)) {
                return candidate.normalize();
            }
        }
        assumeTrue(false, "the film sample (" + name + ") is absent");
        return null;
    }

    /** The first {@code n} videos of a sample file. */
    public static List<Video> sampleVideos(String name, int n) {
        try {
            List<Video> all = JsonLinesFiles.readVideos(sampleFile(name));
            return all.subList(0, Math.min(n, all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Trains on {@code videos} (the first {@code trainCount} to fit, the rest to validate) and writes the bundle to
     * {@code directory}; for making a benchmark model from the test classpath.
     */
    public static Path trainBundle(List<Video> videos, int trainCount, HyperParameters hp, Path directory) {
        Trained t = train(videos, trainCount, hp);
        ModelBundle.write(directory, t.model(), t.vocabulary(), t.text(), Weighting.TFIDF, Map.of());
        return directory;
    }

    private static Trained train(List<Video> videos, int trainCount, HyperParameters hp) {
        TextConfig text = TextConfig.defaults();
        TextPipeline pipeline = new TextPipeline(text);
        List<List<String>> features = videos.stream().map(pipeline::features).toList();

        Map<String, Long> documentFrequencies = new TreeMap<>();
        for (List<String> document : features) {
            for (String term : new HashSet<>(document)) {
                documentFrequencies.merge(term, 1L, Long::sum);
            }
        }
        List<TermCount> counts = new ArrayList<>();
        documentFrequencies.forEach((term, df) -> counts.add(new TermCount(term, df)));
        Vocabulary vocabulary = VocabularySelector.builder().minDocumentFrequency(2).build()
                .select(counts, videos.size());
        Vectorizer vectorizer = new Vectorizer(vocabulary, Weighting.TFIDF);

        Set<String> labelSet = new TreeSet<>();
        videos.forEach(v -> labelSet.addAll(v.labels()));
        List<String> labels = List.copyOf(labelSet);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < videos.size(); i++) {
            int[] labelIndices = videos.get(i).labels().stream().mapToInt(labels::indexOf).toArray();
            examples.add(new Example(vectorizer.vectorize(features.get(i)), labelIndices));
        }
        TrainingData data = new TrainingData(examples.subList(0, trainCount),
                examples.subList(trainCount, examples.size()),
                labels, vocabulary.size());
        TrainedModel model = TrainingRun.trainToEnd(data, hp, progress -> {});
        return new Trained(model, vocabulary, text);
    }

    private record Trained(TrainedModel model, Vocabulary vocabulary, TextConfig text) {}
}
