package dev.categorizer.jobs.score;

import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.common.record.SparseVector;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.io.ParsedVideo;
import dev.categorizer.model.predict.Predictor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.operators.ProcessingTimeService.ProcessingTimeCallback;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * Scores videos in micro-batches with a model loaded once per parallel task.
 *
 * <p>Valid videos are buffered and scored together, one model call per batch, when the batch is full, when its
 * oldest video has waited {@code batchTimeoutMillis} (a processing-time timer), before every checkpoint barrier
 * ({@link #prepareSnapshotPreBarrier}) and at the end of input ({@link #finish}). So the buffer is always empty
 * when state is snapshotted and nothing buffered can be lost by a failure: the source rewinds to the checkpoint
 * and the records are read again. Rejected input, empty or enormous text and videos without a single known word
 * go to the {@link #DEAD_LETTERS} side output.
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

    private transient LocalModelDirectory modelDirectory;
    private transient Predictor predictor;
    private transient MicroBatchBuffer<Video> buffer;
    private transient ScoringMetrics metrics;
    private transient boolean timerPending;

    public ScoringOperator(ScoringOptions options, ResultFormatter<OUT> formatter) {
        this.options = options;
        this.formatter = formatter;
    }

    @Override
    public void open() throws Exception {
        super.open();
        metrics = new ScoringMetrics(getMetricGroup(), getRuntimeContext());
        buffer = new MicroBatchBuffer<>(options.batchSize(), options.batchTimeoutMillis());
        modelDirectory = LocalModelDirectory.of(options.modelPath());
        predictor = Predictor.load(modelDirectory.path());
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
        Video video = parsed.video();
        String rejection = VideoChecks.rejection(video, options.maxTextChars());
        if (rejection != null) {
            deadLetter(Rejections.of(RawVideo.of(video), rejection));
            return;
        }
        long now = getProcessingTimeService().getCurrentProcessingTime();
        if (buffer.add(video, now, System.nanoTime())) {
            flush();
        } else if (!timerPending) {
            scheduleFlush(buffer.deadlineMillis());
        }
    }

    @Override
    public void onProcessingTime(long time) throws Exception {
        timerPending = false;
        if (buffer.isDue(time)) {
            flush();
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
        flush();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void finish() throws Exception {
        flush();
        super.finish();
    }

    @Override
    public void close() throws Exception {
        try {
            if (predictor != null) predictor.close();
            if (modelDirectory != null) modelDirectory.close();
        } finally {
            super.close();
        }
    }

    private void flush() {
        if (buffer.isEmpty()) return;
        List<MicroBatchBuffer.Entry<Video>> batch = buffer.drain();
        List<MicroBatchBuffer.Entry<Video>> scorable = new ArrayList<>(batch.size());
        List<SparseVector> vectors = new ArrayList<>(batch.size());
        for (MicroBatchBuffer.Entry<Video> entry : batch) {
            Video video = entry.item();
            SparseVector vector;
            try {
                vector = predictor.vectorize(video);
            } catch (RuntimeException e) {
                deadLetter(Rejections.of(RawVideo.of(video), "cannot turn the text into features: " + e));
                continue;
            }
            if (vector.isEmpty()) {
                deadLetter(Rejections.of(RawVideo.of(video),
                        "no known token: none of the words of the video is in the model's vocabulary"));
                continue;
            }
            scorable.add(entry);
            vectors.add(vector);
        }
        if (scorable.isEmpty()) return;
        metrics.batch(scorable.size());
        float[][] scores;
        try {
            scores = predictor.scores(vectors);
        } catch (RuntimeException e) {
            scoreOneByOne(scorable, vectors);
            return;
        }
        emit(scorable, scores);
    }

    /** After a failed batch call, finds the records at fault: each is scored alone, failures become dead letters. */
    private void scoreOneByOne(List<MicroBatchBuffer.Entry<Video>> entries, List<SparseVector> vectors) {
        for (int i = 0; i < entries.size(); i++) {
            try {
                float[][] one = predictor.scores(List.of(vectors.get(i)));
                emit(List.of(entries.get(i)), one);
            } catch (RuntimeException e) {
                deadLetter(Rejections.of(RawVideo.of(entries.get(i).item()), "the model failed on this video: " + e));
            }
        }
    }

    private void emit(List<MicroBatchBuffer.Entry<Video>> entries, float[][] scores) {
        String scoredAt = Instant.now().toString();
        for (int i = 0; i < entries.size(); i++) {
            MicroBatchBuffer.Entry<Video> entry = entries.get(i);
            OUT result = formatter.format(entry.item(), scores[i], predictor, scoredAt);
            output.collect(new StreamRecord<>(result));
            metrics.scored(entry.arrivalNanos(), System.nanoTime());
        }
        metrics.emitted();
    }

    private void deadLetter(DeadLetter deadLetter) {
        metrics.deadLettered();
        output.collect(DEAD_LETTERS, new StreamRecord<>(deadLetter));
    }
}
