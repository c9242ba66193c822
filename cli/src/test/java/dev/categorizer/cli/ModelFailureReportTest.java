package dev.categorizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.model.predict.ModelFailureException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.client.JobExecutionException;
import org.apache.flink.util.SerializedThrowable;
import org.junit.jupiter.api.Test;

/** A model failure is found however deep Flink wraps it, also when it arrives as Flink's serialized stand-in. */
class ModelFailureReportTest {

    private static final ModelFailureException FAILURE = new ModelFailureException("model v1 (models/v1) failed");

    @Test
    void findsTheModelFailureAmongTheCausesOfAFailedJob() {
        Exception failed = new JobExecutionException(new JobID(), "Job execution failed.",
                new RuntimeException("Recovery is suppressed", FAILURE));
        assertThat(ModelFailureReport.modelFailure(failed)).contains("model v1 (models/v1) failed");
    }

    @Test
    void findsItAsASerializedThrowableToo() {
        Exception failed = new RuntimeException("Job execution failed.", new SerializedThrowable(FAILURE));
        assertThat(ModelFailureReport.modelFailure(failed)).contains("model v1 (models/v1) failed");
    }

    @Test
    void anyOtherErrorIsNotOne() {
        assertThat(ModelFailureReport.modelFailure(new IllegalStateException("disk full"))).isEmpty();
    }
}
