package dev.categorizer.jobs.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands the one training split to the reader that asks for it, and takes it back when that reader fails before
 * a checkpoint kept it. Every other request is told there are no more splits.
 */
final class TrainingSplitEnumerator implements SplitEnumerator<TrainingSplit, List<TrainingSplit>> {

    private final SplitEnumeratorContext<TrainingSplit> context;
    private final Deque<TrainingSplit> pending;

    TrainingSplitEnumerator(SplitEnumeratorContext<TrainingSplit> context, List<TrainingSplit> pending) {
        this.context = context;
        this.pending = new ArrayDeque<>(pending);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtask, String requesterHostname) {
        TrainingSplit split = pending.poll();
        if (split != null) {
            context.assignSplit(split, subtask);
        }
        context.signalNoMoreSplits(subtask);
    }

    @Override
    public void addSplitsBack(List<TrainingSplit> splits, int subtask) {
        pending.addAll(splits);
    }

    @Override
    public void addReader(int subtask) {
        // readers ask for the split themselves
    }

    @Override
    public List<TrainingSplit> snapshotState(long checkpointId) {
        return new ArrayList<>(pending);
    }

    @Override
    public void close() {}
}
