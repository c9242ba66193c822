package dev.categorizer.jobs.evaluate;

import dev.categorizer.common.config.Locations;
import dev.categorizer.common.metrics.EvaluationResult;
import dev.categorizer.common.metrics.EvaluationTally;
import dev.categorizer.jobs.io.ParsedVideo;
import dev.categorizer.jobs.io.VideoFiles;
import dev.categorizer.jobs.score.ScoreJob;
import dev.categorizer.jobs.score.ScoredStreams;
import dev.categorizer.jobs.score.ScoringOptions;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.flink.bundle.LocalBundle;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * The evaluate job: scores a labelled test set with a model bundle, with the same micro-batched scoring as the
 * score job, and computes multi-label metrics (micro/macro F1, P@1, labels per video) over the bundle's labels,
 * and what the evaluation report draws (score histograms, confused pairs). The test set is read by a bounded
 * Flink job; each task counts its videos into one {@link EvaluationTally} (memory bounded by the labels, not the
 * videos), and the client merges one tally per task.
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
 * EvaluationResult result = EvaluateJob.run(env, "models/films", "data/sample/test.jsonl");
 * System.out.println(result.toTable());
 * }</pre>
 */
public final class EvaluateJob {

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
        List<String> labels = bundle.manifest().labels();
        DataStream<byte[]> partials = outcomes(VideoFiles.read(env, testPath).rebalance(), options)
                .fullWindowPartition()
                .mapPartition(new TallyPartition(labels, EvaluationTally.DEFAULT_BINS))
                .returns(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                .name("Evaluation tally");

        EvaluationTally tally = new EvaluationTally(labels, EvaluationTally.DEFAULT_BINS);
        long deadLettered = 0;
        List<String> reasons = new ArrayList<>();
        try (CloseableIterator<byte[]> it = partials.executeAndCollect("evaluate " + Locations.redact(testPath))) {
            while (it.hasNext()) {
                PartialEvaluation partial = PartialEvaluation.fromBytes(it.next());
                tally.merge(partial.tally());
                deadLettered += partial.deadLettered();
                for (String reason : partial.sampleReasons()) {
                    if (reasons.size() < TallyPartition.SAMPLE_REASONS) reasons.add(reason);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EvaluationRun(tally, bundle.manifest(), deadLettered, reasons, seconds);
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
