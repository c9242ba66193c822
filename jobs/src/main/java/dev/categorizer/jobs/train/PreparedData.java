package dev.categorizer.jobs.train;

import dev.categorizer.common.vocab.TermCount;
import java.util.List;
import java.util.SortedMap;

/**
 * What the prepare stage produced: where the prepared documents are, the document frequency of every training
 * term, the training labels (sorted, with their document counts) and the record counts.
 *
 * @param validationDirectory prepared validation documents, or null when validation is split from training
 */
public record PreparedData(
        String trainDirectory,
        String validationDirectory,
        List<TermCount> termCounts,
        SortedMap<String, Long> labelCounts,
        long trainDocuments,
        long validationDocuments,
        long deadLetters) {

    /** The training labels in sorted order: the model's output order. */
    public List<String> labels() {
        return List.copyOf(labelCounts.keySet());
    }
}
