package dev.categorizer.jobs.train;

import dev.categorizer.jobs.train.RoundEvents.RoundComplete;
import dev.categorizer.jobs.train.RoundEvents.RoundDone;
import dev.categorizer.jobs.train.RoundEvents.SaveDurable;
import dev.categorizer.jobs.io.FlinkTensorStore;
import dev.categorizer.model.tensor.TensorStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the replicas of a training run in step and decides when they save. It runs in the JobManager (the
 * source's coordinator) and sees only small messages:
 *
 * <ul>
 *   <li>A reader that asks gets the split of its replica, made from this enumerator's state: the newest save
 *       every replica completed, or none. A reader that asks again (it was restarted) opens a new generation;
 *       messages from an older one are ignored, and all replicas resume from the same save.</li>
 *   <li>When all replicas report a round done ({@link RoundDone}), it tells all of them ({@link RoundComplete}),
 *       asking for a save when the last one is older than the save interval, and at least ten times as old as a
 *       save takes, so that saving costs at most about a tenth of training time.</li>
 *   <li>A save counts once every replica reports it; a Flink checkpoint records it. When that checkpoint
 *       completes, older saves are deleted and the replicas hear of it ({@link SaveDurable}).</li>
 * </ul>
 */
final class TrainingSplitEnumerator implements SplitEnumerator<TrainingSplit, TrainingEnumeratorState> {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingSplitEnumerator.class);

    private final SplitEnumeratorContext<TrainingSplit> context;
    private final int replicas;
    private final long saveIntervalMillis;
    private final TensorStore store;
    private final Map<Integer, Long> assigned = new HashMap<>(); // subtask -> generation of its split
    private final Map<Long, TrainingEnumeratorState> atCheckpoint = new TreeMap<>();
    private final Map<String, Set<Integer>> saveReports = new HashMap<>();
    private final Set<Integer> roundReports = new HashSet<>();
    private long generation;
    private String lastSave;
    private long lastSaveStep;
    private long round = -1;
    private long lastSaveAt = System.currentTimeMillis();
    private long saveMillis;

    TrainingSplitEnumerator(SplitEnumeratorContext<TrainingSplit> context, TrainingSpec spec,
            TrainingEnumeratorState restored) {
        this.context = context;
        this.replicas = spec.replicas();
        this.saveIntervalMillis = spec.saveIntervalMillis();
        this.store = new FlinkTensorStore(spec.stateDirectory());
        if (restored != null) {
            lastSave = restored.lastSave();
            lastSaveStep = restored.lastSaveStep();
            generation = restored.generation() + 1;
        }
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtask, String requesterHostname) {
        if (subtask < replicas) {
            Long had = assigned.get(subtask);
            if (had != null && had == generation) {
                // A replica restarted: every replica starts again from the last save, in a new generation.
                generation++;
                roundReports.clear();
                saveReports.clear();
                round = -1;
                LOG.info("training replica {} restarted: generation {} resumes from {}", subtask, generation,
                        lastSave == null ? "the start" : lastSave);
            }
            assigned.put(subtask, generation);
            context.assignSplit(new TrainingSplit(subtask, replicas, generation, lastSave), subtask);
        }
        context.signalNoMoreSplits(subtask);
    }

    @Override
    public void handleSourceEvent(int subtask, SourceEvent event) {
        if (!(event instanceof RoundDone done) || done.generation() != generation
                || !Long.valueOf(generation).equals(assigned.get(subtask))) {
            return; // from an attempt that has been restarted
        }
        if (done.saved() != null) {
            Set<Integer> reported = saveReports.computeIfAbsent(done.saved(), k -> new HashSet<>());
            reported.add(subtask);
            saveMillis = Math.max(saveMillis, done.saveMillis());
            if (reported.size() == replicas) {
                saveReports.remove(done.saved());
                lastSave = done.saved();
                lastSaveStep = done.savedStep();
                lastSaveAt = System.currentTimeMillis();
                LOG.info("training saved at step {} ({}, {} ms)", lastSaveStep, lastSave, saveMillis);
            }
        }
        if (done.round() != round) {
            round = done.round();
            roundReports.clear();
        }
        roundReports.add(subtask);
        if (roundReports.size() == replicas) {
            boolean save = saveReports.isEmpty()
                    && System.currentTimeMillis() - lastSaveAt >= Math.max(saveIntervalMillis, 10 * saveMillis);
            if (save) {
                saveMillis = 0;
                lastSaveAt = System.currentTimeMillis(); // no second request while this one is under way
            }
            for (int r = 0; r < replicas; r++) {
                context.sendEventToSourceReader(r, new RoundComplete(generation, round, save));
            }
            roundReports.clear();
        }
    }

    @Override
    public void addSplitsBack(List<TrainingSplit> splits, int subtask) {
        // Splits are made afresh from this enumerator's state when a restarted reader asks.
    }

    @Override
    public void addReader(int subtask) {
        // readers ask for their split themselves
    }

    @Override
    public TrainingEnumeratorState snapshotState(long checkpointId) {
        TrainingEnumeratorState state = new TrainingEnumeratorState(lastSave, lastSaveStep, generation);
        atCheckpoint.put(checkpointId, state);
        return state;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        TrainingEnumeratorState durable = atCheckpoint.remove(checkpointId);
        atCheckpoint.keySet().removeIf(id -> id < checkpointId);
        if (durable == null || durable.lastSave() == null) {
            return;
        }
        long durableRound = SaveNames.round(durable.lastSave());
        try {
            for (String name : store.list("")) {
                if (SaveNames.isSave(name) && SaveNames.round(name) < durableRound) {
                    store.delete(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete old training saves: " + e.getMessage(), e);
        }
        for (var e : assigned.entrySet()) {
            if (e.getValue() == generation) {
                context.sendEventToSourceReader(e.getKey(),
                        new SaveDurable(generation, checkpointId, durable.lastSave(), durable.lastSaveStep()));
            }
        }
    }

    @Override
    public void close() {}
}
