package dev.categorizer.jobs.train;

import dev.categorizer.model.train.TrainedModel;
import dev.categorizer.model.train.TrainingCheckpoint;
import dev.categorizer.model.train.TrainingData;
import dev.categorizer.model.train.TrainingProgress;
import dev.categorizer.model.train.TrainingRun;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the model inside a Flink source: each {@link #pollNext} runs one mini-batch, so Flink's checkpoint
 * barriers fall between steps and {@link #snapshotState} can store the whole run ({@link TrainingCheckpoint}) in
 * the split. A split restored with a checkpoint resumes the run where it was. When the run is done it emits the
 * trained model (as bytes) once and ends.
 */
final class TrainingSourceReader implements SourceReader<byte[], TrainingSplit> {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingSourceReader.class);

    private final SourceReaderContext context;
    private final TrainingSpec spec;
    private final TrainingListener listener;
    private final Map<Long, Long> snapshotSteps = new TreeMap<>(); // checkpoint id -> global step it holds
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private TrainingSplit split;
    private boolean noMoreSplits;
    private TrainingRun run;
    private boolean emitted;

    TrainingSourceReader(SourceReaderContext context, TrainingSpec spec, TrainingListener listener) {
        this.context = context;
        this.spec = spec;
        this.listener = listener;
    }

    @Override
    public void start() {
        if (split == null) {
            context.sendSplitRequest();
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<byte[]> output) throws Exception {
        if (split == null || emitted) {
            if (noMoreSplits || emitted) {
                return InputStatus.END_OF_INPUT;
            }
            if (available.isDone()) {
                available = new CompletableFuture<>();
            }
            return InputStatus.NOTHING_AVAILABLE;
        }
        if (run == null) {
            open();
        }
        if (!run.isDone()) {
            TrainingProgress progress = run.step();
            if (progress.epochEnded()) {
                LOG.info(progress.describe());
            }
            listener.stepped(progress, run.globalStep());
            return InputStatus.MORE_AVAILABLE;
        }
        TrainedModel model = run.finish();
        LOG.info("training finished after {} epochs: {}", model.epochsRun(), model.validationMetrics());
        output.collect(TrainedModelBytes.of(model));
        emitted = true;
        return InputStatus.END_OF_INPUT;
    }

    private void open() throws Exception {
        TrainingData data = TrainingDataLoader.load(spec);
        TrainingCheckpoint checkpoint = split.checkpoint();
        if (checkpoint == null) {
            run = TrainingRun.start(data, spec.hyperParameters());
        } else {
            LOG.info("resuming training from a checkpoint taken after step {}", checkpoint.globalStep());
            run = TrainingRun.resume(data, spec.hyperParameters(), checkpoint);
            split = split.withCheckpoint(null); // the run holds the state now; free the copy
        }
        listener.started(run.globalStep());
    }

    @Override
    public List<TrainingSplit> snapshotState(long checkpointId) {
        if (split == null) {
            return List.of();
        }
        TrainingSplit state = run == null ? split : split.withCheckpoint(run.checkpoint());
        snapshotSteps.put(checkpointId, state.globalStep());
        return List.of(state);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        Long step = snapshotSteps.remove(checkpointId);
        snapshotSteps.keySet().removeIf(id -> id < checkpointId); // subsumed
        if (step != null) {
            listener.checkpointCompleted(checkpointId, step);
        }
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<TrainingSplit> splits) {
        if (splits.size() != 1 || split != null) {
            throw new IllegalStateException("a training reader takes exactly one split, got " + splits
                    + (split != null ? " in addition to one" : ""));
        }
        split = splits.get(0);
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public void close() {
        if (run != null) {
            run.close();
        }
    }
}
