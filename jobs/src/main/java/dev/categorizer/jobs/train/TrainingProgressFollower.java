package dev.categorizer.jobs.train;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;

/**
 * Prints the epochs of a training job that runs on a cluster, on the client that submitted it: polls the job's
 * progress accumulator ({@link ProgressAccumulator}) and hands each new line to {@code out}, then the lines the
 * final result holds that no poll saw. A line arrives with the TaskManager's next heartbeat to the JobManager
 * ({@code heartbeat.interval}, 10 s by default), so on a cluster an epoch line may come that much late.
 *
 * <pre>{@code
 * JobExecutionResult result = TrainingProgressFollower.follow(env.executeAsync(name), System.out::println);
 * }</pre>
 */
final class TrainingProgressFollower {
    private static final Duration POLL = Duration.ofSeconds(2);

    private TrainingProgressFollower() {}

    static JobExecutionResult follow(JobClient job, Consumer<String> out) throws Exception {
        CompletableFuture<JobExecutionResult> result = job.getJobExecutionResult();
        int printed = 0;
        while (true) {
            try {
                JobExecutionResult done = result.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
                printed = print(ProgressAccumulator.linesOf(done.getAllAccumulatorResults()), printed, out);
                return done;
            } catch (TimeoutException stillRunning) {
                printed = print(current(job), printed, out);
            }
        }
    }

    private static List<String> current(JobClient job) {
        try {
            Map<String, Object> accumulators = job.getAccumulators().get(POLL.toMillis(), TimeUnit.MILLISECONDS);
            return ProgressAccumulator.linesOf(accumulators);
        } catch (Exception notYet) { // scheduling, or just finished: the next poll or the result has them
            return List.of();
        }
    }

    private static int print(List<String> lines, int printed, Consumer<String> out) {
        for (int i = printed; i < lines.size(); i++) out.accept(lines.get(i));
        return Math.max(printed, lines.size());
    }
}
