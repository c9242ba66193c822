package dev.categorizer.jobs.score;

import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.deadletter.Rejections;
import dev.categorizer.jobs.io.ParsedVideo;
import dev.categorizer.model.predict.Predictor;
import dev.categorizer.flink.bundle.SharedPredictors;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.operators.ProcessingTimeService.ProcessingTimeCallback;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * Scores videos in micro-batches with a model loaded once per parallel task. Made by
 * {@link ScoringOperatorFactory}.
 *
 * <p>Valid videos are buffered; a batch is handed to the model when it is full, when its oldest video has waited
 * {@code batchTimeoutMillis} (a processing-time timer), before every checkpoint barrier
 * ({@link #prepareSnapshotPreBarrier}) and at the end of input ({@link #finish}). The batch is vectorized and
 * scored on the task's {@link InferenceQueue scoring threads} while this task thread goes on reading; results are
 * emitted on the task thread, in input order. Before a barrier and at the end every batch in flight is waited
 * for and emitted, so nothing buffered or in flight is in a snapshot and nothing can be lost by a failure: the
 * source rewinds to the checkpoint and the records are read again. Rejected input, empty or enormous text,
 * videos without a single known word and videos the model fails on alone go to the {@link #DEAD_LETTERS} side
 * output; a model that fails on a whole batch fails the task ({@link BatchScorer}), so that the batch is read
 * again after the restart, not dead-lettered.
 *
 * @param <OUT> what is emitted per scored video, made by the {@link ResultFormatter}
 */
public final class ScoringOperator<OUT> extends AbstractStreamOperator<OUT>
        implements OneInputStreamOperator<ParsedVideo, OUT>, ProcessingTimeCallback {

    private static final long serialVersionUID = 1L;

    /** Side output of everything that could not be scored. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    private final ScoringOptions options;
    private final ResultFormatter<OUT> formatter;
    private final transient MailboxExecutor mailbox;

    private transient SharedPredictors.Lease model;
    private transient Predictor predictor;
    private transient MicroBatchBuffer<Video> buffer;
    private transient InferenceQueue inference;
    private transient ScoringMetrics metrics;
    private transient boolean timerPending;

    ScoringOperator(StreamOperatorParameters<OUT> parameters, ScoringOptions options, ResultFormatter<OUT> formatter) {
        super(parameters);
        this.options = options;
        this.formatter = formatter;
        this.mailbox = parameters.getMailboxExecutor();
    }

    @Override
    public void open() throws Exception {
        super.open();
        metrics = new ScoringMetrics(getMetricGroup(), getRuntimeContext());
        buffer = new MicroBatchBuffer<>(options.batchSize(), ScoringOptions.MAX_BATCH_CHARS, options.batchTimeoutMillis());
        model = SharedPredictors.acquire(options.modelPath(), options.trustedKeys()); // one copy per task manager
        predictor = model.predictor();
        BatchScorer scorer = new BatchScorer(predictor, options.maxTextChars(), options.modelPath());
        String threadName = "categorizer-scoring-" + getRuntimeContext().getTaskInfo().getTaskNameWithSubtasks();
        int slots = getContainingTask().getEnvironment().getTaskManagerInfo().getConfiguration()
                .get(TaskManagerOptions.NUM_TASK_SLOTS);
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = InferenceThreads.resolve(options.inferenceThreads(), cores, slots);
        LOG.info("Scoring with {} inference thread(s) per task ({} cores, {} slots per task manager, option {})",
                threads, cores, slots, options.inferenceThreads());
        inference = new InferenceQueue(threads, scorer, threadName, this::wakeUp);
        metrics.modelLoaded();
    }

    @Override
    public void processElement(StreamRecord<ParsedVideo> element) throws Exception {
        metrics.read();
        ParsedVideo parsed = element.getValue();
        if (!parsed.isValid()) {
            deadLetter(parsed.deadLetter());
            return;
        }
        Video video = parsed.video(); // its text is checked when it is vectorized (BatchScorer)
        long now = getProcessingTimeService().getCurrentProcessingTime();
        if (buffer.add(video, VideoChecks.textChars(video), now, System.nanoTime())) {
            dispatch();
        } else if (!timerPending) {
            scheduleFlush(buffer.deadlineMillis());
        }
    }

    @Override
    public void onProcessingTime(long time) throws Exception {
        timerPending = false;
        if (buffer.isDue(time)) {
            dispatch();
        } else if (!buffer.isEmpty()) {
            scheduleFlush(buffer.deadlineMillis());
        }
    }

    private void scheduleFlush(long atMillis) {
        timerPending = true;
        getProcessingTimeService().registerTimer(atMillis, this);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        drainAll();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void finish() throws Exception {
        drainAll();
        super.finish();
    }

    @Override
    public void close() throws Exception {
        try {
            if (inference != null) inference.close();
            if (model != null) model.close(); // the last task of this version closes the predictor
        } finally {
            super.close();
        }
    }

    /** Hands the buffered batch to the scoring threads and emits whatever is done. */
    private void dispatch() throws Exception {
        if (!buffer.isEmpty()) {
            ScoredBatch oldest = unwrap(() -> inference.submit(buffer.drain()));
            if (oldest != null) emit(oldest);
        }
        emitDone();
    }

    /** Called on a scoring thread when a batch is done: lets the task thread emit it even if no input comes. */
    private void wakeUp() {
        try {
            mailbox.execute(this::emitDone, "emit scored batches");
        } catch (RejectedExecutionException e) {
            // The task is shutting down; finish() or the restart from a checkpoint takes care of the batch.
        }
    }

    private void emitDone() throws Exception {
        for (ScoredBatch done; (done = unwrap(inference::pollDone)) != null; ) {
            emit(done);
        }
    }

    private void drainAll() throws Exception {
        dispatch();
        while (!inference.isEmpty()) {
            emit(unwrap(inference::awaitOldest));
        }
    }

    private void emit(ScoredBatch batch) {
        int scored = batch.scoredCount();
        if (scored > 0) metrics.batch(scored);
        String scoredAt = Instant.now().toString();
        for (int i = 0; i < batch.size(); i++) {
            MicroBatchBuffer.Entry<Video> entry = batch.entries().get(i);
            if (!batch.isScored(i)) {
                deadLetter(Rejections.of(RawVideo.of(entry.item()), batch.failures()[i]));
                continue;
            }
            OUT result = formatter.format(entry.item(), batch.scores()[i], predictor, scoredAt);
            output.collect(new StreamRecord<>(result));
            metrics.scored(entry.arrivalNanos(), System.nanoTime());
        }
        if (scored > 0) metrics.emitted();
    }

    private void deadLetter(DeadLetter deadLetter) {
        metrics.deadLettered();
        output.collect(DEAD_LETTERS, new StreamRecord<>(deadLetter));
    }

    /** What a scoring thread threw, as thrown there (a model bug fails the task, as it would on this thread). */
    private static <R> R unwrap(QueueCall<R> call) throws Exception {
        try {
            return call.call();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) throw ex;
            if (cause instanceof Error err) throw err;
            throw e;
        }
    }

    @FunctionalInterface
    private interface QueueCall<R> {
        R call() throws ExecutionException, InterruptedException;
    }
}
