package dev.categorizer.sql.ml;

import java.time.Duration;
import java.util.List;
import org.apache.flink.table.api.config.MLPredictRuntimeConfigOptions;
import org.apache.flink.table.functions.AsyncPredictFunction;
import org.apache.flink.table.functions.PredictFunction;
import org.apache.flink.table.ml.AsyncPredictRuntimeProvider;
import org.apache.flink.table.ml.ModelProvider;
import org.apache.flink.table.ml.PredictRuntimeProvider;

/**
 * A checked categorizer model: where its bundle is and which outputs the query wants. Offers both ways Flink runs
 * ML_PREDICT: asynchronous (Flink's default when both exist; scores micro-batches) and synchronous (row by row,
 * when the query passes {@code MAP['async', 'false']}).
 */
public final class CategorizerModelProvider implements PredictRuntimeProvider, AsyncPredictRuntimeProvider {

    private final String modelPath;
    private final List<OutputColumn> outputs;
    private final int batchSize;
    private final Duration batchMaxDelay;
    private final int sessionMaxConcurrentOperations;

    /**
     * @param sessionMaxConcurrentOperations the session's {@code table.exec.async-ml-predict.max-concurrent-operations}
     */
    public CategorizerModelProvider(String modelPath, List<OutputColumn> outputs, int batchSize,
            Duration batchMaxDelay, int sessionMaxConcurrentOperations) {
        this.modelPath = modelPath;
        this.outputs = List.copyOf(outputs);
        this.batchSize = batchSize;
        this.batchMaxDelay = batchMaxDelay;
        this.sessionMaxConcurrentOperations = sessionMaxConcurrentOperations;
    }

    @Override
    public PredictFunction createPredictFunction(Context context) {
        return new CategorizerPredictFunction(modelPath, outputs);
    }

    /**
     * A batch never waits for more rows than Flink lets be in flight (the query's {@code 'max-concurrent-operations'}
     * or the session's), or every batch would wait for {@code batch.max-delay}.
     */
    @Override
    public AsyncPredictFunction createAsyncPredictFunction(Context context) {
        int inFlight = context.runtimeConfig()
                .getOptional(MLPredictRuntimeConfigOptions.ASYNC_MAX_CONCURRENT_OPERATIONS)
                .orElse(sessionMaxConcurrentOperations);
        return new BatchingPredictFunction(
                modelPath, outputs, Math.max(1, Math.min(batchSize, inFlight)), batchMaxDelay);
    }

    @Override
    public ModelProvider copy() {
        return new CategorizerModelProvider(
                modelPath, outputs, batchSize, batchMaxDelay, sessionMaxConcurrentOperations);
    }

    public String modelPath() {
        return modelPath;
    }

    public List<OutputColumn> outputs() {
        return outputs;
    }
}
