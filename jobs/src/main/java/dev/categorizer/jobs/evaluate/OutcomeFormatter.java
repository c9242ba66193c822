package dev.categorizer.jobs.evaluate;

import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.score.ResultFormatter;
import dev.categorizer.model.predict.Predictor;
import java.util.List;

/** Formats a scored test video as an {@link EvaluationOutcome}: truth, scores, labels over threshold, top label. */
final class OutcomeFormatter implements ResultFormatter<EvaluationOutcome> {
    private static final long serialVersionUID = 1L;

    @Override
    public EvaluationOutcome format(Video video, float[] scores, Predictor predictor, String scoredAt) {
        List<String> labels = predictor.labels();
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) best = i;
        }
        String[] predicted = predictor.decide(scores).stream().map(LabelScore::label).toArray(String[]::new);
        return EvaluationOutcome.scored(video.labels().toArray(String[]::new), scores.clone(), predicted,
                labels.get(best));
    }
}
