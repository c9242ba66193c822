package dev.categorizer.jobs.score;

import dev.categorizer.jobs.io.SerializerTypeInfo;
import dev.categorizer.common.record.Prediction;

/** Flink type information of {@link Prediction}, serialized by {@link PredictionSerializer}. */
public final class PredictionTypeInfo extends SerializerTypeInfo<Prediction> {
    private static final long serialVersionUID = 1L;

    public static final PredictionTypeInfo INSTANCE = new PredictionTypeInfo();

    private PredictionTypeInfo() {
        super(Prediction.class, PredictionSerializer.INSTANCE);
    }
}
