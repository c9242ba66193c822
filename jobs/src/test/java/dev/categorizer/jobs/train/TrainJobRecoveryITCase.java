package dev.categorizer.jobs.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.metrics.EvaluationResult;
import dev.categorizer.model.train.TrainingProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Training survives a task failure: Flink restarts it and the run resumes from the last checkpoint. */
class TrainJobRecoveryITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    /** Fail only after a checkpoint of at least this many steps (of ~113 per epoch), so resuming is not trivial. */
    static final long FAIL_AFTER_STEPS = 150;

    // The listener is serialized into the job and re-created on restart; what it saw lives in this JVM's statics.
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicLong CHECKPOINTED_STEP = new AtomicLong();
    static final List<Long> STARTS = new CopyOnWriteArrayList<>();

    @TempDir
    Path tmp;

    @Test
    void resumesFromACheckpointAfterAFailureAndStillLearns() throws Exception {
        Path sample = SampleEvaluation.sampleDirectory();

        TrainResult result = TrainJob.builder()
                .train(sample.resolve("train.jsonl").toString())
                .model(tmp.resolve("model").toString())
                .workDir(tmp.resolve("work").toString())
                .hyperParameters(TrainJobITCase.SMALL)
                .checkpointInterval(Duration.ofMillis(200))
                .restarts(2, Duration.ofMillis(100))
                .listener(new FailOnceAfterCheckpoint())
                .build()
                .run();

        assertThat(FAILED).isTrue();
        assertThat(STARTS).hasSize(2);
        assertThat(STARTS.get(0)).isZero();
        assertThat(STARTS.get(1)).as("global step the restarted run resumed from")
                .isGreaterThanOrEqualTo(FAIL_AFTER_STEPS);
        assertThat(result.validationMetrics().get("validation_micro_f1")).isGreaterThan(TrainJobITCase.MICRO_F1_BAR);
        EvaluationResult test = SampleEvaluation.evaluate(tmp.resolve("model"), sample.resolve("test.jsonl"));
        assertThat(test.microF1()).isGreaterThan(TrainJobITCase.MICRO_F1_BAR);
    }

    /** Throws once, at the first step after a checkpoint of {@link #FAIL_AFTER_STEPS} or more steps completed. */
    static final class FailOnceAfterCheckpoint implements TrainingListener {
        private static final long serialVersionUID = 1L;

        @Override
        public void started(long resumedFromStep) {
            STARTS.add(resumedFromStep);
        }

        @Override
        public void checkpointCompleted(long checkpointId, long globalStep) {
            CHECKPOINTED_STEP.accumulateAndGet(globalStep, Math::max);
        }

        @Override
        public void stepped(TrainingProgress progress, long globalStep) {
            if (CHECKPOINTED_STEP.get() >= FAIL_AFTER_STEPS && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at step " + globalStep);
            }
        }
    }
}
