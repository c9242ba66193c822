package dev.categorizer.cli;

import picocli.CommandLine.Option;

/**
 * {@code --inference-threads}, shared by the commands that score ({@code score}, and the benchmarks' {@code bench}).
 *
 * <pre>{@code
 * @Mixin InferenceThreadsOption inferenceThreads = new InferenceThreadsOption();
 * ScoringOptions.builder(model).inferenceThreads(inferenceThreads.value());
 * }</pre>
 */
public final class InferenceThreadsOption {

    @Option(names = "--inference-threads", paramLabel = "N|auto", defaultValue = "auto",
            converter = InferenceThreadsConverter.class,
            description = "Threads per task that vectorize and score batches while the task reads on; 0 does all on "
                    + "the task thread; auto: 1 when the task manager has at least two cores per slot, else 0 "
                    + "(default: ${DEFAULT-VALUE}).")
    int inferenceThreads;

    /** The thread count given, or {@link dev.categorizer.jobs.score.ScoringOptions#AUTO_INFERENCE_THREADS}. */
    public int value() {
        return inferenceThreads;
    }
}
