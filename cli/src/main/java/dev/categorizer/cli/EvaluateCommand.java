package dev.categorizer.cli;

import dev.categorizer.jobs.evaluate.EvaluateJob;
import dev.categorizer.jobs.evaluate.EvaluationRun;
import dev.categorizer.jobs.score.ScoringOptions;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code categorizer evaluate}: scores a labelled test set and prints per-label precision, recall and F1, then,
 * as the last line, one JSON object (micro_f1, macro_f1, p_at_1, docs, labels, seconds, ...) for scripts.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Evaluates a model bundle on labelled videos: a table per label, then one line of JSON with "
                    + "micro_f1, macro_f1, p_at_1, docs, labels and seconds.",
            "Example: categorizer evaluate --model models/films --test data/sample/test.jsonl"
        })
public final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    TrustOptions trust = new TrustOptions();

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model bundle directory.")
    String model;

    @Option(names = "--test", required = true, paramLabel = "PATH",
            description = "File or directory of labelled videos (JSON lines or Parquet).")
    String test;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Parallel tasks (default: the cluster's default, or all cores locally).")
    Integer parallelism;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + ScoringOptions.DEFAULT_BATCH_SIZE,
            description = "Most videos scored by one model call (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        if (parallelism != null) env.setParallelism(parallelism);
        EvaluationRun run = EvaluateJob.evaluate(env, ScoringOptions.builder(model).batchSize(batchSize)
                .trustedKeys(trust.keys()).build(), test);
        System.out.print(run.result().toTable());
        if (run.deadLettered() > 0) System.out.println(run.describeDeadLetters());
        System.out.println(run.toJson());
        return 0;
    }
}
