package dev.categorizer.jobs.score;

import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.Video;
import dev.categorizer.model.predict.Predictor;

/** Formats a scored video as a {@link Prediction}: the categories over their thresholds and the model version. */
public final class PredictionFormatter implements ResultFormatter<Prediction> {
    private static final long serialVersionUID = 1L;

    @Override
    public Prediction format(Video video, float[] scores, Predictor predictor, String scoredAt) {
        return new Prediction(video.id(), predictor.decide(scores), predictor.bundle().modelVersion(), scoredAt);
    }
}
