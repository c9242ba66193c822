package dev.categorizer.sql.ml;

/** What a column of a categorizer model's {@code OUTPUT (...)} holds; told apart by the column's type. */
public enum OutputColumn {
    /** {@code ARRAY<ROW<label STRING, score DOUBLE>>}: the categories over their thresholds, best first. */
    CATEGORIES,
    /** {@code MAP<STRING, DOUBLE>}: every label's score. */
    SCORES,
    /** {@code STRING}: the version of the model bundle. */
    MODEL_VERSION
}
