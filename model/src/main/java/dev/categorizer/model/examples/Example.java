package dev.categorizer.model.examples;

import dev.categorizer.common.record.SparseVector;
import java.io.Serializable;

/** One training example: a document's features and the indices of its labels. */
public record Example(SparseVector features, int[] labels) implements Serializable {}
