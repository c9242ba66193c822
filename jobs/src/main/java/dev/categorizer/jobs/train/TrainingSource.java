package dev.categorizer.jobs.train;

import java.util.List;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A bounded FLIP-27 source that trains a model and emits it: one split (the training run), read by one reader
 * that runs a mini-batch per poll and keeps the run in checkpointed split state. Run it with parallelism 1.
 *
 * <pre>{@code
 * env.fromSource(new TrainingSource(spec, TrainingListener.NONE), WatermarkStrategy.noWatermarks(), "train")
 *         .setParallelism(1)
 *         .sinkTo(bundleSink);
 * }</pre>
 */
public final class TrainingSource
        implements Source<byte[], TrainingSplit, List<TrainingSplit>>, ResultTypeQueryable<byte[]> {
    private static final long serialVersionUID = 1L;

    private final TrainingSpec spec;
    private final TrainingListener listener;

    public TrainingSource(TrainingSpec spec, TrainingListener listener) {
        this.spec = spec;
        this.listener = listener;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<TrainingSplit, List<TrainingSplit>> createEnumerator(
            SplitEnumeratorContext<TrainingSplit> context) {
        return new TrainingSplitEnumerator(context, List.of(TrainingSplit.fresh()));
    }

    @Override
    public SplitEnumerator<TrainingSplit, List<TrainingSplit>> restoreEnumerator(
            SplitEnumeratorContext<TrainingSplit> context, List<TrainingSplit> pending) {
        return new TrainingSplitEnumerator(context, pending);
    }

    @Override
    public SimpleVersionedSerializer<TrainingSplit> getSplitSerializer() {
        return TrainingSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<List<TrainingSplit>> getEnumeratorCheckpointSerializer() {
        return new PendingSplitsSerializer();
    }

    @Override
    public SourceReader<byte[], TrainingSplit> createReader(SourceReaderContext context) {
        return new TrainingSourceReader(context, spec, listener);
    }

    @Override
    public TypeInformation<byte[]> getProducedType() {
        return PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO;
    }
}
