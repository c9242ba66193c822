package dev.categorizer.jobs.cli;

import picocli.CommandLine.Option;

/** {@code --inference-threads}, shared by the commands that score ({@code score}, {@code bench}). */
final class InferenceThreadsOption {

    @Option(names = "--inference-threads", paramLabel = "N|auto", defaultValue = "auto",
            converter = InferenceThreadsConverter.class,
            description = "Threads per task that vectorize and score batches while the task reads on; 0 does all on "
                    + "the task thread; auto: 1 when the task manager has at least two cores per slot, else 0 "
                    + "(default: ${DEFAULT-VALUE}).")
    int inferenceThreads;
}
