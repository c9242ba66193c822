package dev.categorizer.jobs.evaluate;

/**
 * One test video after scoring: its true labels, the labels over their thresholds and the top-scored label; or,
 * for a record that could not be scored, why ({@code rejection} set, the rest empty).
 */
public record EvaluationOutcome(String[] truth, String[] predicted, String topLabel, String rejection) {

    private static final String[] NONE = new String[0];

    public static EvaluationOutcome scored(String[] truth, String[] predicted, String topLabel) {
        return new EvaluationOutcome(truth, predicted, topLabel, null);
    }

    public static EvaluationOutcome rejected(String reason) {
        return new EvaluationOutcome(NONE, NONE, null, reason);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
