package dev.categorizer.jobs.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.common.metrics.EvaluationResult;
import dev.categorizer.common.record.Video;
import dev.categorizer.model.predict.Predictor;
import dev.categorizer.model.train.HyperParameters;
import dev.categorizer.model.train.TrainingProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training survives failures: Flink restarts the job and every replica resumes from the last complete save, and
 * the model is then bit for bit the one an uninterrupted run trains (same seed, same parallelism). Bit for bit,
 * not within a tolerance, because every source of order is fixed: example buckets sorted by id, shuffles and
 * dropout from the seed and the batch number, round deltas summed in replica order, and TensorFlow's kernels
 * on the same data and thread counts.
 */
class TrainJobRecoveryITCase {

    // Two task managers, and slots spread over both, so that losing one takes one replica with it.
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(2)
                    .setNumberSlotsPerTaskManager(2)
                    .setConfiguration(spreadOut())
                    .build());

    /** Fail only after a save of at least this many steps (of ~113 per epoch), so resuming is not trivial. */
    static final long FAIL_AFTER_STEPS = 150;
    static final HyperParameters HP = TrainJobITCase.SMALL.toBuilder().epochs(6).build();
    /**
     * Two replicas see the same batches as one, merged every few steps, which learns like a larger batch: after
     * six epochs they trail one replica by a few points (0.06 when this was written); full runs with early
     * stopping close most of the gap (BENCHMARKS.md).
     */
    static final double PARALLEL_TOLERANCE = 0.08;

    // Listeners are serialized into the job and re-created on restart; what they saw lives in this JVM's statics.
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicLong DURABLE_STEP = new AtomicLong();
    static final List<Long> STARTS = new CopyOnWriteArrayList<>();

    @TempDir
    Path tmp;

    private static Configuration spreadOut() {
        Configuration conf = new Configuration();
        conf.setString("taskmanager.load-balance.mode", "SLOTS");
        return conf;
    }

    @Test
    void aSingleReplicaResumedAfterATaskFailureTrainsTheSameModelAsAnUninterruptedRun() throws Exception {
        reset();
        Path sample = SampleEvaluation.sampleDirectory();
        train(1, "uninterrupted", TrainingListener.NONE);
        train(1, "resumed", new FailOnceAfterSave());

        assertThat(FAILED).isTrue();
        assertThat(STARTS).hasSize(2);
        assertThat(STARTS.get(0)).isZero();
        assertThat(STARTS.get(1)).as("global step the restarted run resumed from")
                .isGreaterThanOrEqualTo(FAIL_AFTER_STEPS);
        assertSameScores(tmp.resolve("uninterrupted"), tmp.resolve("resumed"), sample.resolve("test.jsonl"));
        EvaluationResult test = SampleEvaluation.evaluate(tmp.resolve("resumed"), sample.resolve("test.jsonl"));
        assertThat(test.microF1()).isGreaterThan(TrainJobITCase.MICRO_F1_BAR);
    }

    @Test
    void twoReplicasResumeTogetherAfterATaskManagerIsLostAndTrainTheSameModel(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        reset();
        Path sample = SampleEvaluation.sampleDirectory();
        train(1, "single", TrainingListener.NONE);
        train(2, "uninterrupted", TrainingListener.NONE);
        CompletableFuture<Void> training = CompletableFuture.runAsync(() -> {
            try {
                train(2, "resumed", new RecordSaves());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (DURABLE_STEP.get() < FAIL_AFTER_STEPS && !training.isDone()) {
            Thread.sleep(20);
        }
        assertThat(training).as("training still running when the save was durable").isNotDone();
        cluster.terminateTaskManager(0).get(30, TimeUnit.SECONDS);
        training.get(5, TimeUnit.MINUTES);

        assertThat(STARTS).as("each replica started, then resumed").hasSize(4);
        assertThat(STARTS.subList(2, 4)).as("both resumed from the same save").allSatisfy(step ->
                assertThat(step).isEqualTo(STARTS.get(2)).isGreaterThanOrEqualTo(FAIL_AFTER_STEPS));
        assertSameScores(tmp.resolve("uninterrupted"), tmp.resolve("resumed"), sample.resolve("test.jsonl"));
        double single = SampleEvaluation.evaluate(tmp.resolve("single"), sample.resolve("test.jsonl")).microF1();
        double parallel = SampleEvaluation.evaluate(tmp.resolve("resumed"), sample.resolve("test.jsonl")).microF1();
        assertThat(parallel).as("test micro-F1 of two replicas against one")
                .isCloseTo(single, org.assertj.core.data.Offset.offset(PARALLEL_TOLERANCE));
    }

    private void train(int parallelism, String name, TrainingListener listener) throws Exception {
        Path sample = SampleEvaluation.sampleDirectory();
        TrainJob.builder()
                .train(sample.resolve("train.jsonl").toString())
                .model(tmp.resolve(name).toString())
                .workDir(tmp.resolve("work-" + name).toString())
                .hyperParameters(HP)
                .trainingParallelism(parallelism)
                .checkpointInterval(Duration.ofMillis(200))
                .restarts(2, Duration.ofMillis(100))
                .listener(listener)
                .build()
                .run();
    }

    private static void assertSameScores(Path a, Path b, Path testFile) throws Exception {
        List<Video> videos = JsonLinesFiles.readVideos(testFile);
        try (Predictor first = Predictor.load(a); Predictor second = Predictor.load(b)) {
            assertThat(second.bundle().manifest().thresholds()).isEqualTo(first.bundle().manifest().thresholds());
            float[][] x = first.scoreVideos(videos);
            float[][] y = second.scoreVideos(videos);
            for (int i = 0; i < x.length; i++) {
                assertThat(y[i]).as("scores of test video %d", i).containsExactly(x[i]);
            }
        }
    }

    private static void reset() {
        FAILED.set(false);
        DURABLE_STEP.set(0);
        STARTS.clear();
    }

    /** Records where replicas start and which saves became durable. */
    static class RecordSaves implements TrainingListener {
        private static final long serialVersionUID = 1L;

        @Override
        public void started(long resumedFromStep) {
            STARTS.add(resumedFromStep);
        }

        @Override
        public void checkpointCompleted(long checkpointId, long globalStep) {
            DURABLE_STEP.accumulateAndGet(globalStep, Math::max);
        }
    }

    /** Throws once, at the first step after a save of {@link #FAIL_AFTER_STEPS} or more steps became durable. */
    static final class FailOnceAfterSave extends RecordSaves {
        private static final long serialVersionUID = 1L;

        @Override
        public void stepped(TrainingProgress progress, long globalStep) {
            if (DURABLE_STEP.get() >= FAIL_AFTER_STEPS && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at step " + globalStep);
            }
        }
    }
}
