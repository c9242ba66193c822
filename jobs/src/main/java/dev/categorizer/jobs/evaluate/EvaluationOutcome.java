package dev.categorizer.jobs.evaluate;

/**
 * One test video after scoring: its true labels, its score for every label of the model (in label order), the
 * labels over their thresholds and the top-scored label; for a valid video that could not be scored, the truth
 * with no scores ({@code scores} null) and nothing predicted; for a record that is not a video, why
 * ({@code rejection} set, the rest empty).
 */
public record EvaluationOutcome(String[] truth, float[] scores, String[] predicted, String topLabel, String rejection) {

    private static final String[] NONE = new String[0];

    public static EvaluationOutcome scored(String[] truth, float[] scores, String[] predicted, String topLabel) {
        return new EvaluationOutcome(truth, scores, predicted, topLabel, null);
    }

    /** A valid video that could not be scored: its labels count as misses. */
    public static EvaluationOutcome unscored(String[] truth) {
        return new EvaluationOutcome(truth, null, NONE, null, null);
    }

    public static EvaluationOutcome rejected(String reason) {
        return new EvaluationOutcome(NONE, null, NONE, null, reason);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
