package dev.categorizer.jobs.train;

import dev.categorizer.common.vocab.Vectorizer;
import dev.categorizer.common.vocab.Vocabulary;
import dev.categorizer.common.vocab.Weighting;
import dev.categorizer.model.examples.ExampleBuckets;
import dev.categorizer.model.examples.ExampleSet;
import dev.categorizer.model.train.HyperParameters;
import dev.categorizer.model.train.TrainingData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link TrainingData} of a run from the prepared documents, streaming: each document is vectorized
 * (TF-IDF over the vocabulary, labels as indices into the sorted label list) and written to example buckets on
 * local disk ({@link ExampleBuckets}); the validation set is the given one, or split off by a hash of the id.
 * Memory holds the vocabulary and one bucket at a time, not the corpus. The same files always give the same
 * data, bucket by bucket, which is what lets a restarted run resume from a checkpoint.
 */
final class TrainingDataLoader {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingDataLoader.class);

    static final Weighting WEIGHTING = Weighting.TFIDF;

    private TrainingDataLoader() {}

    /** Reads the prepared documents of {@code spec} into example buckets under {@code local}. */
    static TrainingData load(TrainingSpec spec, Path local) throws IOException {
        long started = System.nanoTime();
        Vocabulary vocabulary = PreparedFiles.readVocabulary(spec.vocabularyFile());
        Vectorizer vectorizer = new Vectorizer(vocabulary, WEIGHTING);
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int i = 0; i < spec.labels().size(); i++) {
            labelIndex.put(spec.labels().get(i), i);
        }
        Loaded loaded = spec.validationDirectory() != null
                ? loadGiven(spec, local, vectorizer, labelIndex)
                : loadHeldOut(spec, local, vectorizer, labelIndex, null);
        if (loaded.validation.isEmpty() && loaded.train.size() > 1 && spec.validationDirectory() == null) {
            // Tiny sets: the hash put nothing in validation; hold out the document nearest to the cut.
            loaded = loadHeldOut(spec, local, vectorizer, labelIndex, loaded.nearest);
        }
        LOG.info("training on {} documents, validating on {}, {} features, {} labels (examples ready in {} s)",
                loaded.train.size(), loaded.validation.size(), vocabulary.size(), spec.labels().size(),
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return new TrainingData(loaded.train, loaded.validation, spec.labels(), vocabulary.size(),
                spec.validationDirectory() == null);
    }

    private record Loaded(ExampleSet train, ExampleSet validation, String nearest) {}

    private static Loaded loadGiven(TrainingSpec spec, Path local, Vectorizer vectorizer,
            Map<String, Integer> labelIndex) throws IOException {
        ExampleSet train = bucket(spec.trainDirectory(), local.resolve("train"), spec.trainDocuments(),
                vectorizer, labelIndex);
        ExampleSet validation = bucket(spec.validationDirectory(), local.resolve("validation"),
                spec.validationDocuments(), vectorizer, labelIndex);
        return new Loaded(train, validation, null);
    }

    private static ExampleSet bucket(String directory, Path local, long expected, Vectorizer vectorizer,
            Map<String, Integer> labelIndex) throws IOException {
        ExampleBuckets.deleteDirectory(local);
        try (ExampleBuckets buckets = ExampleBuckets.create(local, expected)) {
            PreparedFiles.forEachDocument(directory, d -> add(buckets, d, vectorizer, labelIndex));
            return buckets.finish();
        }
    }

    /** Splits validation off the training documents; {@code forced} (an id) also goes to validation. */
    private static Loaded loadHeldOut(TrainingSpec spec, Path local, Vectorizer vectorizer,
            Map<String, Integer> labelIndex, String forced) throws IOException {
        HyperParameters hp = spec.hyperParameters();
        ValidationSplit split = new ValidationSplit(hp.seed(), hp.validationFraction());
        long expected = spec.trainDocuments();
        Path trainDir = local.resolve("train");
        Path validationDir = local.resolve("validation");
        ExampleBuckets.deleteDirectory(trainDir);
        ExampleBuckets.deleteDirectory(validationDir);
        String[] nearest = {null};
        double[] nearestPosition = {Double.MAX_VALUE};
        try (ExampleBuckets train = ExampleBuckets.create(trainDir, expected);
                ExampleBuckets validation = ExampleBuckets.create(validationDir,
                        (long) Math.ceil(expected * (double) hp.validationFraction()))) {
            PreparedFiles.forEachDocument(spec.trainDirectory(), d -> {
                double position = split.position(d.id());
                boolean toValidation = position < hp.validationFraction() || d.id().equals(forced);
                if (!toValidation && (position < nearestPosition[0]
                        || (position == nearestPosition[0] && d.id().compareTo(nearest[0]) < 0))) {
                    nearestPosition[0] = position;
                    nearest[0] = d.id();
                }
                add(toValidation ? validation : train, d, vectorizer, labelIndex);
            });
            return new Loaded(train.finish(), validation.finish(), nearest[0]);
        }
    }

    private static void add(ExampleBuckets buckets, PreparedDocument d, Vectorizer vectorizer,
            Map<String, Integer> labelIndex) throws IOException {
        // Labels unseen in training (possible in a given validation set) have no output to score against.
        int[] labels = d.labels().stream().distinct().map(labelIndex::get).filter(i -> i != null)
                .mapToInt(Integer::intValue).sorted().toArray();
        buckets.add(d.id(), vectorizer.vectorize(d.features()), labels);
    }
}
