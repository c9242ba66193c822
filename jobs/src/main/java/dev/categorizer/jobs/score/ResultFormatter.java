package dev.categorizer.jobs.score;

import dev.categorizer.common.record.Video;
import dev.categorizer.model.predict.Predictor;
import java.io.Serializable;

/**
 * Turns one scored video into what the scoring operator emits: a prediction for the score job, a
 * (truth, predicted) pair for the evaluation job.
 *
 * @param <OUT> the emitted type
 */
@FunctionalInterface
public interface ResultFormatter<OUT> extends Serializable {

    /**
     * @param video the scored video
     * @param scores one probability per label of {@code predictor.labels()}
     * @param predictor the loaded model, to decide thresholds and read its version
     * @param scoredAt ISO-8601 instant of the model call
     */
    OUT format(Video video, float[] scores, Predictor predictor, String scoredAt);
}
