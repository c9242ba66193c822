package dev.categorizer.jobs.train;

import dev.categorizer.common.vocab.Vectorizer;
import dev.categorizer.common.vocab.Vocabulary;
import dev.categorizer.common.vocab.Weighting;
import dev.categorizer.model.train.Example;
import dev.categorizer.model.train.HyperParameters;
import dev.categorizer.model.train.TrainingData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link TrainingData} of a run from the prepared documents: TF-IDF vectors over the vocabulary,
 * labels as indices into the sorted label list, and the validation set (given, or split off deterministically).
 * The same files always give the same data, which is what lets a restarted run resume from a checkpoint.
 */
final class TrainingDataLoader {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingDataLoader.class);

    static final Weighting WEIGHTING = Weighting.TFIDF;

    private TrainingDataLoader() {}

    static TrainingData load(TrainingSpec spec) throws IOException {
        Vocabulary vocabulary = PreparedFiles.readVocabulary(spec.vocabularyFile());
        Vectorizer vectorizer = new Vectorizer(vocabulary, WEIGHTING);
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int i = 0; i < spec.labels().size(); i++) {
            labelIndex.put(spec.labels().get(i), i);
        }
        List<PreparedDocument> train = PreparedFiles.readDocuments(spec.trainDirectory());
        List<PreparedDocument> validation;
        if (spec.validationDirectory() != null) {
            validation = PreparedFiles.readDocuments(spec.validationDirectory());
        } else {
            List<List<PreparedDocument>> split = split(train, spec.hyperParameters());
            train = split.get(0);
            validation = split.get(1);
        }
        LOG.info("training on {} documents, validating on {}, {} features, {} labels",
                train.size(), validation.size(), vocabulary.size(), spec.labels().size());
        return new TrainingData(
                examples(train, vectorizer, labelIndex),
                examples(validation, vectorizer, labelIndex),
                spec.labels(),
                vocabulary.size(),
                spec.validationDirectory() == null);
    }

    /** Training and validation documents; validation gets at least one document when there are two or more. */
    static List<List<PreparedDocument>> split(List<PreparedDocument> documents, HyperParameters hp) {
        ValidationSplit split = new ValidationSplit(hp.seed(), hp.validationFraction());
        List<PreparedDocument> train = new ArrayList<>();
        List<PreparedDocument> validation = new ArrayList<>();
        for (PreparedDocument d : documents) {
            (split.isValidation(d.id()) ? validation : train).add(d);
        }
        if (validation.isEmpty() && train.size() > 1) {
            PreparedDocument first = train.stream().min(Comparator.comparingDouble(d -> split.position(d.id()))).get();
            train.remove(first);
            validation.add(first);
        }
        return List.of(train, validation);
    }

    private static List<Example> examples(
            List<PreparedDocument> documents, Vectorizer vectorizer, Map<String, Integer> labelIndex) {
        List<Example> examples = new ArrayList<>(documents.size());
        for (PreparedDocument d : documents) {
            // Labels unseen in training (possible in a given validation set) have no output to score against.
            int[] labels = d.labels().stream().distinct().map(labelIndex::get).filter(i -> i != null)
                    .mapToInt(Integer::intValue).sorted().toArray();
            examples.add(new Example(vectorizer.vectorize(d.features()), labels));
        }
        return examples;
    }
}
