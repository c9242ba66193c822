package dev.categorizer.jobs.evaluate;

import dev.categorizer.common.config.Locations;
import dev.categorizer.common.metrics.EvaluationResult;
import dev.categorizer.common.metrics.MultiLabelEvaluation;
import dev.categorizer.jobs.io.ParsedVideo;
import dev.categorizer.jobs.io.VideoFiles;
import dev.categorizer.jobs.score.ScoreJob;
import dev.categorizer.jobs.score.ScoredStreams;
import dev.categorizer.jobs.score.ScoringOptions;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.flink.bundle.LocalBundle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * The evaluate job: scores a labelled test set with a model bundle, with the same micro-batched scoring as the
 * score job, and computes multi-label metrics (micro/macro F1, P@1) over the bundle's labels. The test set is
 * read by a bounded Flink job; the (truth, predicted) pairs are collected and counted in the client.
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
 * EvaluationResult result = EvaluateJob.run(env, "models/films", "data/sample/test.jsonl");
 * System.out.println(result.toTable());
 * }</pre>
 */
public final class EvaluateJob {

    private static final int SAMPLE_REASONS = 3;

    private EvaluateJob() {}

    /** Evaluates the bundle at {@code modelPath} on the videos at {@code testPath} (file or directory). */
    public static EvaluationResult run(StreamExecutionEnvironment env, String modelPath, String testPath)
            throws Exception {
        return evaluate(env, ScoringOptions.builder(modelPath).build(), testPath).result();
    }

    /** Evaluates with explicit scoring options; also reports dead letters, the model version and the time. */
    public static EvaluationRun evaluate(StreamExecutionEnvironment env, ScoringOptions options, String testPath)
            throws Exception {
        long start = System.nanoTime();
        ModelBundle bundle;
        try (LocalBundle dir = LocalBundle.of(options.modelPath())) {
            bundle = ModelBundle.read(dir.directory(), options.trustedKeys());
        }
        DataStream<EvaluationOutcome> outcomes = outcomes(VideoFiles.read(env, testPath).rebalance(), options);

        MultiLabelEvaluation evaluation = new MultiLabelEvaluation(bundle.manifest().labels());
        long deadLettered = 0;
        List<String> reasons = new ArrayList<>();
        try (CloseableIterator<EvaluationOutcome> it = outcomes.executeAndCollect("evaluate " + Locations.redact(testPath))) {
            while (it.hasNext()) {
                EvaluationOutcome o = it.next();
                if (o.isRejected()) {
                    deadLettered++;
                    if (reasons.size() < SAMPLE_REASONS) reasons.add(o.rejection());
                } else {
                    evaluation.add(Arrays.asList(o.truth()), Arrays.asList(o.predicted()), o.topLabel());
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EvaluationRun(evaluation.result(), bundle.modelVersion(), deadLettered, reasons, seconds);
    }

    /**
     * Scores {@code videos}; every input comes out once, scored or rejected. A valid video that cannot be scored
     * counts as one with no predicted category ({@link UnscorableVideo}).
     */
    static DataStream<EvaluationOutcome> outcomes(DataStream<ParsedVideo> videos, ScoringOptions options) {
        TypeInformation<EvaluationOutcome> type = TypeInformation.of(EvaluationOutcome.class);
        ScoredStreams<EvaluationOutcome> scored =
                ScoreJob.scoreWith(videos, options, new OutcomeFormatter(), type, "evaluate-score");
        DataStream<EvaluationOutcome> rejected = scored.deadLetters()
                .map(new UnscorableVideo())
                .returns(type)
                .name("Rejected test records");
        return scored.results().union(rejected);
    }
}
