package dev.categorizer.jobs.train;

import dev.categorizer.model.examples.ExampleBuckets;
import dev.categorizer.model.tensor.TensorStore;
import dev.categorizer.model.train.TrainedModel;
import dev.categorizer.model.train.TrainingCheckpoint;
import dev.categorizer.model.train.TrainingData;
import dev.categorizer.model.train.TrainingProgress;
import dev.categorizer.model.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * barriers fall between steps. {@link #snapshotState} writes the run's tensors to files under the spec's state
 * directory ({@code chk-<id>/}, block by block) and puts only their names and checksums in the split; a split
 * restored with such a checkpoint resumes the run where it was. Files of a checkpoint are deleted once a later
 * checkpoint has completed (it subsumes them), and best-weight files once no kept checkpoint refers to them.
 * When the run is done it emits the trained model (a small record that refers to the weights' files) once and
 * ends.
 */
final class TrainingSourceReader implements SourceReader<byte[], TrainingSplit> {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingSourceReader.class);

    private final SourceReaderContext context;
    private final TrainingSpec spec;
    private final TrainingListener listener;
    private final TensorStore store;
    private final Map<Long, TrainingCheckpoint> snapshots = new TreeMap<>(); // checkpoint id -> what it holds
    private TrainingCheckpoint completed; // the newest completed checkpoint's state, or the one restored from
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private TrainingSplit split;
    private boolean noMoreSplits;
    private TrainingRun run;
    private Path examples;
    private boolean emitted;

    TrainingSourceReader(SourceReaderContext context, TrainingSpec spec, TrainingListener listener) {
        this.context = context;
        this.spec = spec;
        this.listener = listener;
        this.store = new FlinkTensorStore(spec.stateDirectory());
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
        TrainedModel model = run.finish("model-" + run.globalStep());
        LOG.info("training finished after {} epochs: {}", model.epochsRun(), model.validationMetrics());
        output.collect(TrainedModelBytes.of(model));
        emitted = true;
        return InputStatus.END_OF_INPUT;
    }

    private void open() throws Exception {
        examples = Files.createTempDirectory("categorizer-examples-");
        TrainingData data = TrainingDataLoader.load(spec, examples);
        TrainingCheckpoint checkpoint = split.checkpoint();
        if (checkpoint == null) {
            run = TrainingRun.start(data, spec.hyperParameters(), store);
        } else {
            LOG.info("resuming training from a checkpoint taken after step {}", checkpoint.globalStep());
            run = TrainingRun.resume(data, spec.hyperParameters(), checkpoint, store);
            completed = checkpoint; // kept until a newer checkpoint completes
        }
        listener.started(run.globalStep());
    }

    @Override
    public List<TrainingSplit> snapshotState(long checkpointId) {
        if (split == null) {
            return List.of();
        }
        if (run == null) {
            return List.of(split); // not opened yet: the split still holds what it was restored with
        }
        long started = System.nanoTime();
        TrainingCheckpoint state = run.checkpoint("chk-" + checkpointId);
        snapshots.put(checkpointId, state);
        LOG.info("training state of step {} written to {} in {} ms", state.globalStep(),
                store.describe(state.variablesLocation()), (System.nanoTime() - started) / 1_000_000);
        return List.of(split.withCheckpoint(state));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws IOException {
        TrainingCheckpoint done = snapshots.remove(checkpointId);
        if (done == null) {
            return;
        }
        // Everything older is subsumed: its files are no longer needed for any restore.
        for (var it = snapshots.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey() < checkpointId) {
                store.delete(e.getValue().variablesLocation());
                it.remove();
            }
        }
        if (completed != null && !completed.variablesLocation().equals(done.variablesLocation())) {
            store.delete(completed.variablesLocation());
        }
        completed = done;
        deleteUnreferencedBest();
        listener.checkpointCompleted(checkpointId, done.globalStep());
    }

    /** Best-weight files that neither the completed checkpoint, a pending one, nor the run itself refers to. */
    private void deleteUnreferencedBest() throws IOException {
        Set<String> keep = new HashSet<>();
        keep.add(completed.bestLocation());
        snapshots.values().forEach(s -> keep.add(s.bestLocation()));
        keep.add(run == null ? null : run.bestLocation());
        for (String name : store.list("")) {
            if (name.startsWith("best-") && !keep.contains(name)) {
                store.delete(name);
            }
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
    public void close() throws IOException {
        if (run != null) {
            run.close();
        }
        if (examples != null) {
            ExampleBuckets.deleteDirectory(examples.resolve("train"));
            ExampleBuckets.deleteDirectory(examples.resolve("validation"));
            Files.deleteIfExists(examples);
        }
    }
}
