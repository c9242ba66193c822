package dev.categorizer.jobs.train;

import dev.categorizer.model.train.TrainedModel;
import java.io.IOException;
import org.apache.flink.util.InstantiationUtil;

/**
 * A {@link TrainedModel} as bytes (Java serialization), the record that flows from the training source to the
 * bundle sink. Bytes need no Flink type registration and never fall back to Kryo.
 */
final class TrainedModelBytes {

    private TrainedModelBytes() {}

    static byte[] of(TrainedModel model) {
        try {
            return InstantiationUtil.serializeObject(model);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the trained model", e);
        }
    }

    static TrainedModel read(byte[] bytes) {
        try {
            return InstantiationUtil.deserializeObject(bytes, TrainedModelBytes.class.getClassLoader());
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read the trained model", e);
        }
    }
}
