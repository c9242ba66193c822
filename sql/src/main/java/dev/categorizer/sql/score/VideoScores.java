package dev.categorizer.sql.score;

import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.SparseVector;
import dev.categorizer.common.record.Video;
import dev.categorizer.model.predict.Predictor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One video's scores: a probability for every label of the model, and the categories over their thresholds, best
 * first. The one place where the SQL function and the SQL model decide, so that both answer alike.
 *
 * <p>A video without a single feature the model knows (empty or NULL title, description and tags, or only unknown
 * words) has no evidence for any category: its {@link #categories()} are empty, while {@link #scores()} still holds
 * what the model gives an empty input (its learned priors, low for all but the most frequent labels).
 *
 * <pre>{@code
 * VideoScores scored = VideoScores.score(predictor, VideoInputs.of(title, description, tags));
 * List<LabelScore> categories = scored.categories();
 * }</pre>
 */
public record VideoScores(List<String> labels, float[] scores, List<LabelScore> categories) {

    /** Scores one video with one model call. */
    public static VideoScores score(Predictor predictor, Video video) {
        return scoreAll(predictor, List.of(video)).get(0);
    }

    /** Scores several videos with one model call (a micro-batch). */
    public static List<VideoScores> scoreAll(Predictor predictor, List<Video> videos) {
        List<SparseVector> features = videos.stream().map(predictor::vectorize).toList();
        float[][] scores = predictor.scores(features);
        List<VideoScores> result = new ArrayList<>(videos.size());
        for (int i = 0; i < scores.length; i++) {
            List<LabelScore> categories = features.get(i).isEmpty() ? List.of() : predictor.decide(scores[i]);
            result.add(new VideoScores(predictor.labels(), scores[i], categories));
        }
        return result;
    }

    /** Every label's score, in the model's label order. */
    public Map<String, Double> scoreByLabel() {
        Map<String, Double> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            byLabel.put(labels.get(i), (double) scores[i]);
        }
        return byLabel;
    }
}
