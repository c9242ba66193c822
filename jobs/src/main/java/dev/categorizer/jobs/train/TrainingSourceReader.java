package dev.categorizer.jobs.train;

import dev.categorizer.jobs.train.RoundEvents.RoundComplete;
import dev.categorizer.jobs.train.RoundEvents.RoundDone;
import dev.categorizer.jobs.train.RoundEvents.SaveDurable;
import dev.categorizer.model.examples.ExampleBuckets;
import dev.categorizer.jobs.io.FlinkTensorStore;
import dev.categorizer.model.tensor.TensorStore;
import dev.categorizer.model.train.Replicas;
import dev.categorizer.model.train.TrainedModel;
import dev.categorizer.model.train.TrainingCheckpoint;
import dev.categorizer.model.train.TrainingData;
import dev.categorizer.jobs.progress.LocalProgress;
import dev.categorizer.model.train.TrainingProgress;
import dev.categorizer.model.train.TrainingRun;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica of the training run, inside a Flink source reader: each {@link #pollNext} runs one mini-batch.
 * At the end of each round of {@link Replicas#syncSteps()} batches it writes its round delta to the state
 * directory, tells the enumerator, and waits (returning "nothing available", so checkpoints and other mail go
 * on) until every replica has done the same; then it merges all the deltas and ends the round. When asked, it
 * then saves its state ({@code save-<round>/replica-<r>/}: the weights by the first replica, the optimizer state
 * by each, block by block) before the next round.
 *
 * <p>The reader keeps no Flink state of its own: a restarted reader asks for its split again, and the enumerator
 * gives every replica the newest complete save to resume from, so the replicas always resume consistently. The
 * first replica emits the trained model (a small record that refers to the weights' files) once, at the end.
 */
final class TrainingSourceReader implements SourceReader<TrainingOutput, TrainingSplit> {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingSourceReader.class);

    private final SourceReaderContext context;
    private final TrainingSpec spec;
    private final TrainingListener listener;
    private final TensorStore store;
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private TrainingSplit split;
    private boolean noMoreSplits;
    private TrainingRun run;
    private Path examples;
    private long round; // rounds ended so far
    private boolean waiting; // for the other replicas to end the round
    private RoundComplete complete;
    private String saved; // a save written since the last message to the enumerator
    private long savedStep;
    private long saveMillis;
    private final Map<String, String> bestOfSave = new HashMap<>(); // saves written here -> best weights they use
    private boolean finished;
    private long waitStarted;
    private long waitedNanos; // this epoch, for other replicas and the enumerator
    private long mergeNanos; // this epoch, merging round deltas
    private final java.util.ArrayDeque<String> progressLines = new java.util.ArrayDeque<>(); // not yet emitted

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
    public InputStatus pollNext(ReaderOutput<TrainingOutput> output) throws Exception {
        if (!progressLines.isEmpty()) {
            output.collect(TrainingOutput.progress(progressLines.poll()));
            return InputStatus.MORE_AVAILABLE;
        }
        if (finished || (split == null && noMoreSplits)) {
            return InputStatus.END_OF_INPUT;
        }
        if (split == null) {
            return nothingYet();
        }
        if (run == null) {
            open();
        }
        if (waiting) {
            if (complete == null) {
                return nothingYet();
            }
            waitedNanos += System.nanoTime() - waitStarted;
            endRound(complete);
            complete = null;
            waiting = false;
            return InputStatus.MORE_AVAILABLE;
        }
        if (run.isDone()) {
            if (split.replica() == 0) {
                TrainedModel model = run.finish("model-" + run.globalStep());
                LOG.info("training finished after {} epochs: {}", model.epochsRun(), model.validationMetrics());
                output.collect(TrainingOutput.model(TrainedModelBytes.of(model)));
            }
            finished = true;
            return InputStatus.END_OF_INPUT;
        }
        if (!run.roundComplete()) {
            TrainingProgress progress = run.step();
            if (split.replica() == 0) LocalProgress.training(progress); // the command line's progress bar
            listener.stepped(progress, run.globalStep());
            return InputStatus.MORE_AVAILABLE;
        }
        if (split.replicas() > 1) {
            run.writeRoundDelta(store.create(SaveNames.delta(round, split.replica())));
        }
        waiting = true;
        waitStarted = System.nanoTime();
        context.sendSourceEventToCoordinator(new RoundDone(split.generation(), round, saved, savedStep, saveMillis));
        saved = null;
        return nothingYet();
    }

    private InputStatus nothingYet() {
        if (available.isDone()) {
            available = new CompletableFuture<>();
        }
        return InputStatus.NOTHING_AVAILABLE;
    }

    private void endRound(RoundComplete done) throws IOException {
        long mergeStarted = System.nanoTime();
        if (split.replicas() > 1) {
            List<InputStream> deltas = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int r = 0; r < split.replicas(); r++) {
                String name = SaveNames.delta(round, r);
                deltas.add(store.open(name));
                names.add(store.describe(name));
            }
            run.applyRoundDeltas(deltas, names);
            if (split.replica() == 0 && round > 0) {
                store.delete(SaveNames.deltas(round - 1)); // every replica has merged it: they all sent this round
            }
        }
        mergeNanos += System.nanoTime() - mergeStarted;
        TrainingProgress epoch = run.endRound();
        round++;
        if (epoch != null) {
            if (split.replica() == 0) {
                LOG.info(epoch.describe());
                progressLines.add(epoch.describe()); // for the client, through ProgressAccumulator
            }
            LOG.debug("replica {}: {} ms waiting for the other replicas, {} ms merging round deltas this epoch",
                    split.replica(), waitedNanos / 1_000_000, mergeNanos / 1_000_000);
            waitedNanos = 0;
            mergeNanos = 0;
            listener.stepped(epoch, run.globalStep());
        }
        if (done.save() && !run.isDone()) {
            save();
        }
    }

    private void save() throws IOException {
        long started = System.nanoTime();
        String save = SaveNames.save(round);
        String level = SaveNames.replica(save, split.replica());
        TrainingCheckpoint state = split.replica() == 0
                ? run.checkpoint(level)
                : run.checkpoint(level, SaveNames.replica(save, 0));
        try (DataOutputStream out = new DataOutputStream(store.create(SaveNames.state(save, split.replica())))) {
            out.writeLong(round);
            state.writeTo(out);
        }
        saved = save;
        savedStep = state.globalStep();
        saveMillis = (System.nanoTime() - started) / 1_000_000;
        bestOfSave.put(save, state.bestLocation());
        LOG.info("training state of step {} saved to {} in {} ms", state.globalStep(), store.describe(level),
                saveMillis);
    }

    private void open() throws Exception {
        examples = Files.createTempDirectory("categorizer-examples-");
        TrainingData data = TrainingDataLoader.load(spec, examples);
        Replicas replicas = Replicas.of(split.replica(), split.replicas())
                .withSyncSteps(spec.syncSteps())
                .withThreads(split.replicas() == 1 ? 0 : Math.max(1,
                        Runtime.getRuntime().availableProcessors() / split.replicas()));
        String restore = split.restoreFrom();
        if (restore == null) {
            run = TrainingRun.start(data, spec.hyperParameters(), store, replicas);
            round = 0;
        } else {
            TrainingCheckpoint checkpoint;
            try (DataInputStream in = new DataInputStream(store.open(SaveNames.state(restore, split.replica())))) {
                round = in.readLong();
                checkpoint = TrainingCheckpoint.readFrom(in);
            }
            LOG.info("replica {} resuming training from {} (step {})", split.replica(), store.describe(restore),
                    checkpoint.globalStep());
            run = TrainingRun.resume(data, spec.hyperParameters(), checkpoint, store, replicas);
            bestOfSave.put(restore, checkpoint.bestLocation());
        }
        listener.started(run.globalStep());
    }

    @Override
    public void handleSourceEvents(SourceEvent event) {
        if (split == null) {
            return;
        }
        if (event instanceof RoundComplete done && done.generation() == split.generation() && done.round() == round
                && waiting) {
            complete = done;
            available.complete(null);
        } else if (event instanceof SaveDurable durable && durable.generation() == split.generation()) {
            try {
                deleteUnusedBest(durable.save());
            } catch (IOException e) {
                LOG.warn("cannot delete old best weights: {}", e.getMessage());
            }
            listener.checkpointCompleted(durable.checkpointId(), durable.globalStep());
        }
    }

    /** Best weights (written by the first replica) that neither a kept save nor the run refers to. */
    private void deleteUnusedBest(String durable) throws IOException {
        if (split.replica() != 0 || run == null) {
            return;
        }
        long durableRound = SaveNames.round(durable);
        bestOfSave.keySet().removeIf(s -> SaveNames.round(s) < durableRound);
        Set<String> keep = new HashSet<>(bestOfSave.values());
        keep.add(run.bestLocation());
        for (String name : store.list("")) {
            if (name.startsWith("best-") && !keep.contains(name)) {
                store.delete(name);
            }
        }
    }

    @Override
    public List<TrainingSplit> snapshotState(long checkpointId) {
        return List.of(); // the enumerator's state says where every replica resumes
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
