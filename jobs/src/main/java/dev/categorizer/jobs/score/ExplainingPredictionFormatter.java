package dev.categorizer.jobs.score;

import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.Video;
import dev.categorizer.model.explain.Explainer;
import dev.categorizer.model.predict.Predictor;
import java.util.List;

/**
 * Formats a scored video as a {@link Prediction} whose categories each carry the {@code top} words or tags that
 * pushed them most ({@code score --explain K}). The categories are decided on the batch's scores, as without
 * explanations; explaining them is one more model call for each video that has any.
 */
public final class ExplainingPredictionFormatter implements ResultFormatter<Prediction> {
    private static final long serialVersionUID = 1L;

    private final int top;

    public ExplainingPredictionFormatter(int top) {
        if (top <= 0) throw new IllegalArgumentException("top must be > 0, got " + top);
        this.top = top;
    }

    @Override
    public Prediction format(Video video, float[] scores, Predictor predictor, String scoredAt) {
        List<LabelScore> categories = predictor.decide(scores);
        return new Prediction(video.id(), categories, predictor.bundle().modelVersion(), scoredAt,
                Explainer.byLabel(new Explainer(predictor).explain(video, categories, top)));
    }
}
