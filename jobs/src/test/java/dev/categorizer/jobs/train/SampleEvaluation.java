package dev.categorizer.jobs.train;

import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.common.metrics.EvaluationResult;
import dev.categorizer.common.metrics.MultiLabelEvaluation;
import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.Video;
import dev.categorizer.model.predict.Predictor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helpers around the demo sample: where it is, and how a bundle scores on its test file. */
final class SampleEvaluation {

    private SampleEvaluation() {}

    /** data/sample of the checkout, found from the working directory (the module directory under Maven) up. */
    static Path sampleDirectory() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("data/sample/train.jsonl"))) {
                return d.resolve("data/sample");
            }
        }
        throw new IllegalStateException("data/sample not found above " + Path.of("").toAbsolutePath());
    }

    /** Scores the test videos with the bundle directly (no Flink), as an independent check of the job's output. */
    static EvaluationResult evaluate(Path bundle, Path testFile) throws IOException {
        List<Video> videos = JsonLinesFiles.readVideos(testFile);
        try (Predictor predictor = Predictor.load(bundle)) {
            MultiLabelEvaluation evaluation = new MultiLabelEvaluation(predictor.labels());
            float[][] scores = predictor.scoreVideos(videos);
            List<Prediction> predictions = predictor.predict(videos);
            for (int i = 0; i < videos.size(); i++) {
                List<String> predicted = predictions.get(i).categories().stream().map(LabelScore::label).toList();
                evaluation.add(videos.get(i).labels(), predicted, predictor.labels().get(argmax(scores[i])));
            }
            return evaluation.result();
        }
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
