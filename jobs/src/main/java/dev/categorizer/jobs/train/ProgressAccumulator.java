package dev.categorizer.jobs.train;

import java.util.ArrayList;
import org.apache.flink.api.common.accumulators.ListAccumulator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Collects the training source's progress lines in an accumulator ({@value #NAME}) and passes the model record
 * on. Accumulators of a running job reach the JobManager with the TaskManager's heartbeats, and Flink's client
 * can read them ({@code JobClient#getAccumulators}): that is how {@code flink run ... train} shows the epochs of a
 * job that runs elsewhere ({@link TrainingProgressFollower}).
 */
final class ProgressAccumulator extends RichFlatMapFunction<TrainingOutput, byte[]> {
    static final String NAME = "categorizer-training-progress";

    private transient ListAccumulator<String> lines;

    @Override
    public void open(OpenContext context) {
        lines = new ListAccumulator<>();
        getRuntimeContext().addAccumulator(NAME, lines);
    }

    @Override
    public void flatMap(TrainingOutput output, Collector<byte[]> out) {
        if (output.progress != null) {
            lines.add(output.progress);
        } else if (output.model != null) {
            out.collect(output.model);
        }
    }

    /** The lines of an accumulator map such as {@code JobClient#getAccumulators} returns; empty if none yet. */
    @SuppressWarnings("unchecked")
    static java.util.List<String> linesOf(java.util.Map<String, Object> accumulators) {
        Object value = accumulators.get(NAME);
        return value instanceof java.util.List<?> list ? (java.util.List<String>) list : new ArrayList<>();
    }
}
