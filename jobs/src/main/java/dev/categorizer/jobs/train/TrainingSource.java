package dev.categorizer.jobs.train;

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
 * A bounded FLIP-27 source that trains a model and emits it: one split per replica of a data-parallel run
 * ({@link TrainingSpec#replicas()}, which must be the source's parallelism), each read by a reader that runs a
 * mini-batch per poll; the enumerator keeps the replicas in step ({@link TrainingSplitEnumerator}) and its
 * checkpointed state says which save they resume from after a failure.
 *
 * <pre>{@code
 * env.fromSource(new TrainingSource(spec, TrainingListener.NONE), WatermarkStrategy.noWatermarks(), "train")
 *         .setParallelism(spec.replicas())
 *         .sinkTo(bundleSink).setParallelism(1);
 * }</pre>
 */
public final class TrainingSource
        implements Source<TrainingOutput, TrainingSplit, TrainingEnumeratorState>, ResultTypeQueryable<TrainingOutput> {
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
    public SplitEnumerator<TrainingSplit, TrainingEnumeratorState> createEnumerator(
            SplitEnumeratorContext<TrainingSplit> context) {
        return new TrainingSplitEnumerator(context, spec, null);
    }

    @Override
    public SplitEnumerator<TrainingSplit, TrainingEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<TrainingSplit> context, TrainingEnumeratorState state) {
        return new TrainingSplitEnumerator(context, spec, state);
    }

    @Override
    public SimpleVersionedSerializer<TrainingSplit> getSplitSerializer() {
        return TrainingSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<TrainingEnumeratorState> getEnumeratorCheckpointSerializer() {
        return new TrainingEnumeratorState.Serializer();
    }

    @Override
    public SourceReader<TrainingOutput, TrainingSplit> createReader(SourceReaderContext context) {
        return new TrainingSourceReader(context, spec, listener);
    }

    @Override
    public TypeInformation<TrainingOutput> getProducedType() {
        return TypeInformation.of(TrainingOutput.class);
    }
}
