package dev.categorizer.sql.ml;

import dev.categorizer.common.record.Video;
import dev.categorizer.model.predict.Predictor;
import dev.categorizer.sql.bundle.PredictorCache;
import dev.categorizer.sql.score.VideoScores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.functions.AsyncPredictFunction;
import org.apache.flink.table.functions.FunctionContext;

/**
 * Scores the rows of {@code ML_PREDICT} in micro-batches, one TensorFlow call per batch: Flink's async operator
 * hands over up to {@code table.exec.async-ml-predict.max-concurrent-operations} rows at a time; a batch is scored
 * as soon as it has {@code batch.size} rows or its first row has waited {@code batch.max-delay}. The model's
 * answer is the same as row by row. Loads the bundle once per task, in {@link #open}.
 */
public class BatchingPredictFunction extends AsyncPredictFunction {
    private static final long serialVersionUID = 1L;

    private final String modelPath;
    private final List<OutputColumn> outputs;
    private final int batchSize;
    private final long maxDelayMicros;

    private transient PredictorCache predictors;
    private transient Predictor predictor;
    private transient StringData modelVersion;
    private transient ScheduledExecutorService timer;
    private transient List<Request> pending;

    public BatchingPredictFunction(String modelPath, List<OutputColumn> outputs, int batchSize, Duration maxDelay) {
        this.modelPath = modelPath;
        this.outputs = List.copyOf(outputs);
        this.batchSize = batchSize;
        this.maxDelayMicros = Math.max(1, maxDelay.toNanos() / 1000);
    }

    @Override
    public void open(FunctionContext context) throws Exception {
        super.open(context);
        predictors = new PredictorCache();
        predictor = predictors.get(modelPath);
        modelVersion = StringData.fromString(predictor.bundle().modelVersion());
        pending = new ArrayList<>(batchSize);
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "categorizer-predict-batch-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public CompletableFuture<Collection<RowData>> asyncPredict(RowData input) {
        Request request = new Request(PredictRows.video(input), new CompletableFuture<>());
        List<Request> full = null;
        synchronized (pending) {
            pending.add(request);
            if (pending.size() >= batchSize) {
                full = drain();
            } else if (pending.size() == 1) {
                timer.schedule(this::flushWaiting, maxDelayMicros, TimeUnit.MICROSECONDS);
            }
        }
        if (full != null) {
            score(full);
        }
        return request.result();
    }

    @Override
    public void close() throws Exception {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (predictors != null) {
            predictors.close();
        }
        super.close();
    }

    /** Scores what has waited long enough; a batch already taken by size leaves nothing or a younger batch. */
    private void flushWaiting() {
        List<Request> batch;
        synchronized (pending) {
            batch = drain();
        }
        if (!batch.isEmpty()) {
            score(batch);
        }
    }

    private List<Request> drain() {
        List<Request> batch = new ArrayList<>(pending);
        pending.clear();
        return batch;
    }

    private void score(List<Request> batch) {
        try {
            List<VideoScores> scored = VideoScores.scoreAll(predictor, batch.stream().map(Request::video).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(List.of(PredictRows.output(outputs, scored.get(i), modelVersion)));
            }
        } catch (RuntimeException e) {
            batch.forEach(r -> r.result().completeExceptionally(e));
        }
    }

    private record Request(Video video, CompletableFuture<Collection<RowData>> result) {}
}
