package dev.categorizer.model.predict;

/**
 * A model call that failed: TensorFlow threw, or a score came back that is not a finite number. A video that the
 * model fails on while the others of its batch score is that video's problem; a call that fails whatever videos
 * it gets is the model's, and the scoring job then fails with this exception (Flink restarts it from its last
 * checkpoint) rather than dead-lettering the whole stream.
 *
 * <pre>{@code
 * try {
 *     float[][] scores = predictor.scores(vectors);
 * } catch (ModelFailureException e) {
 *     // the message names the model and what went wrong, e.g. a NaN score
 * }
 * }</pre>
 */
public final class ModelFailureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelFailureException(String message) {
        super(message);
    }

    public ModelFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
