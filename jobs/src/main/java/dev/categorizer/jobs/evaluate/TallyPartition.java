package dev.categorizer.jobs.evaluate;

import dev.categorizer.common.metrics.EvaluationTally;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.util.Collector;

/**
 * Counts all the outcomes of one task into one {@link PartialEvaluation} and emits it (as bytes) at the end of
 * the input: a task's memory is one tally (labels × histogram bins, labels × labels), however many videos
 * pass, and the client merges one partial per task.
 */
final class TallyPartition implements MapPartitionFunction<EvaluationOutcome, byte[]> {
    private static final long serialVersionUID = 1L;
    static final int SAMPLE_REASONS = 3;

    private final List<String> labels;
    private final int bins;

    TallyPartition(List<String> labels, int bins) {
        this.labels = new ArrayList<>(labels);
        this.bins = bins;
    }

    @Override
    public void mapPartition(Iterable<EvaluationOutcome> outcomes, Collector<byte[]> out) {
        EvaluationTally tally = new EvaluationTally(labels, bins);
        long deadLettered = 0;
        List<String> reasons = new ArrayList<>();
        for (EvaluationOutcome o : outcomes) {
            if (o.isRejected()) {
                deadLettered++;
                if (reasons.size() < SAMPLE_REASONS) reasons.add(o.rejection());
            } else {
                tally.add(Arrays.asList(o.truth()), o.scores(), Arrays.asList(o.predicted()), o.topLabel());
            }
        }
        out.collect(new PartialEvaluation(tally, deadLettered, reasons).toBytes());
    }
}
