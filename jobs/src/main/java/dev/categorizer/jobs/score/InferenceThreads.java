package dev.categorizer.jobs.score;

/**
 * How many scoring threads a task gets when {@link ScoringOptions#inferenceThreads()} is
 * {@link ScoringOptions#AUTO_INFERENCE_THREADS}: one when its task manager has at least two cores per slot, so
 * that the pipeline (text work and TensorFlow beside the task thread) has a core to run on, and none when every
 * core already has a slot of its own (measured: with as many busy slots as cores, extra scoring threads only add
 * hand-offs and were 25% slower; BENCHMARKS.md).
 *
 * <pre>{@code
 * int threads = InferenceThreads.resolve(options.inferenceThreads(), Runtime.getRuntime().availableProcessors(), slots);
 * }</pre>
 */
public final class InferenceThreads {

    private InferenceThreads() {}

    /**
     * @param option the configured count, or {@link ScoringOptions#AUTO_INFERENCE_THREADS}
     * @param cores the task manager's cores
     * @param slots the task manager's slots
     */
    public static int resolve(int option, int cores, int slots) {
        if (option != ScoringOptions.AUTO_INFERENCE_THREADS) {
            return option;
        }
        return cores >= 2 * Math.max(1, slots) ? 1 : 0;
    }
}
